package io.snapsync.core.sql.engine.dml;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.parse.LiteralHoister;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSERT, UPDATE and DELETE of the simple protocol that differ only in literals share the plan
 * of their literal-hoisted text, and do exactly what the unhoisted statement does, also where
 * a literal does not fit the hoisted parameter's type.
 */
class DmlLiteralsTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @BeforeEach
  void open() {
    s = e.session();
    exec(s, "DROP TABLE IF EXISTS acc; CREATE TABLE acc (aid int PRIMARY KEY, bal int, "
        + "note text)");
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      values.append(i == 1 ? "" : ", ").append("(").append(i).append(", 0, 'n").append(i)
          .append("')");
    }
    exec(s, "INSERT INTO acc VALUES " + values);
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  private static DmlEngine dml() {
    return e.db.executor().dml();
  }

  private int balance(int aid) {
    return (Integer) value(s, "SELECT bal FROM acc WHERE aid = " + aid);
  }

  @Test
  void updatesWithDifferentLiteralsShareOnePlan() {
    exec(s, "UPDATE acc SET bal = bal + 1 WHERE aid = 1");
    exec(s, "UPDATE acc SET bal = bal + 2 WHERE aid = 2");
    exec(s, "UPDATE acc SET bal = bal + -1 WHERE aid = 1");
    exec(s, "UPDATE acc SET bal = bal + -1 WHERE aid = 2");
    int shapes = dml().hoistedShapes();
    int plans = dml().cachedPlans();
    for (int aid = 3; aid <= 30; aid++) {
      assertEquals("UPDATE 1", exec(s, "UPDATE acc SET bal = bal + " + aid + " WHERE aid = "
          + aid).commandTag());
      assertEquals("UPDATE 1", exec(s, "UPDATE acc SET bal = bal + -1 WHERE aid = " + aid)
          .commandTag());
    }
    for (int aid = 3; aid <= 30; aid++) {
      assertEquals(aid - 1, balance(aid));
    }
    assertEquals(0, balance(1));
    assertEquals(1, balance(2));
    assertEquals(plans, dml().cachedPlans(), "an UPDATE per key was analyzed again");
    assertEquals(shapes, dml().hoistedShapes());
    assertEquals("UPDATE 0", exec(s, "UPDATE acc SET bal = bal + 1 WHERE aid = 99")
        .commandTag());
  }

  @Test
  void deletesAndInsertsWithDifferentLiteralsShareOnePlan() {
    exec(s, "DROP TABLE IF EXISTS hist; CREATE TABLE hist (aid int, delta int, "
        + "mtime timestamp)");
    exec(s, "DELETE FROM acc WHERE aid = 1");
    exec(s, "DELETE FROM acc WHERE aid = 2");
    // TPC-B's history row: not a constant INSERT (CURRENT_TIMESTAMP), so the engine plans it
    exec(s, "INSERT INTO hist (aid, delta, mtime) VALUES (1, -1, CURRENT_TIMESTAMP)");
    exec(s, "INSERT INTO hist (aid, delta, mtime) VALUES (2, -2, CURRENT_TIMESTAMP)");
    int plans = dml().cachedPlans();
    for (int aid = 3; aid <= 10; aid++) {
      assertEquals("DELETE 1", exec(s, "DELETE FROM acc WHERE aid = " + aid).commandTag());
      assertEquals("INSERT 0 1", exec(s, "INSERT INTO hist (aid, delta, mtime) VALUES (" + aid
          + ", -" + aid + ", CURRENT_TIMESTAMP)").commandTag());
    }
    assertEquals(plans, dml().cachedPlans(), "a DELETE or INSERT per key was analyzed again");
    assertEquals(20L, value(s, "SELECT count(*) FROM acc"));
    assertEquals(List.of(List.of(5, -5)),
        exec(s, "SELECT aid, delta FROM hist WHERE aid = 5").rows());
    assertEquals(10L, value(s, "SELECT count(mtime) FROM hist"));
  }

  @Test
  void literalsThatDoNotFitTheHoistedTypeRunAsWritten() {
    exec(s, "UPDATE acc SET bal = 1 WHERE aid = 1");
    exec(s, "UPDATE acc SET bal = 2 WHERE aid = 2");
    // a string literal is typed by its target, as PostgreSQL does
    exec(s, "UPDATE acc SET bal = '7' WHERE aid = 3");
    assertEquals(7, balance(3));
    fails(s, "UPDATE acc SET bal = 'x' WHERE aid = 3", "22P02");
    // beyond int4: no row matches (not 22003 from binding it to an int4 parameter)
    assertEquals("UPDATE 0", exec(s, "UPDATE acc SET bal = 1 WHERE aid = 4000000000")
        .commandTag());
    // numeric into an int4 column rounds, as PostgreSQL's assignment does
    exec(s, "UPDATE acc SET bal = 2.5 WHERE aid = 4");
    assertEquals(3, balance(4));
    fails(s, "UPDATE acc SET bal = 3000000000 WHERE aid = 5", "22003");
    assertEquals(List.of(List.of(1), List.of(2)),
        exec(s, "SELECT bal FROM acc WHERE aid < 3 ORDER BY aid").rows());
  }

  @Test
  void aUnaryMinusIsPartOfTheLiteral() {
    LiteralHoister.Hoisted h = LiteralHoister.hoist("UPDATE a SET b = b + -1 WHERE c = 5 - 3",
        0);
    assertEquals("UPDATE a SET b = b + $1 WHERE c = $2 - $3", h.text());
    assertEquals(List.of(-1, 5, 3), h.values());
    assertEquals(List.of(Integer.MIN_VALUE),
        LiteralHoister.hoist("SELECT x FROM a WHERE y = -2147483648", 0).values());
    assertEquals("SELECT -$1::int4", LiteralHoister.hoist("SELECT -2147483648::int4", 0).text(),
        "the cast binds tighter than the minus");
  }

  @Test
  void aHoistedPlanIsReplannedAfterDdl() {
    exec(s, "UPDATE acc SET bal = 1 WHERE aid = 1");
    exec(s, "UPDATE acc SET bal = 2 WHERE aid = 2");
    exec(s, "ALTER TABLE acc ADD COLUMN extra int DEFAULT 5");
    exec(s, "UPDATE acc SET bal = 3 WHERE aid = 3");
    assertEquals(Arrays.asList(3, 3, "n3", 5),
        exec(s, "SELECT * FROM acc WHERE aid = 3").rows().get(0));
    exec(s, "ALTER TABLE acc DROP COLUMN bal");
    fails(s, "UPDATE acc SET bal = 4 WHERE aid = 4", "42703");
  }
}
