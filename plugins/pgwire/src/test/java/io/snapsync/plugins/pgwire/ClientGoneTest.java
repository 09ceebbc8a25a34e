package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A psql killed with SIGKILL while its statement runs for ever: as PostgreSQL's backend does on
 * a lost client, the node ends the statement, rolls its transaction back (the row lock it held
 * goes to the next session) and drops the session. The test polls {@code pg_stat_activity} and
 * waits on the lock itself; it never sleeps for the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClientGoneTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-gone"), PgWireOptions.SCRAM);
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE gone (id int PRIMARY KEY, v int)");
      s.execute("INSERT INTO gone VALUES (1, 0), (2, 0), (3, 0)");
      s.execute("CREATE TABLE wide (id int PRIMARY KEY, pad text)");
      s.execute("INSERT INTO wide SELECT g, repeat('x', 200) FROM generate_series(1, 100000) g");
      s.execute("CREATE FUNCTION spin() RETURNS int LANGUAGE plpgsql AS $$ DECLARE i int := 0;"
          + " BEGIN LOOP i := i + 1; END LOOP; RETURN i; END $$");
    }
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", SnapsyncFixture.ADMIN);
    p.setProperty("password", SnapsyncFixture.ADMIN_PASSWORD);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + node.port() + "/snapsync", p);
  }

  /** The state of the session whose application_name is {@code app}, or null if it has none. */
  private static String state(Connection c, String app) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(
        "SELECT state, query FROM pg_stat_activity WHERE application_name = ?")) {
      q.setString(1, app);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) + ": " + rs.getString(2) : null;
      }
    }
  }

  private static void awaitState(Connection c, String app, String prefix, boolean present)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String last;
    do {
      last = state(c, app);
      if (present ? last != null && last.startsWith(prefix) : last == null) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("session " + app + " is still " + last);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT count(*) FROM generate_series(1, 10000000000);",
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;",
      "SELECT spin();"})
  void aKilledClientsStatementEndsAndItsRowLockIsReleased(String endless) throws Exception {
    int id = Math.floorMod(endless.hashCode(), 3) + 1;
    String app = "gone-" + Integer.toHexString(endless.hashCode());
    try (Connection watcher = connect()) {
      Psql psql = new Psql(node.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
          "snapsync", Map.of("PGAPPNAME", app));
      try {
        psql.run("BEGIN; UPDATE gone SET v = 1 WHERE id = " + id + ";");
        psql.send(endless);
        awaitState(watcher, app, "active: " + endless.substring(0, 9), true);
      } finally {
        psql.kill();
      }
      // the lock holder's statement must end and roll back before this update can have the row
      try (Statement s = watcher.createStatement()) {
        s.execute("SET lock_timeout = '60s'");
        assertEquals(1, s.executeUpdate("UPDATE gone SET v = v + 10 WHERE id = " + id));
        try (ResultSet rs = s.executeQuery("SELECT v FROM gone WHERE id = " + id)) {
          assertTrue(rs.next());
          assertTrue(rs.getInt(1) % 10 == 0, "the killed client's update was rolled back");
        }
      }
      awaitState(watcher, app, "", false);
    }
  }

  /**
   * COPY TO STDOUT to a client that stops reading (the server waits for the socket to drain)
   * and then resets the connection: the COPY ends, its block rolls back and frees its row lock.
   */
  @Test
  void aCopyToAClientThatVanishedEnds() throws Exception {
    int port = node.listen(new PgWireOptions("127.0.0.1", 0, PgWireOptions.PASSWORD, 1 << 20))
        .port();
    try (Connection watcher = connect()) {
      RawClient c = new RawClient(port);
      c.startup(3, 0, Map.of("user", SnapsyncFixture.ADMIN, "database", "snapsync",
          "application_name", "gone-copy"));
      c.read();
      c.send('p', RawClient.cstr(SnapsyncFixture.ADMIN_PASSWORD));
      c.readUntilReady();
      assertEquals(null, c.query("BEGIN"));
      assertEquals(null, c.query("UPDATE gone SET v = 1 WHERE id = 3"));
      c.send('Q', RawClient.cstr("COPY wide TO STDOUT"));
      awaitState(watcher, "gone-copy", "active: COPY wide", true);
      c.reset();
      try (Statement s = watcher.createStatement()) {
        s.execute("SET lock_timeout = '60s'");
        assertEquals(1, s.executeUpdate("UPDATE gone SET v = v + 10 WHERE id = 3"));
      }
      awaitState(watcher, "gone-copy", "", false);
    }
  }

  /**
   * psql with FETCH_COUNT reads a big result through a cursor; its output pipe is never read, so
   * it stops mid-fetch with the cursor open. Killed then, its block rolls back.
   */
  @Test
  void aClientKilledMidFetchRollsBack() throws Exception {
    try (Connection watcher = connect()) {
      Psql psql = new Psql(node.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
          "snapsync", Map.of("PGAPPNAME", "gone-fetch"));
      try {
        psql.run("\\set FETCH_COUNT 50");
        psql.run("BEGIN; UPDATE gone SET v = 1 WHERE id = 2;");
        psql.send("SELECT * FROM wide;");
        awaitState(watcher, "gone-fetch", "idle in transaction: FETCH", true);
      } finally {
        psql.kill();
      }
      try (Statement s = watcher.createStatement()) {
        s.execute("SET lock_timeout = '60s'");
        assertEquals(1, s.executeUpdate("UPDATE gone SET v = v + 10 WHERE id = 2"));
      }
      awaitState(watcher, "gone-fetch", "", false);
    }
  }
}
