package io.snapsync.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

  @TempDir
  Path dir;

  @Test
  void slowerRowsAreMarkedAndRatiosAreSnapsyncOverPostgres() throws Exception {
    Results r = new Results();
    r.add(new Results.Row("export", Results.PG, 8, new Measurement(3000, 3, 100, 900, 0),
        "ops/s", null));
    r.add(new Results.Row("export", Results.SS, 8, new Measurement(300, 3, 1000, 9000, 0),
        "ops/s", null));
    r.add(new Results.Row("WDR report", Results.SS, 1, new Measurement(10, 2, 50, 80, 0),
        "reports/s", null));
    Path md = dir.resolve("results.md");
    r.writeMarkdown(md, "# header\n");
    String text = Files.readString(md);
    assertTrue(text.contains("| export | 8 | 1,000 | 100 | **0.10** | 100 | 1000 | 900 | 9000 |"),
        text);
    assertTrue(text.contains("| WDR report | 1 | 5.00 reports/s | 50 | 80 |"), text);
    Path csv = dir.resolve("results.csv");
    r.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(4, lines.size());
    assertEquals("export,snapsync,8,300,3.000,100.0,ops/s,1000,9000,0,", lines.get(2));
  }

  @Test
  void clusterBenchTableBecomesRows() throws Exception {
    Path table = dir.resolve("cluster.md");
    Files.writeString(table, String.join("\n",
        "| measurement | n | p50 µs | p90 µs | p99 µs | max µs | mean µs |",
        "|---|---|---|---|---|---|---|",
        "| kill_snapshot('global'), 3 CN + 1 DN | 50 | 11103 | 19103 | 37567 | 37567 | 12983 |",
        ""));
    Results r = new Results();
    ClusterRows.add(r, table.toString());
    assertEquals(1, r.rows().size());
    Results.Row row = r.rows().get(0);
    assertEquals("kill_snapshot('global'), 3 CN + 1 DN", row.workload());
    assertEquals(11103, row.m().p50Micros());
    assertEquals(37567, row.m().p99Micros());
    assertEquals(1e6 / 12983, row.m().perSecond(), 0.01);
  }

  @Test
  void closedLoopCountsEveryMeasuredOperationOfEveryClient() throws Exception {
    java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    Measurement m = new ClosedLoop(0, 200).run(3, i -> new ClosedLoop.Client() {
      @Override
      public void op() {
        calls.incrementAndGet();
      }

      @Override
      public void close() {
      }
    });
    assertTrue(m.ops() > 0);
    assertTrue(m.ops() <= calls.get());
    assertEquals(0, m.errors());
  }
}
