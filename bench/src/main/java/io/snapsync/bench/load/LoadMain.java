package io.snapsync.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load driver of bench/run.sh: runs the same workloads with the same client (pgjdbc) against
 * a PostgreSQL server and a snapsync node, then the snapsync-only workloads, and writes
 * results.md, results.csv and throughput.png into {@code --out}.
 *
 * <p>Options (all {@code --name value}): pg-url, pg-user, pg-password, ss-url, ss-user,
 * ss-password, cluster-name, cluster-members, client-port, node-pid, rows (dump table size),
 * clients (comma list, default 1,8,64), warmup-ms, measure-ms, session-steps (comma list),
 * machine (a description for the header), out, only (comma list of sections: export, import,
 * select1, dump, eventbus, wdr, memory, kill), cluster-results (the Markdown table printed by
 * {@link io.snapsync.bench.cluster.ClusterBench}, taken into the results).
 */
public final class LoadMain {

  static final String EXPORT = "export";
  static final String IMPORT = "export + import + read";
  static final String SELECT1 = "SELECT 1 (wire)";
  static final String SELECT1_BUS = "SELECT 1 (event bus)";
  static final String DUMP = "parallel dump";

  private LoadMain() {
  }

  public static void main(String[] argv) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("java.awt.headless", "true");
    Map<String, String> a = parse(argv);
    Target pg = new Target(Results.PG, a.get("pg-url"), a.get("pg-user"), a.get("pg-password"));
    Target ss = new Target(Results.SS, a.get("ss-url"), a.get("ss-user"), a.get("ss-password"));
    int[] clients = ints(a.getOrDefault("clients", "1,8,64"));
    long rows = Long.parseLong(a.getOrDefault("rows", "1000000"));
    ClosedLoop loop = new ClosedLoop(Long.parseLong(a.getOrDefault("warmup-ms", "1000")),
        Long.parseLong(a.getOrDefault("measure-ms", "3000")));
    List<String> only = Arrays.asList(a.getOrDefault("only",
        "export,import,select1,dump,eventbus,wdr,memory").split(","));
    Path out = Path.of(a.getOrDefault("out", "bench/results"));
    Files.createDirectories(out);
    Results results = new Results();
    String loadBefore = loadAverage();
    List<Target> both = List.of(pg, ss);

    String pgVersion;
    try (Connection c = pg.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version()")) {
      rs.next();
      pgVersion = rs.getString(1);
    }
    for (Target t : both) {
      try (Connection c = t.connect()) {
        SqlWorkloads.createKv(c);
      }
    }

    if (only.contains("export")) {
      for (int n : clients) {
        for (Target t : both) {
          results.add(new Results.Row(EXPORT, t.name(), n,
              loop.run(n, SqlWorkloads.export(t)), "ops/s", null));
        }
      }
    }
    if (only.contains("import")) {
      for (int n : clients) {
        for (Target t : both) {
          try (SqlWorkloads.Exporter ex = SqlWorkloads.Exporter.open(t)) {
            results.add(new Results.Row(IMPORT, t.name(), n,
                loop.run(n, SqlWorkloads.importAndRead(t, ex.snapshotId())), "ops/s", null));
          }
        }
      }
    }
    if (only.contains("select1")) {
      for (int n : clients) {
        for (Target t : both) {
          results.add(new Results.Row(SELECT1, t.name(), n,
              loop.run(n, SqlWorkloads.selectOne(t)), "ops/s", null));
        }
      }
    }
    if (only.contains("dump")) {
      for (Target t : both) {
        ParallelDump.Result r = ParallelDump.run(t, rows, 4, 4);
        String note = String.format(Locale.ROOT, "%,d rows, 4 importers, 4 writers", rows);
        results.add(new Results.Row(DUMP, t.name(), 4,
            new Measurement(r.rows(), r.dumpSeconds(), Double.NaN, Double.NaN, 0), "rows/s",
            note));
        results.add(new Results.Row("dump: writer commits during the dump", t.name(), 4,
            new Measurement(r.writerCommits(), r.dumpSeconds(), Double.NaN, Double.NaN,
                r.writerErrors()), "commits/s", note));
        results.add(new Results.Row("dump: table load (INSERT of 1,000 rows)", t.name(), 1,
            new Measurement(r.rows(), r.loadSeconds(), Double.NaN, Double.NaN, 0), "rows/s",
            note));
        if (r.writerErrors() > 0) {
          results.note(String.format(Locale.ROOT, "%s: %,d writer statements failed during the"
              + " dump (%,d committed); first failure: %s", t.name(), r.writerErrors(),
              r.writerCommits(), r.firstWriterError()));
        }
        if (!r.consistent()) {
          results.note(t.name() + ": the dump did NOT see exactly the exported snapshot");
        }
      }
    }
    if (only.contains("eventbus") || only.contains("memory")) {
      try (EventBusBench bus = EventBusBench.join(a.get("cluster-name"),
          Integer.parseInt(a.getOrDefault("client-port", "15711")),
          Arrays.asList(a.get("cluster-members").split(",")),
          java.nio.file.Path.of(a.getOrDefault("trust-dir", "data/trust")), ss.user(),
          ss.password())) {
        if (only.contains("eventbus")) {
          for (int n : clients) {
            results.add(new Results.Row(SELECT1_BUS, Results.SS, n, loop.run(n, bus.selectOne()),
                "ops/s", "clustered Vert.x client, SnapsyncClient"));
          }
        }
        if (only.contains("memory") && a.containsKey("node-pid")) {
          results.addMemory(MemoryBench.run(bus, Long.parseLong(a.get("node-pid")),
              ints(a.getOrDefault("session-steps", "1,10,100,1000,10000"))));
        }
      }
    }
    if (only.contains("wdr")) {
      WdrBench.Result w = WdrBench.run(ss, Integer.parseInt(a.getOrDefault("wdr-snapshots",
          "10")), Integer.parseInt(a.getOrDefault("wdr-reports", "10")));
      results.add(new Results.Row("WDR snapshot: request to stored", Results.SS, 1,
          w.requestToStored(), "snapshots/s", null));
      results.add(new Results.Row("WDR snapshot: worker start to end", Results.SS, 1,
          w.collectTime(), "snapshots/s", "latency from the snapshot's start_ts/end_ts (ms "
          + "resolution); throughput column as above"));
      results.add(new Results.Row("WDR report (all, cluster)", Results.SS, 1, w.report(),
          "reports/s", String.format(Locale.ROOT, "%,d characters of HTML", w.reportChars())));
    }
    if (only.contains("kill")) {
      ClusterRows.add(results, a.get("cluster-results"));
    }

    String header = "# snapsync vs PostgreSQL — results\n\n"
        + "- run: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n"
        + "- machine: " + a.getOrDefault("machine", "?") + "\n"
        + "- client: pgjdbc " + org.postgresql.Driver.getVersion() + " from one JVM ("
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
        + "), loopback, each client its own connection and thread, closed loop; "
        + a.getOrDefault("warmup-ms", "1000") + " ms warm-up then "
        + a.getOrDefault("measure-ms", "3000") + " ms measured per row\n"
        + "- PostgreSQL: " + pgVersion + " (initdb defaults, fsync on)\n"
        + "- snapsync: embedded node (bin/snapsync), default settings\n"
        + String.format(Locale.ROOT, "- dump table: %,d rows%n", rows)
        + "- load average (1, 5, 15 min) at start: " + loadBefore + "; at end: " + loadAverage()
        + "\n";
    results.writeMarkdown(out.resolve("results.md"), header);
    results.writeCsv(out.resolve("results.csv"));
    Plot.write(results, List.of(EXPORT, IMPORT, SELECT1, SELECT1_BUS),
        out.resolve("throughput.png"));
    System.out.println();
    System.out.println(Files.readString(out.resolve("results.md")));
    System.exit(0);
  }

  /** The first three fields of /proc/loadavg, or "?" where there is none. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  private static Map<String, String> parse(String[] argv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + argv[i]);
      }
      m.put(argv[i].substring(2), argv[i + 1]);
    }
    return m;
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
  }
}
