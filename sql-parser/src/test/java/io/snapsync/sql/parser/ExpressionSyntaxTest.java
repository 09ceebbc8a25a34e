package io.snapsync.sql.parser;

import static io.snapsync.sql.parser.Sql.expr;
import static io.snapsync.sql.parser.Sql.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.sql.parser.ast.PgDynamicParam;
import io.snapsync.sql.parser.ast.PgOperators;
import io.snapsync.sql.parser.ast.PgQualifiedOperator;
import io.snapsync.sql.parser.ast.PgTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

class ExpressionSyntaxTest {

  private static SqlCall call(String expression) {
    return (SqlCall) expr(expression);
  }

  private static PgTypeNameSpec pgType(SqlNode castCall) {
    SqlDataTypeSpec spec = (SqlDataTypeSpec) ((SqlCall) castCall).operand(1);
    return (PgTypeNameSpec) spec.getTypeNameSpec();
  }

  @Test
  void dollarParametersKeepTheirNumber() {
    SqlSelect s = (SqlSelect) PgParser.parse("SELECT $2 + $1, $2");
    SqlCall plus = (SqlCall) s.getSelectList().get(0);
    PgDynamicParam two = (PgDynamicParam) plus.operand(0);
    PgDynamicParam one = (PgDynamicParam) plus.operand(1);
    assertEquals(2, two.number());
    assertEquals(1, two.getIndex());
    assertEquals(1, one.number());
    assertEquals(0, one.getIndex());
    assertEquals("SELECT $2 + $1, $2", tree("SELECT $2 + $1, $2"));
  }

  @Test
  void dollarParametersWorkInLimitAndOffset() {
    SqlOrderBy o = (SqlOrderBy) PgParser.parse("SELECT a FROM t LIMIT $1 OFFSET $2");
    assertEquals(1, ((PgDynamicParam) o.fetch).number());
    assertEquals(2, ((PgDynamicParam) o.offset).number());
  }

  @Test
  void infixCastBindsTighterThanArithmetic() {
    SqlCall plus = call("1 + x::int4");
    assertEquals(SqlKind.PLUS, plus.getKind());
    SqlCall cast = plus.operand(1);
    assertSame(SqlLibraryOperators.INFIX_CAST, cast.getOperator());
    assertEquals("int4", pgType(cast).pgName());
    assertEquals("(`a`[1] :: INTEGER)", call("a[1]::integer").toString());
    assertEquals("((`x` :: INTEGER) :: TEXT)", call("x::integer::text").toString());
  }

  @Test
  void postgresTypeNamesAreKnown() {
    String[][] cases = {
        {"int2", "int2"}, {"int4", "int4"}, {"int8", "int8"}, {"float4", "float4"},
        {"float8", "float8"}, {"text", "text"}, {"name", "name"}, {"bytea", "bytea"},
        {"bool", "bool"}, {"bpchar", "bpchar"}, {"timestamptz", "timestamptz"},
        {"json", "json"}, {"jsonb", "jsonb"}, {"oid", "oid"}, {"regclass", "regclass"},
        {"regtype", "regtype"}, {"regproc", "regproc"}, {"regnamespace", "regnamespace"},
        {"serial", "serial"}, {"bigserial", "bigserial"}, {"smallserial", "smallserial"},
        {"pg_catalog.int8", "int8"}, {"interval", "interval"}};
    for (String[] c : cases) {
      assertEquals(c[1], pgType(expr("x::" + c[0])).pgName(), c[0]);
    }
    assertEquals(3, pgType(expr("x::timestamptz(3)")).precision());
  }

  @Test
  void standardTypeNamesStayCalcites() {
    assertEquals("(`x` :: DOUBLE)", call("x::double precision").toString());
    assertEquals("(`x` :: VARCHAR(3))", call("x::character varying(3)").toString());
    assertEquals("(`x` :: DECIMAL(10, 2))", call("x::numeric(10,2)").toString());
    assertEquals("(`x` :: CHAR(4))", call("x::char(4)").toString());
    assertEquals("(`x` :: BIGINT)", call("x::bigint").toString());
    assertEquals("(`x` :: SMALLINT)", call("x::smallint").toString());
    assertEquals("(`x` :: REAL)", call("x::real").toString());
    assertEquals("(`x` :: BOOLEAN)", call("x::boolean").toString());
    assertEquals("(`x` :: DATE)", call("x::date").toString());
    assertEquals("(`x` :: TIMESTAMP)", call("x::timestamp").toString());
    assertEquals("(`x` :: TIME)", call("x::time").toString());
    assertEquals("(`x` :: UUID)", call("x::uuid").toString());
  }

  @Test
  void arrayTypes() {
    for (String t : new String[] {"int[]", "text[]", "int ARRAY", "integer[3]"}) {
      SqlDataTypeSpec spec = (SqlDataTypeSpec) call("x::" + t).operand(1);
      assertInstanceOf(SqlCollectionTypeNameSpec.class, spec.getTypeNameSpec(), t);
    }
    SqlDataTypeSpec nested = (SqlDataTypeSpec) call("x::int[][]").operand(1);
    SqlCollectionTypeNameSpec outer = (SqlCollectionTypeNameSpec) nested.getTypeNameSpec();
    assertInstanceOf(SqlCollectionTypeNameSpec.class, outer.getElementTypeName());
  }

  @Test
  void typedLiteralsAreCasts() {
    assertEquals("CAST('1' AS INT4)", expr("int4 '1'").toString());
    assertEquals("CAST('t' AS BOOL)", expr("bool 't'").toString());
    assertEquals("CAST('5' AS INTEGER)", expr("integer '5'").toString());
    assertEquals("CAST('x' AS TEXT)", expr("text 'x'").toString());
    assertEquals("CAST('{}' AS JSONB)", expr("jsonb '{}'").toString());
    assertEquals("DATE '2024-01-01'", expr("date '2024-01-01'").toString());
    assertEquals("CAST('1 day' AS INTERVAL)", expr("interval '1 day'").toString());
    assertEquals("INTERVAL '1' DAY", expr("interval '1' day").toString());
    assertEquals(SqlKind.CAST, expr("int4 '1'").getKind());
  }

  @Test
  void columnsNamedLikeTypesStayColumns() {
    assertEquals("SELECT `text`, `name`, `int4` FROM `t`",
        tree("SELECT text, name, int4 FROM t"));
  }

  @Test
  void stringForms() {
    assertEquals("a\nb", ((SqlCharStringLiteral) expr("E'a\\nb'")).getValueAs(String.class));
    assertEquals("it's", ((SqlLiteral) expr("$$it's$$")).getValueAs(String.class));
    assertEquals("it's", ((SqlLiteral) expr("'it''s'")).getValueAs(String.class));
  }

  @Test
  void regexAndLikeOperators() {
    assertSame(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE, call("a ~ b").getOperator());
    assertSame(SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE, call("a ~* b").getOperator());
    assertSame(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE,
        call("a !~ b").getOperator());
    assertSame(SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE,
        call("a !~* b").getOperator());
    assertSame(SqlLibraryOperators.ILIKE, call("a ILIKE b").getOperator());
  }

  @Test
  void jsonContainmentPowerAndOtherOperators() {
    assertSame(PgOperators.JSON_GET, call("j -> 'k'").getOperator());
    assertSame(PgOperators.JSON_GET_TEXT, call("j ->> 'k'").getOperator());
    assertSame(PgOperators.JSON_PATH, call("j #> '{a,b}'").getOperator());
    assertSame(PgOperators.JSON_PATH_TEXT, call("j #>> '{a,b}'").getOperator());
    assertSame(PgOperators.CONTAINS, call("a @> b").getOperator());
    assertSame(PgOperators.CONTAINED_BY, call("a <@ b").getOperator());
    assertSame(PgOperators.POWER, call("2 ^ 3").getOperator());
    assertSame(SqlStdOperatorTable.PERCENT_REMAINDER, call("5 % 2").getOperator());
    assertSame(SqlStdOperatorTable.CONCAT, call("'a' || 'b'").getOperator());
    // ^ binds tighter than *, and "->" is looser than "+" (PostgreSQL's precedence)
    assertEquals("2 * 3 ^ 2", expr("2 * 3 ^ 2").toString());
    assertEquals(SqlKind.TIMES, call("2 * 3 ^ 2").getKind());
    assertSame(PgOperators.JSON_GET, call("j -> 1 + 1").getOperator());
    assertSame(PgOperators.JSON_GET_TEXT, call("j -> 'a' ->> 'b'").getOperator());
  }

  @Test
  void operatorSyntax() {
    SqlCall regex = call("c.relname OPERATOR(pg_catalog.~) '^(t)$'");
    assertSame(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE, regex.getOperator());
    assertSame(SqlStdOperatorTable.EQUALS, call("a OPERATOR(pg_catalog.=) b").getOperator());
    assertSame(SqlStdOperatorTable.PLUS, call("a OPERATOR(+) b").getOperator());
    SqlCall custom = call("a OPERATOR(myschema.===) b");
    PgQualifiedOperator op = (PgQualifiedOperator) custom.getOperator();
    assertEquals("myschema", op.schema());
    assertEquals("===", op.symbol());
    assertEquals("`a` OPERATOR (myschema.===) `b`", custom.toString());
  }

  @Test
  void psqlDescribeQueryParses() {
    String dt = "SELECT n.nspname as \"Schema\", c.relname as \"Name\" FROM pg_catalog.pg_class c"
        + " LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r','p','') AND n.nspname <> 'pg_catalog'"
        + " AND c.relname OPERATOR(pg_catalog.~) '^(t)$' COLLATE pg_catalog.default"
        + " AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 1,2";
    assertInstanceOf(SqlOrderBy.class, PgParser.parse(dt));
    SqlCall collate = call("name COLLATE \"C\"");
    assertSame(PgOperators.COLLATE, collate.getOperator());
    assertEquals("C", collate.operand(1).toString());
  }

  @Test
  void arraysAndQuantifiers() {
    assertEquals("ARRAY[1, 2]", expr("ARRAY[1,2]").toString());
    assertEquals(SqlKind.SOME, call("x = ANY(ARRAY[1, 2])").getKind());
    assertEquals(SqlKind.ALL, call("x > ALL(SELECT 1)").getKind());
  }

  @Test
  void identifiersFoldToLowerCaseUnlessQuoted() {
    assertEquals("SELECT `Quoted`, `unquoted` FROM `MyTable`",
        tree("SELECT \"Quoted\", Unquoted FROM \"MyTable\""));
    String longName = "a".repeat(300);
    assertEquals("SELECT `" + longName + "`", tree("SELECT " + longName));
  }

  @Test
  void queryForms() {
    assertEquals("TABLE `t`", tree("TABLE t"));
    assertEquals("SELECT * FROM `t` ORDER BY `a` DESC NULLS FIRST",
        tree("SELECT * FROM t ORDER BY a DESC NULLS FIRST LIMIT ALL"));
    assertEquals("SELECT * FROM `t` OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY",
        tree("SELECT * FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY"));
    assertEquals("SELECT * FROM `t` FETCH NEXT 5 ROWS ONLY", tree("SELECT * FROM t LIMIT 5"));
  }

  @Test
  void longBooleanChainsAreBalanced() {
    StringBuilder b = new StringBuilder("SELECT 1 FROM t WHERE a = 0");
    for (int i = 1; i < 1000; i++) {
      b.append(" AND a = ").append(i);
    }
    SqlSelect s = (SqlSelect) PgParser.parse(b.toString());
    SqlBasicCall where = (SqlBasicCall) s.getWhere();
    assertEquals(SqlKind.AND, where.getKind());
    int depth = 0;
    for (SqlNode n = where; n.getKind() == SqlKind.AND; n = ((SqlCall) n).operand(0)) {
      depth++;
    }
    assertTrue(depth <= 11, "depth " + depth); // about log2(1000), not 999
  }
}
