package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE ... ALTER COLUMN ... [SET DATA] TYPE ... [USING ...] answers as PostgreSQL 15
 * (rows rewritten, keys and indexes with them, 42804 with its hint), and a snapshot older than
 * the change still reads the old shape.
 */
class AlterColumnTypeVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void alterColumnTypeAsPostgres() throws Exception {
    PartitionSideBySide.assertSame(dir, List.of(
        "create table t (id int primary key, v text, n numeric(6,2))",
        "create index t_n on t (n)",
        "insert into t values (1, '10', 1.25), (2, '20', 2.5), (3, null, null)",
        "alter table t alter column v type int",
        "alter table t alter column v type int using v::int",
        "select sum(v) from t",
        "alter table t alter column n set data type int",
        "select string_agg(id || ':' || coalesce(n::text, '-'), ',' order by id) from t",
        "select id from t where n = 3",
        "alter table t alter column id type bigint",
        "insert into t values (4000000000, 1, 1)",
        "select count(*) from t where id = 4000000000",
        "insert into t values (1, 1, 1)",
        "alter table t alter column v type text using v || 'x'",
        "select string_agg(v, ',' order by id) from t",
        "alter table t alter column v type int using v",
        "alter table t alter column v type varchar(1)",
        "alter table t alter column nope type int",
        "alter table t alter column v type nosuchtype",
        "alter table t alter v type varchar(5)",
        "select format_type(atttypid, atttypmod) from pg_attribute"
            + " where attrelid = 't'::regclass and attname = 'v'"));
  }

  @Test
  void olderSnapshotReadsTheOldShape(@TempDir Path engineDir) {
    try (EngineFixture fx = EngineFixture.start(engineDir)) {
      Session s = fx.session();
      Session old = fx.session();
      exec(s, "CREATE TABLE r (id int PRIMARY KEY, v text)");
      exec(s, "INSERT INTO r VALUES (1, '5'), (2, '7')");
      exec(s, "CREATE TABLE other (x int)");
      exec(old, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      exec(old, "SELECT count(*) FROM other"); // takes the snapshot, no lock on r
      exec(s, "ALTER TABLE r ALTER COLUMN v TYPE int USING v::int * 2");
      assertEquals(10, exec(s, "SELECT v FROM r WHERE id = 1").rows().get(0).get(0));
      assertEquals("7", exec(old, "SELECT v FROM r WHERE id = 2").rows().get(0).get(0));
      exec(old, "COMMIT");
      assertEquals(14, exec(old, "SELECT v FROM r WHERE id = 2").rows().get(0).get(0));
    }
  }
}
