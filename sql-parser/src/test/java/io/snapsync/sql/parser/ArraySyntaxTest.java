package io.snapsync.sql.parser;

import static io.snapsync.sql.parser.Sql.expr;
import static io.snapsync.sql.parser.Sql.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.sql.parser.ast.PgQuantified;
import io.snapsync.sql.parser.ast.PgSubscript;
import io.snapsync.sql.parser.ast.PgSubscriptAssign;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlUpdate;
import org.junit.jupiter.api.Test;

/** Array constructors with nested brackets, subscripts, slices, LIKE ANY and SET a[i]. */
class ArraySyntaxTest {

  private static PgSubscript subscript(String e) {
    return assertInstanceOf(PgSubscript.class, ((SqlCall) expr(e)).getOperator());
  }

  @Test
  void subscriptChainsAreOneCallWithTheirShape() {
    assertEquals("i", subscript("a[1]").shape());
    assertEquals("ii", subscript("a[1][2]").shape());
    assertEquals("si", subscript("a[1:2][3]").shape());
    assertEquals("lun", subscript("a[1:][:3][:]").shape());
    assertEquals("ii", subscript("(x)[1][NULL]").shape());
    assertEquals(3, ((SqlCall) expr("t.f[1][3]")).operandCount());
  }

  @Test
  void subscriptBindsTighterThanCastAndArithmetic() {
    SqlCall cast = (SqlCall) expr("a[1]::int");
    assertInstanceOf(PgSubscript.class, ((SqlCall) cast.operand(0)).getOperator());
    SqlCall plus = (SqlCall) expr("1 + a[2:3][1]");
    assertEquals(SqlKind.PLUS, plus.getKind());
    assertInstanceOf(PgSubscript.class, ((SqlCall) plus.operand(1)).getOperator());
  }

  @Test
  void nestedBracketsAreNestedArrayConstructors() {
    SqlCall outer = (SqlCall) expr("ARRAY[[1,2],[3,4]]");
    assertEquals(SqlKind.ARRAY_VALUE_CONSTRUCTOR, outer.getKind());
    assertEquals(SqlKind.ARRAY_VALUE_CONSTRUCTOR, outer.operand(1).getKind());
    assertEquals(0, ((SqlCall) expr("ARRAY[]")).operandCount());
    assertEquals(1, ((SqlCall) expr("ARRAY[[[['x']]]]")).operandCount());
  }

  @Test
  void likeAnyCarriesTheQuantifiedArray() {
    SqlCall like = (SqlCall) expr("'foo' NOT ILIKE ALL (array['%a'])");
    assertInstanceOf(PgQuantified.class, ((SqlCall) like.operand(1)).getOperator());
    assertTrue(((PgQuantified) ((SqlCall) like.operand(1)).getOperator()).isAll());
  }

  @Test
  void overlapOperatorParses() {
    assertEquals("&&", ((SqlCall) expr("a && '{1}'")).getOperator().getName());
  }

  @Test
  void setOfSubscriptsFoldsIntoOneAssignmentPerColumn() {
    SqlUpdate up = (SqlUpdate) PgParser.parse(
        "UPDATE t SET a[1] = 5, b = 2, a[2:3] = '{6,7}' WHERE id = 1");
    assertEquals(2, up.getTargetColumnList().size());
    SqlCall outer = (SqlCall) up.getSourceExpressionList().get(0);
    assertEquals("s", ((PgSubscriptAssign) outer.getOperator()).shape());
    assertInstanceOf(PgSubscriptAssign.class, ((SqlCall) outer.operand(0)).getOperator());
    assertTrue(tree("SELECT a[1:2] FROM t").contains("[1:2]"), tree("SELECT a[1:2] FROM t"));
  }
}
