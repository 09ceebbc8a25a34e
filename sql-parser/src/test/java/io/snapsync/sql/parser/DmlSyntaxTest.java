package io.snapsync.sql.parser;

import static io.snapsync.sql.parser.Sql.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.snapsync.sql.parser.ast.PgDelete;
import io.snapsync.sql.parser.ast.PgInsert;
import io.snapsync.sql.parser.ast.PgOnConflict;
import io.snapsync.sql.parser.ast.PgUpdate;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

class DmlSyntaxTest {

  @Test
  void plainDmlStaysCalcites() {
    assertSame(SqlInsert.class, PgParser.parse("INSERT INTO t (a) VALUES (1)").getClass());
    assertSame(SqlUpdate.class, PgParser.parse("UPDATE t SET a = 1 WHERE b = 2").getClass());
    assertSame(SqlDelete.class, PgParser.parse("DELETE FROM t WHERE b = 2").getClass());
    assertEquals("INSERT INTO `t` (`a`) SELECT * FROM `u`",
        tree("INSERT INTO t (a) SELECT * FROM u"));
  }

  @Test
  void insertReturning() {
    PgInsert i = (PgInsert) PgParser.parse("INSERT INTO t (a, b) VALUES (1, 2) RETURNING *");
    assertEquals(SqlKind.INSERT, i.getKind());
    assertEquals("*", i.returning().get(0).toString());
    assertEquals("`a`, `b`", i.getTargetColumnList().toString());
    assertEquals("INSERT INTO `t` (`a`, `b`) VALUES ROW(1, 2) RETURNING `a` AS `x`, `b` + 1",
        tree("INSERT INTO t (a, b) VALUES (1, 2) RETURNING a AS x, b + 1"));
  }

  @Test
  void insertOnConflictDoNothing() {
    PgInsert i = (PgInsert) PgParser.parse("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING");
    assertEquals(PgOnConflict.Action.NOTHING, i.onConflict().action());
    assertNull(i.onConflict().targetColumns());
    PgInsert c = (PgInsert) PgParser.parse(
        "INSERT INTO t VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING");
    assertEquals("t_pkey", c.onConflict().constraint().getSimple());
  }

  @Test
  void insertOnConflictDoUpdateWithExcluded() {
    PgInsert i = (PgInsert) PgParser.parse("INSERT INTO t AS o (k, v) VALUES (1, 'a')"
        + " ON CONFLICT (k) DO UPDATE SET v = excluded.v || o.v, n = DEFAULT"
        + " WHERE o.v <> excluded.v RETURNING k");
    PgOnConflict oc = i.onConflict();
    assertEquals("o", i.alias().getSimple());
    assertEquals(PgOnConflict.Action.UPDATE, oc.action());
    assertEquals("k", oc.targetColumns().get(0).toString());
    assertEquals("`v`, `n`", oc.updateColumns().toString());
    assertEquals("`excluded`.`v` || `o`.`v`", oc.updateValues().get(0).toString());
    assertEquals(SqlKind.DEFAULT, oc.updateValues().get(1).getKind());
    assertEquals("`o`.`v` <> `excluded`.`v`", oc.updateWhere().toString());
    assertEquals("INSERT INTO `t` AS `o` (`k`, `v`) VALUES ROW(1, 'a') ON CONFLICT (`k`) DO"
        + " UPDATE SET `v` = `excluded`.`v` || `o`.`v`, `n` = DEFAULT WHERE `o`.`v` <>"
        + " `excluded`.`v` RETURNING `k`",
        i.toString().replace('\n', ' ').replaceAll(" +", " "));
  }

  @Test
  void insertOnConflictTargetWithPredicate() {
    PgInsert i = (PgInsert) PgParser.parse(
        "INSERT INTO t VALUES (1) ON CONFLICT (lower(k), j) WHERE j > 0 DO NOTHING");
    assertEquals(2, i.onConflict().targetColumns().size());
    assertEquals("`j` > 0", i.onConflict().targetWhere().toString());
  }

  @Test
  void updateFromReturning() {
    PgUpdate u = (PgUpdate) PgParser.parse("UPDATE t SET a = u.a + 1 FROM u"
        + " JOIN w ON w.id = u.id WHERE t.id = u.id RETURNING t.*");
    assertSame(SqlJoin.class, u.from().getClass());
    assertEquals("`t`.`id` = `u`.`id`", u.getCondition().toString());
    assertEquals("t.*", u.returning().get(0).toString());
    assertEquals(SqlKind.UPDATE, u.getKind());
    assertEquals("UPDATE `t` AS `x` SET `a` = 1 RETURNING `a`",
        tree("UPDATE t x SET a = 1 RETURNING a"));
  }

  @Test
  void deleteUsingReturning() {
    PgDelete d = (PgDelete) PgParser.parse(
        "DELETE FROM t USING u, w WHERE t.id = u.id RETURNING t.id, 1");
    assertEquals(SqlKind.JOIN, d.using().getKind());
    assertEquals(2, d.returning().size());
    assertEquals("t", ((SqlIdentifier) d.getTargetTable()).getSimple());
    assertEquals("DELETE FROM `t` RETURNING *", tree("DELETE FROM t RETURNING *"));
  }

  @Test
  void dmlWithDollarParameters() {
    assertEquals("INSERT INTO `t` VALUES ROW($1, $2) RETURNING `id`",
        tree("INSERT INTO t VALUES ($1, $2) RETURNING id"));
    assertEquals("UPDATE `t` SET `a` = $2 FROM `u` WHERE `id` = $1",
        tree("UPDATE t SET a = $2 FROM u WHERE id = $1"));
  }
}
