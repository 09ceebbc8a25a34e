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
 * DECLARE, FETCH, MOVE and CLOSE on a real engine, their output compared line by line with a
 * real PostgreSQL 15 running the same script through psql.
 */
class SqlCursorsTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir.resolve("snapsync"));
    s = fx.session();
    exec(s, "CREATE TABLE t (a int PRIMARY KEY, b text)");
    exec(s, "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), "
        + "(5, 'five')");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static final List<String> SCRIPT = List.of(
      "create table c1 (a int primary key, b text)",
      "insert into c1 values (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'), (5, 'five')",
      "declare c cursor for select a from c1",
      "begin",
      "declare c no scroll cursor for select a from c1 order by a",
      "fetch 2 from c",
      "fetch prior from c",
      "rollback",
      "begin",
      "declare c cursor for select a, b from c1 order by a",
      "declare c cursor for select 1",
      "rollback",
      "begin",
      "declare c cursor for select a from c1 order by a",
      "fetch absolute 2 c", "fetch relative 0 c", "move forward all in c",
      "fetch backward 2 c", "move absolute 0 in c", "move relative 3 in c", "move 10 c",
      "move backward all c", "fetch first c", "fetch last c", "fetch forward 0 c", "fetch 0 c",
      "fetch backward 0 c", "fetch absolute -2 c", "fetch absolute 9 c", "move absolute 2 c",
      "move absolute 10 c", "move relative 0 c", "fetch -1 c", "fetch relative -2 c",
      "fetch absolute -9 c", "fetch next c", "fetch forward 3 from c", "fetch backward all in c",
      "select name, is_holdable, is_binary, is_scrollable from pg_cursors",
      "close c", "close c",
      "rollback",
      "begin",
      "declare c scroll cursor with hold for select a * 10 as x from c1 order by a",
      "declare d binary insensitive no scroll cursor for select b from c1 order by a",
      "select name, is_holdable, is_binary, is_scrollable from pg_cursors order by 1",
      "fetch 2 from d",
      "close all",
      "select count(*) from pg_cursors",
      "commit",
      "fetch from nonexist",
      "close nonexist",
      "begin",
      "declare c no scroll cursor for select a from c1 order by a",
      "fetch absolute 3 c", "fetch first c",
      "commit",
      "begin",
      "declare c no scroll cursor for select a from c1 order by a",
      "fetch forward all c", "move forward 0 c", "fetch relative 0 c",
      "commit",
      "declare h cursor with hold for select a, b from c1 order by a",
      "fetch 2 h", "fetch all h", "fetch backward 1 h", "close h",
      "begin",
      "declare h cursor with hold for select a from c1 order by a desc",
      "fetch 1 h",
      "commit",
      "fetch all h",
      "fetch prior h",
      "close h",
      "begin",
      "declare h cursor with hold for select a from c1",
      "rollback",
      "fetch h",
      "begin",
      "declare c cursor for values (1, 'x'), (2, 'y')",
      "fetch 1 c", "fetch backward 3 c", "fetch all c",
      "commit",
      "begin",
      "declare c cursor for insert into c1 values (9, 'nine')",
      "rollback",
      "begin",
      "declare c cursor for select a / (a - 3) from c1",
      "fetch 2 c",
      "fetch 1 c",
      "fetch 1 c",
      "rollback",
      "begin",
      "declare c cursor for select a / 0 from c1 order by a",
      "savepoint two",
      "fetch 2 c",
      "rollback to savepoint two",
      "fetch 2 c",
      "rollback to savepoint two",
      "release savepoint two",
      "fetch 2 c",
      "commit",
      "begin",
      "declare c cursor for select a from c1 order by a",
      "update c1 set b = 'changed' where a = 1",
      "fetch 1 c",
      "declare e cursor for select b from c1 where a = 1",
      "fetch all e",
      "commit",
      "begin",
      "declare m cursor for select * from missing",
      "rollback");

  @Test
  void cursorStatementsPrintWhatPostgresPrints() throws Exception {
    List<String> expected;
    try (PsqlScripts pg = PsqlScripts.start(dir)) {
      expected = pg.postgres(SCRIPT);
    }
    Session own = fx.session();
    try {
      assertEquals(String.join("\n", expected),
          String.join("\n", PsqlScripts.snapsync(fx, own, SCRIPT)));
    } finally {
      EngineFixture.await(own.close());
    }
  }

  @Test
  void errorsCarryPostgresStates() {
    fails(s, "declare c cursor for select 1", SqlState.NO_ACTIVE_SQL_TRANSACTION);
    fails(s, "fetch c", SqlState.INVALID_CURSOR_NAME);
    fails(s, "move c", SqlState.INVALID_CURSOR_NAME);
    fails(s, "close c", SqlState.INVALID_CURSOR_NAME);
    exec(s, "begin");
    exec(s, "declare c no scroll cursor for select a from t");
    fails(s, "declare c cursor for select 2", SqlState.DUPLICATE_CURSOR);
    exec(s, "rollback");
    exec(s, "begin");
    exec(s, "declare c no scroll cursor for select a from t");
    exec(s, "fetch 1 c");
    var e = fails(s, "fetch backward 1 c", SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
    assertEquals("Declare it with SCROLL option to enable backward scan.",
        fx.render(e.hint()));
    exec(s, "rollback");
    fails(s, "declare c cursor for delete from t", SqlState.SYNTAX_ERROR);
    fails(s, "fetch absolute x c", SqlState.SYNTAX_ERROR);
  }

  @Test
  void cursorReadsUnderTheSnapshotItWasDeclaredWith() {
    Session other = fx.session();
    try {
      exec(s, "begin");
      exec(s, "declare c cursor for select a from t order by a");
      exec(other, "insert into t values (100, 'late')");
      assertEquals(6L, exec(s, "select count(*) from t").rows().get(0).get(0),
          "READ COMMITTED: a new statement sees the commit");
      assertEquals(5, exec(s, "fetch all c").rows().size(), "the cursor does not");
      exec(s, "commit");
    } finally {
      exec(other, "delete from t where a = 100");
      EngineFixture.await(other.close());
    }
  }

  @Test
  void forwardOnlyCursorStreamsALargeResultInBatches() {
    exec(s, "begin");
    exec(s, "declare big no scroll cursor for select g from generate_series(1, 200000) g");
    long sum = 0;
    long seen = 0;
    while (true) {
      var r = exec(s, "fetch forward 1000 from big");
      if (r.rows().isEmpty()) {
        assertEquals("FETCH 0", r.commandTag());
        break;
      }
      for (List<Object> row : r.rows()) {
        sum += ((Number) row.get(0)).longValue();
      }
      seen += r.rows().size();
    }
    exec(s, "close big");
    exec(s, "commit");
    assertEquals(200000, seen);
    assertEquals(200000L * 200001 / 2, sum);
  }
}
