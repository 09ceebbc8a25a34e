package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ARRAY(subquery)}: the sub-query's rows collected, in order, into one array value. */
class ArraySubqueryTest extends EngineTestBase {

  @Test
  void uncorrelatedSubqueryBecomesOneArray() {
    assertEquals(List.of(row(List.of(1, 2, 3, 4))),
        rows("SELECT ARRAY(SELECT id FROM t ORDER BY id)"));
    assertEquals(List.of(row(List.of("c", "b", "a"))),
        rows("SELECT ARRAY(SELECT name FROM t WHERE name IS NOT NULL ORDER BY name DESC)"));
  }

  @Test
  void correlatedSubqueryGivesEachRowItsArray() {
    assertEquals(List.of(row(1, List.of("x", "y")), row(2, List.of("z")), row(3, List.of()),
        row(4, List.of())),
        rows("SELECT id, ARRAY(SELECT v FROM u WHERE u.t_id = t.id ORDER BY v) FROM t"
            + " ORDER BY id"));
  }

  @Test
  void emptySubqueryIsAnEmptyArrayNotNull() {
    assertEquals(List.of(row("{}")),
        rows("SELECT array_to_string(ARRAY(SELECT id FROM t WHERE id > 100), ',') || '{}'"));
    assertEquals(List.of(row(0)),
        rows("SELECT cardinality(ARRAY(SELECT id FROM t WHERE id > 100))"));
  }

  @Test
  void arrayOfSubqueryJoinsLikePsqlRoleMembership() {
    // psql's \du shape: a correlated ARRAY(...) over a join inside a select list.
    assertEquals(List.of(row(1, List.of("x", "y"))),
        rows("SELECT t.id, ARRAY(SELECT u.v FROM u JOIN t t2 ON u.t_id = t2.id"
            + " WHERE t2.id = t.id ORDER BY 1) AS vs FROM t WHERE t.id = 1"));
  }
}
