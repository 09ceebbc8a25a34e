package io.snapsync.bench.ssi;

import io.snapsync.bench.regress.PrivatePostgres;
import io.snapsync.bench.regress.Server;
import io.snapsync.bench.regress.SnapsyncProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * False positives of SERIALIZABLE, measured (issue 16): the same mixed SERIALIZABLE workload
 * ({@link SsiWorkload}: transfers between random accounts, read-only balance reports, and
 * write-skew-prone "withdraw if the pair stays positive" transactions) over pgjdbc against a
 * private PostgreSQL 15 and a private snapsync node, reporting throughput and abort rate
 * (40001 and 40P01 per attempt) of both into {@code --out}/ssi.md.
 *
 * <p>Options ({@code --name value}): home (source tree, default .), out (default
 * bench/results/ssi), clients (comma list, default 1,4), seconds (per run, default 5),
 * warmup-seconds (unmeasured run before each, default 2), accounts (default 100), isolation
 * ({@code serializable}, or {@code repeatable} to see what SSI costs).
 */
public final class SsiBench {

  private SsiBench() {
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    }
    Path home = Path.of(a.getOrDefault("home", ".")).toAbsolutePath();
    Path out = Path.of(a.getOrDefault("out", "bench/results/ssi"));
    long millis = Long.parseLong(a.getOrDefault("seconds", "5")) * 1000;
    int accounts = Integer.parseInt(a.getOrDefault("accounts", "100"));
    long warmup = Long.parseLong(a.getOrDefault("warmup-seconds", "2")) * 1000;
    int isolation = a.getOrDefault("isolation", "serializable").startsWith("r")
        ? java.sql.Connection.TRANSACTION_REPEATABLE_READ
        : java.sql.Connection.TRANSACTION_SERIALIZABLE;
    List<Integer> clients = new ArrayList<>();
    for (String c : a.getOrDefault("clients", "1,4").split(",")) {
      clients.add(Integer.parseInt(c.trim()));
    }
    Files.createDirectories(out);
    Path dir = Files.createTempDirectory("ssi-bench");
    List<String> lines = new ArrayList<>();
    lines.add("| server | clients | accounts | commits/s | aborts (40001, 40P01) | attempts"
        + " | abort rate |");
    lines.add("|---|---:|---:|---:|---:|---:|---:|");
    try (PrivatePostgres pg = PrivatePostgres.start(PrivatePostgres.BIN, dir);
        SnapsyncProcess ss = SnapsyncProcess.start(home, dir)) {
      for (Server s : List.of(pg.server(), ss.server())) {
        for (int n : clients) {
          SsiWorkload w = new SsiWorkload(s, accounts, isolation);
          w.setUp();
          w.run(n, warmup);
          SsiWorkload.Outcome o = w.run(n, millis);
          String row = String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %.2f %% |",
              s.name(), n, accounts, o.commits() * 1000.0 / millis, o.aborts(), o.attempts(),
              o.attempts() == 0 ? 0.0 : 100.0 * o.aborts() / o.attempts());
          lines.add(row);
          System.out.println(row);
        }
      }
    }
    Files.write(out.resolve("ssi.md"), lines);
  }
}
