package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * RAISE NOTICE / WARNING / INFO from DO blocks, procedures and functions reach pgjdbc as
 * NoticeResponse messages, filtered by client_min_messages, exactly as from PostgreSQL 15;
 * RAISE EXCEPTION arrives as the error with its SQLSTATE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlpgsqlNoticeTest {

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("pgwire-plpgsql");
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

  @Test
  void noticesMatchPostgres() throws Exception {
    List<String> script = List.of(
        "create function noisy(v int) returns int language plpgsql as $$"
            + " begin raise notice 'noisy %', v; return v * 2; end $$",
        "do $$ begin raise notice 'plain %, %%', 1 + 1; raise warning 'warned';"
            + " raise info 'informed'; raise log 'logged'; end $$",
        "select noisy(21)",
        "set client_min_messages = warning",
        "do $$ begin raise notice 'hidden'; raise warning 'shown'; end $$",
        "reset client_min_messages",
        "do $$ begin raise exception 'failed % times', 3 using errcode = '22012'; end $$",
        "do $$ begin raise notice 'before'; perform 1 / 0; end $$");
    assertEquals(run(postgres(), script), run(ours(), script));
  }

  /** Each statement's warnings ({@code SQLSTATE message}) and error, one line per item. */
  private static List<String> run(Connection c, List<String> script) throws SQLException {
    List<String> out = new ArrayList<>();
    try (c; Statement s = c.createStatement()) {
      for (String sql : script) {
        out.add("> " + sql);
        try {
          s.execute(sql);
        } catch (SQLException e) {
          out.add("ERROR " + e.getSQLState() + " " + e.getMessage().split("\n")[0]);
        }
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
          out.add(w.getSQLState() + " " + w.getMessage());
        }
        s.clearWarnings();
      }
    }
    return out;
  }

  private Connection ours() throws SQLException {
    return connect(snapsync.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync");
  }

  private Connection postgres() throws SQLException {
    return connect(postgres.port(), RealPostgres.USER, "", RealPostgres.DATABASE);
  }

  private static Connection connect(int port, String user, String password, String db)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, p);
  }
}
