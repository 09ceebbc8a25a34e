package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * COPY through pgwire's COPY sub-protocol with unmodified clients (pgjdbc's CopyManager, psql's
 * {@code \copy}): text and CSV in, COPY TO STDOUT byte for byte equal to a real PostgreSQL 15's
 * for the same table and data, errors mid-stream, CopyFail, server files, and 200,000 rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CopyTest {

  private static final String DDL = "CREATE TABLE %s (id int PRIMARY KEY, name text,"
      + " flag boolean, n bigint)";
  private static final String TEXT_DATA = "1\tplain\tt\t10\n"
      + "2\ttab\\there\tf\t\\N\n"
      + "3\tnew\\nline and back\\\\slash\t\\N\t-5\n"
      + "4\t\\N\ttrue\t9000000000\n"
      + "5\t\tf\t0\n";

  private Path dir;
  private SnapsyncFixture node;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    dir = Files.createTempDirectory("pgwire-copy");
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

  private Connection snapsync(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/snapsync", p);
  }

  private Connection admin() throws SQLException {
    return snapsync(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
  }

  private Connection real() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", RealPostgres.USER);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
        + RealPostgres.DATABASE, p);
  }

  private static CopyManager copy(Connection c) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI();
  }

  private static long in(Connection c, String sql, String data) throws Exception {
    return copy(c).copyIn(sql, new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)));
  }

  private static String out(Connection c, String sql) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    copy(c).copyOut(sql, b);
    return b.toString(StandardCharsets.UTF_8);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void textAndCsvOutMatchPostgresByteForByte() throws Exception {
    String csv = "id,name,flag,n\n"
        + "6,\"comma, inside\",t,1\n"
        + "7,\"quote \"\" inside\",f,\n"
        + "8,\"multi\nline\",,2\n"
        + "9,\"\",t,3\n";
    List<String> outs = List.of("COPY same TO STDOUT",
        "COPY same TO STDOUT WITH (FORMAT csv, HEADER)",
        "COPY same (n, name) TO STDOUT WITH CSV HEADER DELIMITER ';' NULL 'NULL'",
        "COPY same TO STDOUT (FORMAT csv, FORCE_QUOTE (name), QUOTE '''', ESCAPE '\\')",
        "COPY (SELECT id, name FROM same WHERE id > 2 ORDER BY id DESC) TO STDOUT",
        "COPY same TO STDOUT (DELIMITER '|', NULL '')");
    try (Connection ours = admin(); Connection theirs = real()) {
      for (Connection c : List.of(ours, theirs)) {
        exec(c, String.format(DDL, "same"));
        assertEquals(5, in(c, "COPY same FROM STDIN", TEXT_DATA));
        assertEquals(4, in(c, "COPY same FROM STDIN WITH (FORMAT csv, HEADER true)", csv));
      }
      for (String sql : outs) {
        assertEquals(out(theirs, sql), out(ours, sql), sql);
      }
    }
  }

  @Test
  void textInputDecodesEscapesAndNulls() throws Exception {
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "esc"));
      assertEquals(5, in(c, "COPY esc FROM STDIN", TEXT_DATA + "\\.\nignored after the end\n"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name, flag, n FROM esc WHERE id = 3")) {
        rs.next();
        assertEquals("new\nline and back\\slash", rs.getString(1));
        assertEquals(null, rs.getObject(2));
        assertEquals(-5L, rs.getLong(3));
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM esc WHERE id = 4")) {
        rs.next();
        assertEquals(null, rs.getString(1));
      }
    }
  }

  @Test
  void copyFindsATempTableAlongTheSearchPath() throws Exception {
    try (Connection c = admin()) {
      exec(c, "CREATE TEMP TABLE tmpcopy (id int, name text)");
      assertEquals(2, in(c, "COPY tmpcopy FROM STDIN", "1\tone\n2\ttwo\n"));
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), max(name) FROM tmpcopy")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
        assertEquals("two", rs.getString(2));
      }
    }
  }

  @Test
  void badLineMidStreamFailsWith22P02AndLoadsNothing() throws Exception {
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "bad"));
      StringBuilder data = new StringBuilder();
      for (int i = 1; i <= 20_000; i++) {
        data.append(i).append("\tx\tt\t").append(i == 15_000 ? "oops" : String.valueOf(i))
            .append('\n');
      }
      PSQLException e = assertThrows(PSQLException.class,
          () -> in(c, "COPY bad FROM STDIN", data.toString()));
      assertEquals("22P02", e.getSQLState());
      assertTrue(e.getMessage().contains("invalid input syntax for type bigint: \"oops\""),
          e.getMessage());
      assertEquals(0, count(c, "bad"));
      PSQLException extra = assertThrows(PSQLException.class,
          () -> in(c, "COPY bad FROM STDIN", "1\ta\tt\t1\textra\n"));
      assertEquals("22P04", extra.getSQLState());
      PSQLException dup = assertThrows(PSQLException.class,
          () -> in(c, "COPY bad (id, name) FROM STDIN", "1\ta\n2\tb\n1\tc\n"));
      assertEquals("23505", dup.getSQLState());
      assertEquals(0, count(c, "bad"));
    }
  }

  @Test
  void errorsNameTheLineAndColumnAsPostgresDoes() throws Exception {
    List<String> bad = List.of("1\ta\tt\t1\n2\tb\tnope\t2\n", "1\ta\tt\t1\textra\n",
        "1\ta\tt\n", "\\N\ta\tt\t1\n");
    try (Connection ours = admin(); Connection theirs = real()) {
      for (Connection c : List.of(ours, theirs)) {
        exec(c, String.format(DDL, "ctx") .replace("name text", "name text NOT NULL"));
      }
      for (String data : bad) {
        PSQLException a = assertThrows(PSQLException.class, () -> in(theirs, "COPY ctx FROM STDIN",
            data));
        PSQLException b = assertThrows(PSQLException.class, () -> in(ours, "COPY ctx FROM STDIN",
            data));
        String what = data + " -> " + a.getServerErrorMessage();
        assertEquals(a.getSQLState(), b.getSQLState(), what);
        assertEquals(a.getServerErrorMessage().getMessage(), b.getServerErrorMessage().getMessage(),
            what);
        assertEquals(a.getServerErrorMessage().getWhere(), b.getServerErrorMessage().getWhere(),
            what);
      }
    }
  }

  @Test
  void cancelledCopyLoadsNothingAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "failing"));
      CopyIn ci = copy(c).copyIn("COPY failing FROM STDIN");
      byte[] row = "1\ta\tt\t1\n".getBytes(StandardCharsets.UTF_8);
      ci.writeToCopy(row, 0, row.length);
      ci.cancelCopy(); // pgjdbc sends CopyFail and expects exactly one ErrorResponse
      assertEquals(0, count(c, "failing"));
      assertEquals(1, in(c, "COPY failing FROM STDIN", "1\ta\tt\t1\n"));
    }
  }

  @Test
  void copyInsideATransactionBlockIsPartOfIt() throws Exception {
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "txn"));
      c.setAutoCommit(false);
      assertEquals(2, in(c, "COPY txn (id) FROM STDIN", "1\n2\n"));
      assertEquals(2, count(c, "txn"));
      c.rollback();
      assertEquals(0, count(c, "txn"));
      c.setAutoCommit(true);
    }
  }

  @Test
  void serverFilesForSysadminOnly() throws Exception {
    Path file = dir.resolve("server-file.csv");
    Files.writeString(file, "1,one,t,1\n2,\"two, too\",f,\n");
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "files"));
      exec(c, "GRANT ALL ON files TO " + SnapsyncFixture.USER);
    } catch (SQLException grantUnsupported) {
      // no privileges on tables yet: every user may use every table
    }
    try (Connection c = admin(); Statement s = c.createStatement()) {
      assertEquals(2, s.executeUpdate("COPY files FROM '" + file + "' (FORMAT csv)"));
      Path back = dir.resolve("back.csv");
      assertEquals(2, s.executeUpdate("COPY files TO '" + back + "' WITH CSV"));
      assertEquals(Files.readString(file), Files.readString(back));
    }
    try (Connection c = snapsync(SnapsyncFixture.USER, SnapsyncFixture.USER_PASSWORD);
        Statement s = c.createStatement()) {
      PSQLException e = assertThrows(PSQLException.class,
          () -> s.executeUpdate("COPY files FROM '" + file + "'"));
      assertEquals("42501", e.getSQLState());
      assertTrue(e.getMessage().contains("permission denied to COPY to or from a file"));
      assertEquals("Anyone can COPY to stdout or from stdin. psql's \\copy command also works"
          + " for anyone.", e.getServerErrorMessage().getHint());
      assertEquals(1, in(c, "COPY files FROM STDIN CSV", "3,x,t,3\n"));
    }
  }

  @Test
  void twoHundredThousandRowsInAndOut() throws Exception {
    int rows = 200_000;
    StringBuilder data = new StringBuilder(rows * 24);
    for (int i = 0; i < rows; i++) {
      data.append(i).append("\trow ").append(i).append('\t').append(i % 2 == 0 ? 't' : 'f')
          .append('\t').append((long) i * 7).append('\n');
    }
    try (Connection c = admin()) {
      exec(c, String.format(DDL, "big"));
      long start = System.nanoTime();
      assertEquals(rows, in(c, "COPY big FROM STDIN", data.toString()));
      long loaded = System.nanoTime();
      String back = out(c, "COPY big TO STDOUT");
      long read = System.nanoTime();
      assertEquals(rows, count(c, "big"));
      assertEquals(data.length(), back.length());
      System.out.printf("snapsync COPY %d rows: in %d ms, out %d ms%n", rows,
          (loaded - start) / 1_000_000, (read - loaded) / 1_000_000);
    }
    try (Connection c = real()) {
      exec(c, String.format(DDL, "big"));
      long start = System.nanoTime();
      in(c, "COPY big FROM STDIN", data.toString());
      long loaded = System.nanoTime();
      out(c, "COPY big TO STDOUT");
      System.out.printf("PostgreSQL 15 COPY %d rows: in %d ms, out %d ms%n", rows,
          (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }
  }

  @Test
  void psqlCopyBothWays() throws Exception {
    Path src = dir.resolve("psql-in.txt");
    Files.writeString(src, TEXT_DATA);
    Path dst = dir.resolve("psql-out.txt");
    try (Psql psql = new Psql(node.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync", Map.of())) {
      psql.run(String.format(DDL, "viapsql") + ";");
      assertEquals(List.of("COPY 5"), psql.run("\\copy viapsql from '" + src + "'"));
      assertEquals(List.of("COPY 5"), psql.run("\\copy viapsql to '" + dst + "'"));
      assertEquals(List.of("COPY 2"), psql.run("COPY viapsql (id, name) FROM STDIN CSV;\n"
          + "10,\"a,b\"\n11,\n\\."));
    }
    assertEquals(TEXT_DATA.replace("\ttrue\t", "\tt\t"), Files.readString(dst));
  }
}
