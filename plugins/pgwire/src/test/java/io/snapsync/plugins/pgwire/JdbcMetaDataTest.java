package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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

/**
 * pgjdbc's DatabaseMetaData and ResultSetMetaData (the first screen of every GUI tool) against
 * snapsync and a real PostgreSQL 15 with the same schema: the same answers. Not yet covered
 * (the engine lacks what pgjdbc's queries use): getPrimaryKeys and getIndexInfo
 * ({@code information_schema._pg_expandarray} in a select list), getSchemas, getTypeInfo and
 * getImportedKeys (subscripts of {@code text[]}/{@code int2[]}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdbcMetaDataTest {

  private static final String[] SETUP = {
      "CREATE TABLE t (id int PRIMARY KEY, n int, name text)",
      "CREATE TABLE w (a text NOT NULL, b bigint, c int, d boolean,"
          + " PRIMARY KEY (a, b))",
      "CREATE TABLE nokey (x int, y text)"};

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;
  private Connection ours;
  private Connection theirs;

  @BeforeAll
  void start() throws Exception {
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-jdbc-meta");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
    ours = connect(snapsync.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    theirs = connect(postgres.port(), RealPostgres.USER, "");
    for (Connection c : List.of(ours, theirs)) {
      try (Statement s = c.createStatement()) {
        for (String sql : SETUP) {
          s.execute(sql);
        }
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {ours, theirs, postgres, snapsync}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static Connection connect(int port, String user, String password)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/snapsync", p);
  }

  /** The named columns of every row, as text. */
  private static List<List<String>> rows(ResultSet rs, String... columns) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (String c : columns) {
          row.add(c + "=" + rs.getString(c));
        }
        out.add(row);
      }
    }
    return out;
  }

  private interface Query {
    ResultSet run(DatabaseMetaData md) throws SQLException;
  }

  private void sameAsPostgres(Query q, String... columns) throws SQLException {
    List<List<String>> expected = rows(q.run(theirs.getMetaData()), columns);
    assertTrue(!expected.isEmpty() || columns.length == 0, "PostgreSQL returned no rows");
    assertEquals(expected, rows(q.run(ours.getMetaData()), columns));
  }

  @Test
  void getTablesListsUserTables() throws Exception {
    sameAsPostgres(md -> md.getTables(null, "public", "%", new String[] {"TABLE"}),
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS");
    sameAsPostgres(md -> md.getTables(null, null, "w", null), "TABLE_SCHEM", "TABLE_NAME",
        "TABLE_TYPE");
  }

  @Test
  void getColumnsDescribesEveryColumn() throws Exception {
    sameAsPostgres(md -> md.getColumns(null, "public", "%", "%"), "TABLE_SCHEM", "TABLE_NAME",
        "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
        "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF", "ORDINAL_POSITION",
        "IS_NULLABLE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
  }

  @Test
  void getCatalogsListsTheDatabase() throws Exception {
    List<List<String>> catalogs = rows(ours.getMetaData().getCatalogs(), "TABLE_CAT");
    assertTrue(catalogs.contains(List.of("TABLE_CAT=snapsync")), catalogs.toString());
  }

  @Test
  void resultSetMetaDataNamesSourceTablesAndNullability() throws Exception {
    String sql = "SELECT a, b, c, 1 AS one FROM w";
    List<String> expected = describe(theirs, sql);
    assertEquals(List.of("a|w|public|0|text", "b|w|public|0|int8", "c|w|public|1|int4",
        "one|||2|int4"), expected);
    assertEquals(expected, describe(ours, sql));
  }

  private static List<String> describe(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      org.postgresql.PGResultSetMetaData md = rs.getMetaData().unwrap(
          org.postgresql.PGResultSetMetaData.class);
      ResultSetMetaData jdbc = rs.getMetaData();
      for (int i = 1; i <= jdbc.getColumnCount(); i++) {
        out.add(jdbc.getColumnName(i) + "|" + md.getBaseTableName(i) + "|"
            + md.getBaseSchemaName(i) + "|" + jdbc.isNullable(i) + "|"
            + jdbc.getColumnTypeName(i));
      }
    }
    return out;
  }
}
