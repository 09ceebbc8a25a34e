package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sequences on a real database: CREATE SEQUENCE options, nextval/currval/setval/lastval, values
 * not rolled back and unique across a restart, serial columns, DROP and ALTER SEQUENCE.
 */
class SequenceTest {

  @TempDir
  Path dir;

  private static long num(Session s, String sql) {
    return ((Number) value(s, sql)).longValue();
  }

  @Test
  void sequenceFunctionsAndOptions() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "CREATE SEQUENCE s1");
      SnapsyncException early = fails(s, "SELECT currval('s1')", "55000");
      assertEquals("currval of sequence \"s1\" is not yet defined in this session",
          early.getMessage());
      fails(s, "SELECT lastval()", "55000");
      assertEquals(1, num(s, "SELECT nextval('s1')"));
      assertEquals(2, num(s, "SELECT nextval('s1')"));
      assertEquals(2, num(s, "SELECT currval('s1')"));
      assertEquals(2, num(s, "SELECT lastval()"));
      // nextval is evaluated per row
      assertEquals(List.of(List.of(3L), List.of(4L), List.of(5L)),
          exec(s, "SELECT nextval('s1') FROM generate_series(1, 3)").rows());
      assertEquals(100, num(s, "SELECT setval('s1', 100)"));
      assertEquals(101, num(s, "SELECT nextval('s1')"));
      exec(s, "SELECT setval('s1', 7, false)");
      assertEquals(7, num(s, "SELECT nextval('public.s1')"));
      // not rolled back
      exec(s, "BEGIN; SELECT nextval('s1'); ROLLBACK");
      assertEquals(9, num(s, "SELECT nextval('s1')"));
      // another session has its own currval but shares the values
      Session other = e.session();
      fails(other, "SELECT currval('s1')", "55000");
      assertEquals(10, num(other, "SELECT nextval('s1')"));
      assertEquals(9, num(s, "SELECT currval('s1')"));
      await(other.close());

      exec(s, "CREATE SEQUENCE s2 INCREMENT BY -2 MINVALUE -5 MAXVALUE 0 START WITH 0");
      assertEquals(0, num(s, "SELECT nextval('s2')"));
      assertEquals(-2, num(s, "SELECT nextval('s2')"));
      assertEquals(-4, num(s, "SELECT nextval('s2')"));
      SnapsyncException end = fails(s, "SELECT nextval('s2')", "2200H");
      assertEquals("nextval: reached minimum value of sequence \"s2\" (-5)", end.getMessage());
      exec(s, "CREATE SEQUENCE s3 START 2 MAXVALUE 3 CYCLE");
      assertEquals(List.of(List.of(2L), List.of(3L), List.of(1L), List.of(2L)),
          exec(s, "SELECT nextval('s3') FROM generate_series(1, 4)").rows());
      fails(s, "CREATE SEQUENCE s1", "42P07");
      exec(s, "CREATE SEQUENCE IF NOT EXISTS s1");
      fails(s, "CREATE SEQUENCE bad INCREMENT 0", "22023");
      fails(s, "CREATE SEQUENCE bad MINVALUE 5 MAXVALUE 1", "22023");
      fails(s, "SELECT nextval('nosuch')", "42P01");
      fails(s, "SELECT setval('s3', 99)", "22003");

      exec(s, "ALTER SEQUENCE s1 RESTART WITH 50");
      assertEquals(50, num(s, "SELECT nextval('s1')"));
      exec(s, "ALTER SEQUENCE s1 RESTART");
      assertEquals(1, num(s, "SELECT nextval('s1')"));
      exec(s, "DROP SEQUENCE s1, s2");
      fails(s, "SELECT nextval('s1')", "42P01");
      fails(s, "DROP SEQUENCE s1", "42P01");
      assertEquals(1, exec(s, "DROP SEQUENCE IF EXISTS s1").notices().size());
      await(s.close());
    }
  }

  @Test
  void valuesStayUniqueAcrossARestart() {
    Set<Long> seen = new HashSet<>();
    List<Long> order = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      try (EngineFixture e = EngineFixture.start(dir)) {
        Session s = e.session();
        if (run == 0) {
          exec(s, "CREATE SEQUENCE r");
        }
        for (List<Object> row : exec(s, "SELECT nextval('r') FROM generate_series(1, 5)")
            .rows()) {
          long v = ((Number) row.get(0)).longValue();
          assertTrue(seen.add(v), "value " + v + " handed out twice");
          order.add(v);
        }
        await(s.close());
      }
    }
    for (int i = 1; i < order.size(); i++) {
      assertTrue(order.get(i) > order.get(i - 1), order.toString());
    }
  }

  @Test
  void serialAndIdentityColumnsTakeTheirValuesFromASequence() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "CREATE TABLE items (id serial PRIMARY KEY, name text,"
          + " big bigserial, n int GENERATED BY DEFAULT AS IDENTITY)");
      exec(s, "INSERT INTO items (name) VALUES ('a'), ('b')");
      exec(s, "INSERT INTO items (name) SELECT 'c'");
      exec(s, "INSERT INTO items VALUES (DEFAULT, 'd', DEFAULT, 40)");
      assertEquals(List.of(List.of(1, "a", 1L, 1), List.of(2, "b", 2L, 2),
          List.of(3, "c", 3L, 3), List.of(4, "d", 4L, 40)),
          exec(s, "SELECT * FROM items ORDER BY id").rows());
      assertEquals(4, num(s, "SELECT currval('items_id_seq')"));
      SnapsyncException dep = fails(s, "DROP SEQUENCE items_id_seq", "2BP01");
      assertEquals("cannot drop sequence items_id_seq because other objects depend on it",
          dep.getMessage());
      exec(s, "TRUNCATE items RESTART IDENTITY");
      exec(s, "INSERT INTO items (name) VALUES ('e')");
      assertEquals(1, value(s, "SELECT id FROM items"));
      exec(s, "DROP TABLE items");
      fails(s, "SELECT nextval('items_id_seq')", "42P01");
      await(s.close());
    }
  }

  @Test
  void columnDefaultsAreEvaluatedPerRow() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "CREATE SEQUENCE ds");
      exec(s, "CREATE TABLE defs (a int DEFAULT 7, b text DEFAULT 'x' || 'y',"
          + " c bigint DEFAULT nextval('ds'), d int)");
      exec(s, "INSERT INTO defs (d) VALUES (1), (2)");
      exec(s, "INSERT INTO defs (a, d) SELECT 5, 3");
      exec(s, "INSERT INTO defs VALUES (DEFAULT, NULL, DEFAULT, 4)");
      assertEquals(List.of(List.of(7, "xy", 1L, 1), List.of(7, "xy", 2L, 2),
          List.of(5, "xy", 3L, 3), java.util.Arrays.asList(7, null, 4L, 4)),
          exec(s, "SELECT * FROM defs ORDER BY d").rows());
      await(s.close());
    }
  }
}
