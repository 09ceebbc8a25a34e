package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;

/**
 * pgjdbc with binary transfer from the first execution ({@code prepareThreshold=-1},
 * {@code binaryTransfer=true}) against snapsync, and the session TimeZone as ParameterStatus
 * and in timestamptz text output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbcTypesTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-types"), PgWireOptions.SCRAM);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Connection connect(String extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", SnapsyncFixture.ADMIN);
    p.setProperty("password", SnapsyncFixture.ADMIN_PASSWORD);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/snapsync?" + extra, p);
  }

  @Test
  void binaryParametersAndResultsRoundTrip() throws Exception {
    try (Connection c = connect("prepareThreshold=-1&binaryTransfer=true")) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE bin1 (id int PRIMARY KEY, name text, amount bigint, ok boolean)");
      }
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO bin1 (id, name, amount, ok) VALUES (?, ?, ?, ?)")) {
        ins.setInt(1, -7);
        ins.setString(2, "é 'x' 中文");
        ins.setLong(3, Long.MIN_VALUE);
        ins.setBoolean(4, true);
        assertEquals(1, ins.executeUpdate());
      }
      try (PreparedStatement q = c.prepareStatement(
          "SELECT id, name, amount, ok FROM bin1 WHERE id = ?")) {
        q.setInt(1, -7);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(-7, rs.getInt(1));
          assertEquals("é 'x' 中文", rs.getString(2));
          assertEquals(Long.MIN_VALUE, rs.getLong(3));
          assertEquals(true, rs.getBoolean(4));
        }
      }
      try (PreparedStatement q = c.prepareStatement("SELECT now()");
          ResultSet rs = q.executeQuery()) {
        assertTrue(rs.next());
        OffsetDateTime now = rs.getObject(1, OffsetDateTime.class);
        assertTrue(Duration.between(now, OffsetDateTime.now()).abs().toMinutes() < 5, "" + now);
      }
    }
  }

  @Test
  void timeZoneIsReportedAndUsedForTimestamptzText() throws Exception {
    try (Connection c = connect("preferQueryMode=simple")) {
      PGConnection pg = c.unwrap(PGConnection.class);
      try (Statement s = c.createStatement()) {
        s.execute("SET TimeZone = 'asia/kolkata'");
        try (ResultSet rs = s.executeQuery("SHOW TimeZone")) {
          assertTrue(rs.next());
          assertEquals("Asia/Kolkata", rs.getString(1));
        }
        assertEquals("Asia/Kolkata", pg.getParameterStatus("TimeZone"));
        try (ResultSet rs = s.executeQuery("SELECT now()")) {
          assertTrue(rs.next());
          assertTrue(rs.getString(1).endsWith("+05:30"), rs.getString(1));
        }
        SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
            () -> s.execute("SET TimeZone = 'Mars/Olympus'"));
        assertEquals("22023", e.getSQLState());
      }
    }
  }
}
