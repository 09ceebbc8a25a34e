package io.snapsync.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Takes the rows printed by {@link io.snapsync.bench.cluster.ClusterBench} ({@code | what | n |
 * p50 | p90 | p99 | max | mean |}, microseconds, sequential calls) into the results.
 */
final class ClusterRows {

  private ClusterRows() {
  }

  static void add(Results results, String file) throws IOException {
    List<String> lines = file == null || !Files.exists(Path.of(file)) ? List.of()
        : Files.readAllLines(Path.of(file));
    int added = 0;
    for (String line : lines) {
      String[] c = line.split("\\|");
      if (c.length < 8 || !c[2].trim().matches("\\d+")) {
        continue;
      }
      long n = Long.parseLong(c[2].trim());
      double mean = Double.parseDouble(c[7].trim());
      Measurement m = new Measurement(n, n * mean / 1e6, Double.parseDouble(c[3].trim()),
          Double.parseDouble(c[5].trim()), 0);
      results.add(new Results.Row(c[1].trim(), Results.SS, 1, m, "ops/s",
          "ClusterBench, sequential calls; p90 " + c[4].trim() + " µs, max " + c[6].trim()
              + " µs"));
      added++;
    }
    if (added == 0) {
      results.note("global kill latency: ClusterBench printed no rows (see the run log)");
    }
  }
}
