package io.snapsync.bench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The regression yardstick (issue 12): starts a private PostgreSQL 15 and a private snapsync
 * node, replays PostgreSQL's regression SQL through psql against both, and writes
 * {@code regress.md} (per-file table, total, failure digest) and {@code misses.tsv} (every
 * statement PostgreSQL ran fine that snapsync did not match) to the output directory.
 *
 * <pre>
 * RegressMain --regress-dir DIR [--files a,b,c] [--out DIR] [--home DIR] [--top 20]
 *             [--timeout-s 600] [--label TEXT] [--ss-port N --ss-password PW]
 *             [--keep-outputs DIR]
 * </pre>
 * {@code DIR} holds {@code sql/} and {@code data/} of PostgreSQL's {@code src/test/regress}.
 * With {@code --ss-port} the tool uses a running node instead of starting one;
 * {@code --keep-outputs} keeps every session's script and raw psql output.
 */
public final class RegressMain {

  /** The default files, {@code test_setup} first (it creates and loads the shared tables). */
  public static final List<String> DEFAULT_FILES = List.of("test_setup", "select", "join",
      "aggregates", "subselect", "union", "case", "insert", "update", "delete", "limit",
      "select_distinct", "int2", "int4", "int8", "float8", "numeric", "text", "boolean",
      "varchar", "char", "strings", "date", "timestamp", "interval", "arrays", "json", "jsonb",
      "transactions", "with", "window", "create_table", "create_index", "alter_table", "copy");

  private RegressMain() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = options(args);
    Path regressDir = Path.of(require(opt, "regress-dir")).toAbsolutePath();
    List<String> files = opt.containsKey("files")
        ? Arrays.asList(opt.get("files").split(",")) : DEFAULT_FILES;
    Path out = Files.createDirectories(Path.of(opt.getOrDefault("out", "bench/results/regress")));
    Path home = Path.of(opt.getOrDefault("home", ".")).toAbsolutePath().normalize();
    int top = Integer.parseInt(opt.getOrDefault("top", "20"));
    long timeout = Long.parseLong(opt.getOrDefault("timeout-s", "600")) * 1000;
    Path psqlBin = Path.of(opt.getOrDefault("psql", "/usr/bin/psql"));
    Path pgBin = Path.of(opt.getOrDefault("pg-bin", PrivatePostgres.BIN.toString()));

    Path work = Files.createTempDirectory("snapsync-regress");
    Path build = Files.createDirectories(work.resolve("build/results"));
    work.toFile().setReadable(true, false);
    work.toFile().setExecutable(true, false);
    for (Path p : List.of(build.getParent(), build)) {
      p.toFile().setWritable(true, false);
      p.toFile().setReadable(true, false);
      p.toFile().setExecutable(true, false);
    }
    String loadStart = Files.readString(Path.of("/proc/loadavg")).strip();
    PrivatePostgres pg = null;
    SnapsyncProcess node = null;
    try {
      pg = PrivatePostgres.start(pgBin, work);
      Server ss;
      if (opt.containsKey("ss-port")) {
        ss = new Server("snapsync", "127.0.0.1", Integer.parseInt(opt.get("ss-port")),
            opt.getOrDefault("ss-user", "admin"), opt.getOrDefault("ss-password", ""),
            "snapsync");
      } else {
        node = SnapsyncProcess.start(home, work);
        ss = node.server();
      }
      PsqlRun psql = new PsqlRun(psqlBin, Map.of(
          "PG_ABS_SRCDIR", regressDir.toString(),
          "PG_ABS_BUILDDIR", build.getParent().toString(),
          "PG_LIBDIR", pgBin.getParent().resolve("lib").toString(),
          "PG_DLSUFFIX", ".so"), timeout);
      if (opt.containsKey("keep-outputs")) {
        psql.keepingOutputsIn(Path.of(opt.get("keep-outputs")));
      }
      SnapsyncProcess watched = node;
      long t0 = System.nanoTime();
      List<FileResult> results = new RegressRunner(psql, pg.server(), ss, work)
          .run(regressDir.resolve("sql"), files, r -> {
            System.err.printf(Locale.ROOT, "[regress] %-16s %5d statements %5d PG ok %5d "
                + "identical (%.1f%%)%s%n", r.file(), r.statements(), r.pgOk(), r.identical(),
                r.percent(), watched != null && !watched.alive() ? " NODE DIED" : "");
          });
      long seconds = (System.nanoTime() - t0) / 1_000_000_000;
      String header = header(opt.getOrDefault("label", ""), pg.version(), loadStart,
          Files.readString(Path.of("/proc/loadavg")).strip(), seconds,
          node != null && !node.alive());
      String md = header + "\n## Per file\n\n" + RegressReport.table(results)
          + "\n## Failure digest\n\n" + RegressReport.digest(results, top);
      Files.writeString(out.resolve("regress.md"), md);
      Files.writeString(out.resolve("misses.tsv"), RegressReport.missList(results));
      System.out.println(md);
    } finally {
      if (node != null) {
        node.close();
      }
      if (pg != null) {
        pg.close();
      }
      deleteTree(work);
    }
  }

  private static String header(String label, String pgVersion, String loadStart,
      String loadEnd, long seconds, boolean nodeDied) throws IOException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
    return "# PostgreSQL regression SQL replayed on snapsync\n\n"
        + "- run: " + Instant.now().toString().replaceAll("\\.\\d+Z", "Z")
        + (label.isEmpty() ? "" : "; snapsync: " + label) + "\n"
        + "- machine: " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + "; " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores\n"
        + "- load average at start: " + loadStart + "; at end: " + loadEnd + "\n"
        + "- reference: " + pgVersion + " (initdb --locale=C -E UTF8), psql 15, "
        + "PGTZ=PST8PDT, PGDATESTYLE='Postgres, MDY' as pg_regress sets them\n"
        + "- wall time: " + seconds + " s" + (nodeDied ? "; **the snapsync node died**" : "")
        + "\n- \"identical\": psql's whole output for the statement (rows, command tags, "
        + "notices) is byte-for-byte PostgreSQL's; % = identical / PG ok\n";
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("usage: --name value ...; bad: " + args[i]);
      }
      m.put(args[i].substring(2), args[++i]);
    }
    return m;
  }

  private static String require(Map<String, String> opt, String key) {
    String v = opt.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.forEach(paths::add);
    }
    paths.sort(Comparator.reverseOrder());
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
