package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** information_schema over the real schema, with PostgreSQL 15's answers for the same tables. */
class InformationSchemaTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, n bigint NOT NULL, name text)");
    exec(s, "CREATE TABLE w (a text, b int, PRIMARY KEY (a, b))");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  @Test
  void schemataAndTables() {
    assertEquals(List.of(Arrays.asList("information_schema"), Arrays.asList("pg_catalog"),
        Arrays.asList("public")),
        rows("SELECT schema_name FROM information_schema.schemata ORDER BY 1"));
    assertEquals(List.of(Arrays.asList("snapsync", "public", "t", "BASE TABLE", "YES"),
        Arrays.asList("snapsync", "public", "w", "BASE TABLE", "YES")),
        rows("SELECT table_catalog, table_schema, table_name, table_type, is_insertable_into"
            + " FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 3"));
  }

  @Test
  void columnsDescribeTypesLikePostgres() {
    // as PostgreSQL 15 answers for the same table
    assertEquals(List.of(
        Arrays.asList("id", 1, "NO", "integer", null, 32, 2, 0, "int4"),
        Arrays.asList("n", 2, "NO", "bigint", null, 64, 2, 0, "int8"),
        Arrays.asList("name", 3, "YES", "text", 1073741824, null, null, null, "text")),
        rows("SELECT column_name, ordinal_position, is_nullable, data_type,"
            + " character_octet_length, numeric_precision, numeric_precision_radix,"
            + " numeric_scale, udt_name FROM information_schema.columns"
            + " WHERE table_name = 't' ORDER BY ordinal_position"));
  }

  @Test
  void primaryKeysAsConstraintsAndKeyColumns() {
    assertEquals(List.of(Arrays.asList("w_pkey", "PRIMARY KEY")),
        rows("SELECT constraint_name, constraint_type FROM information_schema.table_constraints"
            + " WHERE table_name = 'w' AND constraint_type <> 'CHECK'"));
    assertEquals(List.of(Arrays.asList("w_pkey", "a", 1), Arrays.asList("w_pkey", "b", 2)),
        rows("SELECT constraint_name, column_name, ordinal_position"
            + " FROM information_schema.key_column_usage WHERE table_name = 'w' ORDER BY 3"));
    assertEquals(List.of(Arrays.asList(0L)), rows("SELECT count(*) FROM"
        + " information_schema.referential_constraints"));
  }

  @Test
  void informationSchemaViewsAreRelationsOfTheirSchema() {
    assertEquals(List.of(Arrays.asList("information_schema")),
        rows("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relname = 'columns'"));
    assertEquals(List.of(Arrays.asList("information_schema.tables")),
        rows("SELECT 'information_schema.tables'::regclass::text"));
  }
}
