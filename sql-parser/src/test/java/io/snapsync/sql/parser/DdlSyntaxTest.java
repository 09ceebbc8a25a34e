package io.snapsync.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.sql.parser.ast.PgAlterTable;
import io.snapsync.sql.parser.ast.PgCreateIndex;
import io.snapsync.sql.parser.ast.PgCreateSequence;
import io.snapsync.sql.parser.ast.PgCreateTable;
import io.snapsync.sql.parser.ast.PgDrop;
import io.snapsync.sql.parser.ast.PgForeignKey;
import io.snapsync.sql.parser.ast.PgIdentity;
import io.snapsync.sql.parser.ast.PgObjectType;
import io.snapsync.sql.parser.ast.PgTruncate;
import io.snapsync.sql.parser.ast.PgTypeNameSpec;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCheckConstraint;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.junit.jupiter.api.Test;

class DdlSyntaxTest {

  private static PgCreateTable table(String sql) {
    return (PgCreateTable) PgParser.parse(sql);
  }

  @Test
  void createTableWithColumnConstraints() {
    PgCreateTable t = table("CREATE TABLE IF NOT EXISTS s.t ("
        + " id serial PRIMARY KEY,"
        + " name text NOT NULL DEFAULT 'x' UNIQUE,"
        + " n int4 NULL CHECK (n > 0),"
        + " p bigint CONSTRAINT p_fk REFERENCES parent (id) ON DELETE CASCADE,"
        + " g int GENERATED ALWAYS AS IDENTITY,"
        + " tags text[])");
    assertTrue(t.ifNotExists);
    assertEquals("s.t", t.name.toString());
    assertEquals(PgCreateTable.Persistence.PERMANENT, t.persistence());
    SqlNode[] e = t.columnList.toArray(new SqlNode[0]);
    SqlColumnDeclaration id = (SqlColumnDeclaration) e[0];
    assertEquals("serial", ((PgTypeNameSpec) id.dataType.getTypeNameSpec()).pgName());
    assertInstanceOf(SqlKeyConstraint.class, e[1]);
    assertEquals(SqlKind.PRIMARY_KEY, e[1].getKind());
    SqlColumnDeclaration name = (SqlColumnDeclaration) e[2];
    assertFalse(name.dataType.getNullable());
    assertEquals(ColumnStrategy.DEFAULT, name.strategy);
    assertEquals("'x'", name.expression.toString());
    assertEquals(SqlKind.UNIQUE, e[3].getKind());
    assertEquals(ColumnStrategy.NULLABLE, ((SqlColumnDeclaration) e[4]).strategy);
    assertInstanceOf(SqlCheckConstraint.class, e[5]);
    PgForeignKey fk = (PgForeignKey) e[7];
    assertEquals("p_fk", fk.name().getSimple());
    assertEquals("parent", fk.refTable().getSimple());
    assertEquals(PgForeignKey.Action.CASCADE, fk.onDelete());
    assertEquals(PgForeignKey.Action.NO_ACTION, fk.onUpdate());
    SqlColumnDeclaration g = (SqlColumnDeclaration) e[8];
    assertTrue(((PgIdentity) g.expression).always());
    assertEquals("TEXT ARRAY", ((SqlColumnDeclaration) e[9]).dataType.toString());
  }

  @Test
  void createTableWithTableConstraints() {
    PgCreateTable t = table("CREATE TEMP TABLE t (a int, b varchar(10), c numeric(5,2),"
        + " CONSTRAINT t_pk PRIMARY KEY (a, b), UNIQUE (c), CHECK (a < c),"
        + " FOREIGN KEY (b) REFERENCES u (x) ON UPDATE SET NULL ON DELETE RESTRICT)");
    assertEquals(PgCreateTable.Persistence.TEMPORARY, t.persistence());
    assertEquals(7, t.columnList.size());
    assertEquals("CONSTRAINT `t_pk` PRIMARY KEY (`a`, `b`)", t.columnList.get(3).toString());
    PgForeignKey fk = (PgForeignKey) t.columnList.get(6);
    assertEquals(PgForeignKey.Action.SET_NULL, fk.onUpdate());
    assertEquals(PgForeignKey.Action.RESTRICT, fk.onDelete());
    assertEquals(PgCreateTable.Persistence.UNLOGGED,
        table("CREATE UNLOGGED TABLE u (a int)").persistence());
    assertEquals(0, table("CREATE TABLE e ()").columnList.size());
  }

  @Test
  void createTableAs() {
    PgCreateTable t = table("CREATE TABLE t AS SELECT a, b FROM u WHERE a > 1");
    assertNull(t.columnList);
    assertEquals(SqlKind.SELECT, t.query.getKind());
  }

  @Test
  void dropTablesViewsIndexes() {
    PgDrop d = (PgDrop) PgParser.parse("DROP TABLE IF EXISTS a, s.b CASCADE");
    assertEquals(PgObjectType.TABLE, d.objectType());
    assertTrue(d.ifExists);
    assertTrue(d.cascade());
    assertEquals("`a`, `s`.`b`", d.names().toString());
    assertEquals(SqlKind.DROP_TABLE, d.getKind());
    PgDrop r = (PgDrop) PgParser.parse("DROP TABLE a RESTRICT");
    assertFalse(r.cascade());
    assertFalse(r.ifExists);
    assertEquals(PgObjectType.VIEW, ((PgDrop) PgParser.parse("DROP VIEW v")).objectType());
    PgDrop i = (PgDrop) PgParser.parse("DROP INDEX CONCURRENTLY IF EXISTS i1");
    assertEquals(PgObjectType.INDEX, i.objectType());
    assertTrue(i.concurrently());
    assertEquals(PgObjectType.SEQUENCE,
        ((PgDrop) PgParser.parse("DROP SEQUENCE s1")).objectType());
    assertEquals(PgObjectType.SCHEMA, ((PgDrop) PgParser.parse("DROP SCHEMA x")).objectType());
  }

  @Test
  void truncate() {
    PgTruncate t = (PgTruncate) PgParser.parse("TRUNCATE TABLE a, b RESTART IDENTITY CASCADE");
    assertEquals(2, t.tables().size());
    assertTrue(t.restartIdentity());
    assertTrue(t.cascade());
    PgTruncate plain = (PgTruncate) PgParser.parse("TRUNCATE a");
    assertEquals("TRUNCATE TABLE `a`", plain.toString());
  }

  @Test
  void createIndex() {
    PgCreateIndex i = (PgCreateIndex) PgParser.parse("CREATE UNIQUE INDEX CONCURRENTLY"
        + " IF NOT EXISTS t_a ON t USING btree (a DESC, (lower(b)), c NULLS FIRST)"
        + " WHERE c IS NOT NULL");
    assertTrue(i.unique());
    assertTrue(i.concurrently());
    assertTrue(i.ifNotExists);
    assertEquals("t_a", i.name().getSimple());
    assertEquals("btree", i.method());
    assertEquals(3, i.elements().size());
    assertEquals(SqlKind.DESCENDING, i.elements().get(0).getKind());
    assertEquals("LOWER(`b`)", i.elements().get(1).toString());
    assertEquals(SqlKind.NULLS_FIRST, i.elements().get(2).getKind());
    assertEquals(SqlKind.IS_NOT_NULL, i.where().getKind());
    PgCreateIndex anon = (PgCreateIndex) PgParser.parse("CREATE INDEX ON t (a)");
    assertNull(anon.name());
  }

  @Test
  void createViewSchemaSequence() {
    SqlCreateView v = (SqlCreateView) PgParser.parse(
        "CREATE OR REPLACE VIEW v (x) AS SELECT a FROM t");
    assertTrue(v.getReplace());
    SqlCreateSchema s = (SqlCreateSchema) PgParser.parse("CREATE SCHEMA IF NOT EXISTS app");
    assertTrue(s.ifNotExists);
    PgCreateSequence q = (PgCreateSequence) PgParser.parse("CREATE SEQUENCE s INCREMENT BY 2"
        + " MINVALUE -10 NO MAXVALUE START WITH 5 CACHE 20 NO CYCLE");
    assertEquals(2L, q.options().increment());
    assertEquals(-10L, q.options().minValue());
    assertNull(q.options().maxValue());
    assertEquals(5L, q.options().start());
    assertEquals(20L, q.options().cache());
    assertEquals(Boolean.FALSE, q.options().cycle());
  }

  @Test
  void alterTable() {
    PgAlterTable add = (PgAlterTable) PgParser.parse(
        "ALTER TABLE t ADD COLUMN IF NOT EXISTS c int4 NOT NULL DEFAULT 0");
    assertEquals(PgAlterTable.Action.ADD_COLUMN, add.action());
    assertTrue(add.actionIfExists());
    assertEquals("c", ((SqlColumnDeclaration) add.element()).name.getSimple());
    PgAlterTable drop = (PgAlterTable) PgParser.parse(
        "ALTER TABLE IF EXISTS t DROP COLUMN IF EXISTS c CASCADE");
    assertEquals(PgAlterTable.Action.DROP_COLUMN, drop.action());
    assertTrue(drop.ifExists());
    assertTrue(drop.cascade());
    PgAlterTable rc = (PgAlterTable) PgParser.parse("ALTER TABLE t RENAME COLUMN a TO b");
    assertEquals(PgAlterTable.Action.RENAME_COLUMN, rc.action());
    assertEquals("b", rc.newName().getSimple());
    PgAlterTable rt = (PgAlterTable) PgParser.parse("ALTER TABLE t RENAME TO u");
    assertEquals(PgAlterTable.Action.RENAME_TABLE, rt.action());
    PgAlterTable ac = (PgAlterTable) PgParser.parse(
        "ALTER TABLE t ADD CONSTRAINT t_u UNIQUE (a, b)");
    assertEquals(PgAlterTable.Action.ADD_CONSTRAINT, ac.action());
    assertEquals(SqlKind.UNIQUE, ac.element().getKind());
    PgAlterTable dc = (PgAlterTable) PgParser.parse("ALTER TABLE t DROP CONSTRAINT t_u");
    assertEquals(PgAlterTable.Action.DROP_CONSTRAINT, dc.action());
  }
}
