package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result columns name the table column they come from (RowDescription's table OID, attnum). */
class ColumnOriginsTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, n bigint, name text)");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static List<String> origins(List<Column> cols) {
    List<String> out = new ArrayList<>();
    for (Column c : cols) {
      out.add(c.name() + "@" + c.tableOid() + "." + c.attnum());
    }
    return out;
  }

  @Test
  void tableColumnsCarryTheirTableOidAndAttnum() {
    long oid = (Long) EngineFixture.value(s, "SELECT oid FROM pg_class WHERE relname = 't'");
    assertEquals(List.of("name@" + oid + ".3", "id@" + oid + ".1", "twice@0.0"),
        origins(exec(s, "SELECT name, t.id, n * 2 AS twice FROM t").columns()));
    assertEquals(List.of("name@" + oid + ".3"),
        origins(await(s.describe("SELECT name FROM t WHERE id = $1"))));
  }

  @Test
  void pgjdbcFieldMetadataQueryFindsTheColumns() {
    long oid = (Long) EngineFixture.value(s, "SELECT oid FROM pg_class WHERE relname = 't'");
    // pgjdbc 42.7's PgResultSetMetaData.fetchFieldMetaData, as sent; the OID fits 32 bits
    assertEquals(oid, (long) (int) oid);
    assertEquals(List.of(java.util.Arrays.asList(oid, (short) 1, "id", "t", "public", true,
        null), java.util.Arrays.asList(oid, (short) 3, "name", "t", "public", false, null)),
        exec(s, "SELECT c.oid, a.attnum, a.attname, c.relname, n.nspname, a.attnotnull OR"
            + " (t.typtype = 'd' AND t.typnotnull), a.attidentity != '' OR"
            + " pg_catalog.pg_get_expr(d.adbin, d.adrelid) LIKE '%nextval(%' "
            + "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON"
            + " (c.relnamespace = n.oid) JOIN pg_catalog.pg_attribute a ON (c.oid = a.attrelid)"
            + " JOIN pg_catalog.pg_type t ON (a.atttypid = t.oid) LEFT JOIN pg_catalog.pg_attrdef d"
            + " ON (d.adrelid = a.attrelid AND d.adnum = a.attnum) JOIN (SELECT " + oid
            + " AS oid , 1 AS attnum UNION ALL SELECT " + oid + ", 3) vals ON (c.oid = vals.oid"
            + " AND a.attnum = vals.attnum) ORDER BY 2").rows());
  }
}
