package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** pgjdbc (unmodified) against snapsync: SCRAM login, prepared statements, errors, snapshots. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-jdbc"), PgWireOptions.SCRAM);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Connection connect(String user, String password, String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + node.port() + "/" + database, p);
  }

  private Connection admin() throws SQLException {
    return connect(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD, "snapsync");
  }

  @Test
  void preparedStatementsRoundTripTypesInTextAndBinary() throws Exception {
    try (Connection c = admin()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE jdbc1 (id int PRIMARY KEY, name text, amount bigint, ok boolean)");
      }
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO jdbc1 (id, name, amount, ok) VALUES (?, ?, ?, ?)")) {
        for (int i = 1; i <= 8; i++) {
          ins.setInt(1, i);
          ins.setString(2, "name-" + i + " 'quoted' 中文");
          ins.setLong(3, 10_000_000_000L + i);
          ins.setBoolean(4, i % 2 == 0);
          assertEquals(1, ins.executeUpdate());
        }
      }
      // more executions than prepareThreshold (5): pgjdbc switches to a named server-side
      // statement and binary results
      try (PreparedStatement q = c.prepareStatement(
          "SELECT id, name, amount, ok FROM jdbc1 WHERE id = ?")) {
        for (int i = 1; i <= 8; i++) {
          q.setInt(1, i);
          try (ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(i, rs.getInt("id"));
            assertEquals("name-" + i + " 'quoted' 中文", rs.getString("name"));
            assertEquals(10_000_000_000L + i, rs.getLong("amount"));
            assertEquals(i % 2 == 0, rs.getBoolean("ok"));
            assertFalse(rs.next());
          }
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM jdbc1 ORDER BY id LIMIT 3")) {
        List<Integer> ids = new ArrayList<>();
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
        assertEquals(List.of(1, 2, 3), ids);
        assertEquals("int4", rs.getMetaData().getColumnTypeName(1));
      }
    }
  }

  @Test
  void errorsCarrySqlStateAndTheConnectionGoesOn() throws Exception {
    try (Connection c = admin()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE jdbc2 (id int PRIMARY KEY, v text)");
        s.execute("INSERT INTO jdbc2 VALUES (1, 'a')");
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO jdbc2 VALUES (?, ?)")) {
        ins.setInt(1, 1);
        ins.setString(2, "dup");
        SQLException e = assertThrows(SQLException.class, ins::executeUpdate);
        assertEquals("23505", e.getSQLState());
      }
      try (Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT * FROM no_such_table"));
        assertEquals("42P01", e.getSQLState());
        c.setAutoCommit(false);
        s.execute("INSERT INTO jdbc2 VALUES (2, 'b')");
        SQLException bad = assertThrows(SQLException.class,
            () -> s.execute("INSERT INTO jdbc2 VALUES (2, 'again')"));
        assertEquals("23505", bad.getSQLState());
        SQLException aborted = assertThrows(SQLException.class,
            () -> s.executeQuery("SELECT * FROM jdbc2"));
        assertEquals("25P02", aborted.getSQLState());
        c.rollback();
        c.setAutoCommit(true);
        try (ResultSet rs = s.executeQuery("SELECT id FROM jdbc2 ORDER BY id")) {
          assertTrue(rs.next());
          assertEquals(1, rs.getInt(1));
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void exportedSnapshotIsImportedByAnotherConnection() throws Exception {
    try (Connection a = admin(); Connection b = admin(); Connection w = admin()) {
      try (Statement s = w.createStatement()) {
        s.execute("CREATE TABLE jdbc3 (id int PRIMARY KEY, v bigint)");
        s.execute("INSERT INTO jdbc3 VALUES (1, 10)");
      }
      a.setAutoCommit(false);
      a.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snap;
      try (PreparedStatement ps = a.prepareStatement("SELECT pg_export_snapshot()");
          ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        snap = rs.getString(1);
        assertTrue(snap.matches("[0-9A-F]{16}-1"), snap);
      }
      try (Statement s = w.createStatement()) {
        s.execute("UPDATE jdbc3 SET v = 20 WHERE id = 1");
      }
      b.setAutoCommit(false);
      b.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = b.createStatement()) {
        s.execute("SET TRANSACTION SNAPSHOT '" + snap + "'");
      }
      try (PreparedStatement q = b.prepareStatement("SELECT v FROM jdbc3 WHERE id = ?")) {
        q.setInt(1, 1);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(10, rs.getLong(1));
        }
      }
      a.commit();
      b.commit();
    }
  }

  @Test
  void batchesAndNullParametersWork() throws Exception {
    try (Connection c = admin()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE jdbc4 (id int PRIMARY KEY, v text)");
      }
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO jdbc4 VALUES (?, ?)")) {
        for (int i = 1; i <= 10; i++) {
          ins.setInt(1, i);
          if (i % 3 == 0) {
            ins.setNull(2, java.sql.Types.VARCHAR);
          } else {
            ins.setString(2, "v" + i);
          }
          ins.addBatch();
        }
        int[] counts = ins.executeBatch();
        assertEquals(10, counts.length);
        for (int n : counts) {
          assertEquals(1, n);
        }
      }
      try (PreparedStatement q = c.prepareStatement("SELECT v FROM jdbc4 WHERE id = ?")) {
        q.setInt(1, 3);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(null, rs.getString(1));
          assertTrue(rs.wasNull());
        }
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(3);
        try (ResultSet rs = s.executeQuery("SELECT id FROM jdbc4 ORDER BY id")) {
          int n = 0;
          while (rs.next()) {
            assertEquals(++n, rs.getInt(1));
          }
          assertEquals(10, n);
        }
      }
      c.commit();
    }
  }

  @Test
  void largeResultsStreamInTextAndBinary() throws Exception {
    try (Connection c = admin()) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE jdbc5 (id int PRIMARY KEY, v text)");
        for (int chunk = 0; chunk < 4; chunk++) {
          StringBuilder sql = new StringBuilder("INSERT INTO jdbc5 VALUES ");
          for (int i = chunk * 5000 + 1; i <= (chunk + 1) * 5000; i++) {
            sql.append(i == chunk * 5000 + 1 ? "" : ", ").append("(").append(i)
                .append(", 'row ").append(i)
                .append(" padded to make the result a few megabytes long ........')");
          }
          assertEquals(5000, s.executeUpdate(sql.toString()));
        }
      }
      // once in text; once with prepareThreshold -1 (pgjdbc: server-prepared, binary results)
      for (int round = 0; round < 2; round++) {
        if (round == 1) {
          c.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(-1);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id, v FROM jdbc5 ORDER BY id");
            ResultSet rs = q.executeQuery()) {
          long sum = 0;
          int n = 0;
          while (rs.next()) {
            sum += rs.getInt(1);
            n++;
          }
          assertEquals(20_000, n);
          assertEquals(20_000L * 20_001 / 2, sum);
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT at FROM snapshot_log LIMIT 1")) {
        if (rs.next()) {
          assertTrue(rs.getTimestamp(1).getTime() > 0);
        }
      }
    }
  }

  @Test
  void driverTypeLookupsAreAnswered() throws Exception {
    try (Connection c = admin();
        PreparedStatement ps = c.prepareStatement("SELECT n.nspname = ANY(current_schemas(true)),"
            + " n.nspname, t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n"
            + " ON t.typnamespace = n.oid WHERE t.oid = ?")) {
      ps.setInt(1, 2278);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("pg_catalog", rs.getString(2));
        assertEquals("void", rs.getString(3));
      }
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
        assertTrue(rs.next());
        assertEquals("timestamptz", rs.getMetaData().getColumnTypeName(1));
        assertTrue(Math.abs(rs.getTimestamp(1).getTime() - System.currentTimeMillis()) < 600_000);
      }
    }
  }

  @Test
  void badPasswordAndUnknownDatabaseAreRejected() {
    SQLException pw = assertThrows(SQLException.class,
        () -> connect(SnapsyncFixture.ADMIN, "wrong", "snapsync"));
    assertEquals("28P01", pw.getSQLState());
    SQLException nobody = assertThrows(SQLException.class,
        () -> connect("nobody", "x", "snapsync"));
    assertEquals("28P01", nobody.getSQLState());
    SQLException db = assertThrows(SQLException.class,
        () -> connect(SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD, "postgres"));
    assertEquals("3D000", db.getSQLState());
  }
}
