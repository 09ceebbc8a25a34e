package io.snapsync.core.sql.cursor;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PREPARE, EXECUTE and DEALLOCATE on a real engine, compared line by line with a real
 * PostgreSQL 15 running the same script through psql.
 */
class SqlPreparedStatementsTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir.resolve("snapsync"));
    s = fx.session();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static final List<String> SCRIPT = List.of(
      "create table p1 (a int primary key, b text)",
      "insert into p1 values (1, 'one'), (2, 'two'), (3, 'three')",
      "prepare p(int) as select $1 + 1",
      "execute p(2)",
      "execute p('3')",
      "execute p(2 * 5)",
      "execute p(null)",
      "prepare p as select 1",
      "deallocate p",
      "deallocate p",
      "execute p",
      "prepare q as select $1::text || 'x'",
      "execute q(5)",
      "execute q('a''b')",
      "select name, parameter_types, from_sql from pg_prepared_statements",
      "execute q",
      "execute q(1, 2)",
      "prepare ins (int, text) as insert into p1 values ($1, $2)",
      "execute ins(4, 'four')",
      "execute ins(4, 'again')",
      "prepare upd as update p1 set b = upper(b) where a <= $1",
      "execute upd(2)",
      "prepare sel(bool) as select count(*) from p1 where (a > 1) = $1",
      "execute sel(true)",
      "execute sel(false)",
      "begin",
      "execute sel(true)",
      "execute ins(5, 'five')",
      "rollback",
      "select a, b from p1 order by a",
      "prepare s as begin",
      "prepare nope as select * from missing",
      "deallocate all",
      "deallocate prepare all",
      "select count(*) from pg_prepared_statements");

  @Test
  void preparedStatementsPrintWhatPostgresPrints() throws Exception {
    List<String> expected;
    try (PsqlScripts pg = PsqlScripts.start(dir)) {
      expected = pg.postgres(SCRIPT);
    }
    assertEquals(String.join("\n", expected),
        String.join("\n", PsqlScripts.snapsync(fx, s, SCRIPT)));
  }

  @Test
  void errorsCarryPostgresStates() {
    fails(s, "execute nothing", SqlState.INVALID_SQL_STATEMENT_NAME);
    fails(s, "deallocate nothing", SqlState.INVALID_SQL_STATEMENT_NAME);
    exec(s, "prepare twice as select 1");
    fails(s, "prepare twice as select 2", SqlState.DUPLICATE_PREPARED_STATEMENT);
    var e = fails(s, "execute twice(1)", SqlState.SYNTAX_ERROR);
    assertEquals("Expected 0 parameters but got 1.", fx.render(e.detail()));
    exec(s, "deallocate twice");
  }

  @Test
  void preparedStatementsOutliveTransactions() {
    exec(s, "begin");
    exec(s, "prepare kept as select 41 + $1");
    exec(s, "rollback");
    assertEquals(42, exec(s, "execute kept(1)").rows().get(0).get(0));
    exec(s, "deallocate kept");
  }
}
