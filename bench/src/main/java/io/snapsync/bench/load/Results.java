package io.snapsync.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every measured row, and their CSV and Markdown renderings. */
final class Results {

  static final String PG = "postgresql";
  static final String SS = "snapsync";

  /** One measured row; p50/p99 are NaN where a workload has no per-operation latency. */
  record Row(String workload, String system, int clients, Measurement m, String unit,
      String note) {
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<MemoryBench.Step> memory = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void add(Row r) {
    rows.add(r);
    if (r.m.errors() > 0 && !r.workload.startsWith("dump:")) {
      notes.add(String.format(Locale.ROOT, "%s, %s, %d clients: %,d operations failed (not "
          + "counted in the throughput)", r.workload, r.system, r.clients, r.m.errors()));
    }
    System.out.printf(Locale.ROOT, "%-28s %-10s %3d clients: %12.1f %s  p50 %9.1f us  p99 %9.1f"
        + " us  errors %d %s%n", r.workload, r.system, r.clients, r.m.perSecond(), r.unit,
        r.m.p50Micros(), r.m.p99Micros(), r.m.errors(), r.note == null ? "" : r.note);
  }

  void addMemory(List<MemoryBench.Step> steps) {
    memory.addAll(steps);
  }

  void note(String text) {
    notes.add(text);
    System.out.println("NOTE: " + text);
  }

  List<Row> rows() {
    return rows;
  }

  Optional<Row> find(String workload, String system, int clients) {
    return rows.stream().filter(r -> r.workload.equals(workload) && r.system.equals(system)
        && r.clients == clients).findFirst();
  }

  void writeCsv(Path file) throws IOException {
    StringBuilder sb = new StringBuilder(
        "workload,system,clients,ops,seconds,throughput,unit,p50_us,p99_us,errors,note\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.3f,%.1f,%s,%s,%s,%d,%s%n", r.workload,
          r.system, r.clients, r.m.ops(), r.m.seconds(), r.m.perSecond(), r.unit,
          num(r.m.p50Micros()), num(r.m.p99Micros()), r.m.errors(), csv(r.note)));
    }
    for (MemoryBench.Step s : memory) {
      sb.append(String.format(Locale.ROOT, "memory: %s,%s,%d,%d,,,bytes per item,,,0,used heap %d"
          + " bytes%n", s.what(), SS, s.count(), Math.round(s.bytesPerItem()), s.usedBytes()));
    }
    Files.writeString(file, sb.toString());
  }

  void writeMarkdown(Path file, String header) throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    sb.append("## snapsync and PostgreSQL side by side\n\n");
    sb.append("Throughput in operations per second (rows per second for the dump), latency of one "
        + "operation in microseconds (median p50 and p99). Ratio = snapsync / PostgreSQL "
        + "throughput; below 1 means snapsync is slower.\n\n");
    sb.append("| workload | clients | PostgreSQL /s | snapsync /s | ratio | PostgreSQL p50 µs "
        + "| snapsync p50 µs | PostgreSQL p99 µs | snapsync p99 µs |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (Row r : rows) {
      String key = r.workload + "|" + r.clients;
      if (!r.system.equals(PG) || seen.containsKey(key)) {
        continue;
      }
      seen.put(key, true);
      Optional<Row> ss = find(r.workload, SS, r.clients);
      double ratio = ss.map(s -> s.m.perSecond() / r.m.perSecond()).orElse(Double.NaN);
      sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n",
          r.workload + (r.note == null ? "" : " (" + r.note + ")"), r.clients,
          rate(r.m.perSecond()), ss.map(s -> rate(s.m.perSecond())).orElse("–"),
          Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, ratio < 1 ? "**%.2f**" : "%.2f",
              ratio),
          num(r.m.p50Micros()), ss.map(s -> num(s.m.p50Micros())).orElse("–"),
          num(r.m.p99Micros()), ss.map(s -> num(s.m.p99Micros())).orElse("–")));
    }
    sb.append("\n## snapsync only\n\n");
    sb.append("| workload | clients | throughput | p50 µs | p99 µs | note |\n");
    sb.append("|---|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      boolean compared = rows.stream().anyMatch(o -> o.system.equals(PG)
          && o.workload.equals(r.workload) && o.clients == r.clients);
      if (compared) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "| %s | %d | %s %s | %s | %s | %s |%n", r.workload,
          r.clients, rate(r.m.perSecond()), r.unit, num(r.m.p50Micros()), num(r.m.p99Micros()),
          r.note == null ? "" : r.note));
    }
    if (!memory.isEmpty()) {
      sb.append("\n## snapsync memory per session and per live exported snapshot\n\n");
      sb.append("Live heap of the node: total of jcmd GC.class_histogram (reachable objects after a full "
          + "GC). Sessions are "
          + "event-bus sessions; exports: each session holds an open REPEATABLE READ "
          + "transaction that exported one snapshot. Bytes per item = growth over the base "
          + "(no sessions / sessions without exports) divided by the count; below 1,000 items "
          + "the growth is within the GC noise of a few MB, so no per-item figure is given.\n\n");
      sb.append("| what | count | live heap MB | bytes per item |\n|---|---:|---:|---:|\n");
      for (MemoryBench.Step s : memory) {
        sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s |%n", s.what(), s.count(),
            s.usedBytes() / 1048576.0, s.count() == 0 ? "base" : s.count() < 1000
                ? "(noise)" : String.format(Locale.ROOT, "%,.0f", s.bytesPerItem())));
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\n## Notes\n\n");
      for (String n : notes) {
        sb.append("- ").append(n).append('\n');
      }
    }
    Files.writeString(file, sb.toString());
  }

  private static String rate(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String csv(String s) {
    return s == null ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
