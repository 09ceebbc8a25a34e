package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Results that stream: pgjdbc's {@code setFetchSize} (Execute with a row limit, PortalSuspended,
 * the next Execute resuming) and psql's {@code FETCH_COUNT} (DECLARE / FETCH FORWARD) read a
 * query's rows in pages computed as they are asked for, compared with a real PostgreSQL 15.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PortalStreamingTest {

  private Path dir;
  private SnapsyncFixture node;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-stream");
    node = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private Connection snapsync() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", SnapsyncFixture.USER);
    p.setProperty("password", SnapsyncFixture.USER_PASSWORD);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/snapsync", p);
  }

  private Connection postgres() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", RealPostgres.USER);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
        + RealPostgres.DATABASE, p);
  }

  /** Rows read before the error, then the error's SQLSTATE, as pgjdbc sees them in pages. */
  private static String pagedUntilError(Connection c, String sql, int fetchSize)
      throws SQLException {
    c.setAutoCommit(false);
    long rows = 0;
    try (Statement st = c.createStatement()) {
      st.setFetchSize(fetchSize);
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          rows++;
        }
      }
      return rows + " rows";
    } catch (SQLException e) {
      return rows + " rows, then " + e.getSQLState();
    } finally {
      c.rollback();
    }
  }

  @Test
  void pagesAreComputedAsTheClientAsksForThem() throws Exception {
    // 4,900 rows reach the client before row 5,000 fails: the result was not computed whole
    String sql = "select 10000 / (g - 5000) from generate_series(1, 10000) g";
    try (Connection ours = snapsync(); Connection theirs = postgres()) {
      assertEquals(pagedUntilError(theirs, sql, 100), pagedUntilError(ours, sql, 100));
      assertEquals("4900 rows, then 22012", pagedUntilError(ours, sql, 100));
    }
  }

  @Test
  void aLargeResultStreamsThroughFetchSizeInBoundedHeap() throws Exception {
    long n = Long.getLong("stream.rows", 2_000_000L);
    resetPeaks();
    long sum = 0;
    long count = 0;
    try (Connection c = snapsync()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.setFetchSize(5000);
        try (ResultSet rs = st.executeQuery("select g from generate_series(1, " + n + ") g")) {
          while (rs.next()) {
            sum += rs.getLong(1);
            count++;
          }
        }
      }
      c.commit();
    }
    assertEquals(n, count);
    assertEquals(n * (n + 1) / 2, sum);
    System.out.println("PortalStreamingTest: " + n + " rows through setFetchSize, peak heap "
        + peakHeapMb() + " MB");
  }

  @Test
  void portalSuspendsAndResumesOnTheNextExecute() throws Exception {
    try (Connection ours = snapsync(); Connection theirs = postgres()) {
      for (Connection c : List.of(ours, theirs)) {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          st.setFetchSize(3);
          try (ResultSet rs = st.executeQuery("select g, 'r' || g from generate_series(1, 10) g")) {
            StringBuilder seen = new StringBuilder();
            while (rs.next()) {
              seen.append(rs.getInt(1)).append(rs.getString(2)).append(' ');
            }
            assertEquals("1r1 2r2 3r3 4r4 5r5 6r6 7r7 8r8 9r9 10r10 ", seen.toString());
          }
          // the block is still usable after the pages
          try (ResultSet rs = st.executeQuery("select 42")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
          }
        }
        c.rollback();
      }
    }
  }

  @Test
  void errorInALaterPageFailsTheBlock() throws Exception {
    try (Connection c = snapsync()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.setFetchSize(10);
        assertThrows(SQLException.class, () -> {
          try (ResultSet rs = st.executeQuery(
              "select 1 / (g - 50) from generate_series(1, 100) g")) {
            while (rs.next()) {
              rs.getInt(1);
            }
          }
        });
        SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("select 1"));
        assertEquals("25P02", e.getSQLState());
      }
      c.rollback();
    }
  }

  @Test
  void psqlWithFetchCountPrintsWhatPostgresPrints() throws Exception {
    String script = "\\set FETCH_COUNT 4\n"
        + "select g, g * 2 as twice from generate_series(1, 10) g;\n"
        + "select 100 / (g - 6) from generate_series(1, 10) g;\n"
        + "select 'after';";
    List<String> ours;
    List<String> theirs;
    try (Psql p = new Psql(node.port(), SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD,
        "snapsync", Map.of())) {
      ours = p.run(script);
    }
    try (Psql p = new Psql(postgres.port(), RealPostgres.USER, "", RealPostgres.DATABASE,
        Map.of())) {
      theirs = p.run(script);
    }
    assertEquals(String.join("\n", strip(theirs)), String.join("\n", strip(ours)));
  }

  @Test
  void psqlWithFetchCountStreamsALargeResult() throws Exception {
    long n = Long.getLong("stream.rows", 2_000_000L);
    resetPeaks();
    List<String> out;
    try (Psql p = new Psql(node.port(), SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD,
        "snapsync", Map.of())) {
      out = p.run("\\set FETCH_COUNT 10000\n\\pset tuples_only on\n"
          + "select sum(x) from (select 1 as x) s;\n"
          + "\\o /dev/null\nselect g from generate_series(1, " + n + ") g;\n\\o\n"
          + "select 'done';");
    }
    assertTrue(out.contains("done"), String.join("\n", out));
    System.out.println("PortalStreamingTest: " + n + " rows through psql FETCH_COUNT, peak heap "
        + peakHeapMb() + " MB");
  }

  /** Without the LOCATION lines (PostgreSQL's source positions). */
  private static List<String> strip(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("LOCATION:")).toList();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
