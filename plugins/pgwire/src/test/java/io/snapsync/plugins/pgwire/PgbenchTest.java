package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code pgbench -n -f script.sql} with custom scripts of export / import transactions (simple,
 * extended and prepared query protocols), against snapsync and against a real PostgreSQL 15:
 * both finish every transaction without failures.
 * The imported snapshot is held open by a pgjdbc session while pgbench's clients import it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PgbenchTest {

  private static final int CLIENTS = 2;
  private static final int TRANSACTIONS = 25;

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.pgbench();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-pgbench");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (snapsync != null) {
      snapsync.close();
    }
  }

  private record Server(int port, String user, String password) {
  }

  @Test
  void importExportScriptRunsOnSnapsyncAndPostgres() throws Exception {
    Server ours = new Server(snapsync.port(), SnapsyncFixture.ADMIN,
        SnapsyncFixture.ADMIN_PASSWORD);
    Server theirs = new Server(postgres.port(), RealPostgres.USER, "");
    for (Server s : List.of(ours, theirs)) {
      try (Connection exporter = connect(s)) {
        try (Statement st = exporter.createStatement()) {
          st.execute("CREATE TABLE bench (id int PRIMARY KEY, v int)");
          StringBuilder values = new StringBuilder();
          for (int i = 1; i <= 20; i++) {
            values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 0)");
          }
          st.execute("INSERT INTO bench VALUES " + values);
        }
        exporter.setAutoCommit(false);
        exporter.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        String snap;
        try (Statement st = exporter.createStatement();
            ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          snap = rs.getString(1);
        }
        String out = pgbench(s, "import_export.sql", "simple", "snap=" + snap);
        assertProcessedAll(out);
        out = pgbench(s, "export_prepared.sql", "prepared", null);
        assertProcessedAll(out);
        out = pgbench(s, "export_prepared.sql", "extended", null);
        assertProcessedAll(out);
        exporter.commit();
      }
    }
  }

  /**
   * {@code pgbench -i -s 1} with its default steps (drop, create, client-side COPY, VACUUM,
   * primary keys) and then the default TPC-B script, unchanged, on both servers: the same rows
   * and every transaction processed.
   */
  @Test
  void pgbenchInitialisesAndRunsTpcbUnchanged() throws Exception {
    Server ours = new Server(snapsync.port(), SnapsyncFixture.ADMIN,
        SnapsyncFixture.ADMIN_PASSWORD);
    Server theirs = new Server(postgres.port(), RealPostgres.USER, "");
    for (Server s : List.of(ours, theirs)) {
      run(s, List.of("-i", "-s", "1"));
      String out = run(s, List.of("-n", "-c", String.valueOf(CLIENTS), "-j", "1", "-t",
          String.valueOf(TRANSACTIONS)));
      assertProcessedAll(out);
      try (Connection c = connect(s); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT count(*), sum(abalance) FROM pgbench_accounts")) {
        rs.next();
        assertEquals(100_000, rs.getLong(1));
        try (Statement h = c.createStatement();
            ResultSet hr = h.executeQuery("SELECT count(*), sum(delta) FROM pgbench_history")) {
          hr.next();
          assertEquals(CLIENTS * TRANSACTIONS, hr.getLong(1));
          assertEquals(hr.getLong(2), rs.getLong(2)); // every delta reached an account
        }
      }
    }
  }

  private String run(Server s, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PgTools.pgbench().toString()));
    cmd.addAll(args);
    cmd.addAll(List.of("-h", "127.0.0.1", "-p", String.valueOf(s.port()), "-U", s.user(),
        "snapsync"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", s.password());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static void assertProcessedAll(String out) {
    int all = CLIENTS * TRANSACTIONS;
    assertTrue(out.contains("number of transactions actually processed: " + all + "/" + all),
        out);
    assertTrue(out.contains("number of failed transactions: 0"), out);
  }

  private static Connection connect(Server s) throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + s.port() + "/snapsync",
        s.user(), s.password());
  }

  private String pgbench(Server s, String script, String protocol, String define)
      throws Exception {
    Path file = dir.resolve(script);
    try (InputStream in = getClass().getResourceAsStream("/pgbench/" + script)) {
      Files.write(file, in.readAllBytes());
    }
    List<String> cmd = new ArrayList<>(List.of(PgTools.pgbench().toString(), "-n", "-f",
        file.toString(), "-M", protocol, "-c", String.valueOf(CLIENTS), "-j", "1", "-t",
        String.valueOf(TRANSACTIONS), "-h", "127.0.0.1", "-p", String.valueOf(s.port()), "-U",
        s.user()));
    if (define != null) {
      cmd.addAll(List.of("-D", define));
    }
    cmd.add("snapsync");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", s.password());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
