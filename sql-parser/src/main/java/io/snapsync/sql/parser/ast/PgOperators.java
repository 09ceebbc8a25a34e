package io.snapsync.sql.parser.ast;

import java.util.Map;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * PostgreSQL's binary operators that Calcite lacks, and the mapping of
 * {@code OPERATOR(pg_catalog.op)} to the operator the bare symbol means.
 *
 * <p>Precedences follow PostgreSQL: the JSON and containment operators are "any other
 * operator" (above comparison, LIKE, IN and BETWEEN, below {@code +}); {@code ^} binds tighter
 * than {@code *} and looser than unary minus.
 */
public final class PgOperators {

  /** Calcite's precedence for PostgreSQL's "any other operator" group. */
  public static final int OTHER_PREC = 36;

  /** {@code json -> key|index}. */
  public static final SqlBinaryOperator JSON_GET = op("->", ReturnTypes.ARG0_NULLABLE);
  /** {@code json ->> key|index} (text). */
  public static final SqlBinaryOperator JSON_GET_TEXT =
      op("->>", ReturnTypes.VARCHAR_NULLABLE);
  /** {@code json #> path}. */
  public static final SqlBinaryOperator JSON_PATH = op("#>", ReturnTypes.ARG0_NULLABLE);
  /** {@code json #>> path} (text). */
  public static final SqlBinaryOperator JSON_PATH_TEXT =
      op("#>>", ReturnTypes.VARCHAR_NULLABLE);
  /** {@code a @> b}: a contains b (jsonb, arrays). */
  public static final SqlBinaryOperator CONTAINS = op("@>", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code a <@ b}: a is contained by b. */
  public static final SqlBinaryOperator CONTAINED_BY = op("<@", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code jsonb ? key}: the key (or array string) exists. */
  public static final SqlBinaryOperator JSON_EXISTS = op("?", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code jsonb ?| keys}: any of the keys exists. */
  public static final SqlBinaryOperator JSON_EXISTS_ANY =
      op("?|", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code jsonb ?& keys}: all of the keys exist. */
  public static final SqlBinaryOperator JSON_EXISTS_ALL =
      op("?&", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code jsonb #- path}: jsonb with the element at path removed. */
  public static final SqlBinaryOperator JSON_DELETE_PATH = op("#-", ReturnTypes.ARG0_NULLABLE);
  /** {@code jsonb @? jsonpath}: the path yields an item. */
  public static final SqlBinaryOperator JSONPATH_EXISTS =
      op("@?", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code jsonb @@ jsonpath}: the path predicate's result. */
  public static final SqlBinaryOperator JSONPATH_MATCH =
      op("@@", ReturnTypes.BOOLEAN_NULLABLE);
  /** {@code a ^ b}: exponentiation (not Calcite's bitwise xor). */
  public static final SqlBinaryOperator POWER = new SqlBinaryOperator("^", SqlKind.OTHER, 70,
      true, ReturnTypes.DOUBLE_NULLABLE, InferTypes.FIRST_KNOWN,
      OperandTypes.NUMERIC_NUMERIC);

  /** {@code expr COLLATE name}: the collation (an identifier) applied to expr. */
  public static final SqlBinaryOperator COLLATE = new SqlBinaryOperator("COLLATE",
      SqlKind.OTHER, 80, true, ReturnTypes.ARG0, InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);

  private static final Map<String, SqlOperator> BUILTIN = Map.ofEntries(
      Map.entry("=", SqlStdOperatorTable.EQUALS),
      Map.entry("<>", SqlStdOperatorTable.NOT_EQUALS),
      Map.entry("!=", SqlStdOperatorTable.NOT_EQUALS),
      Map.entry("<", SqlStdOperatorTable.LESS_THAN),
      Map.entry("<=", SqlStdOperatorTable.LESS_THAN_OR_EQUAL),
      Map.entry(">", SqlStdOperatorTable.GREATER_THAN),
      Map.entry(">=", SqlStdOperatorTable.GREATER_THAN_OR_EQUAL),
      Map.entry("+", SqlStdOperatorTable.PLUS),
      Map.entry("-", SqlStdOperatorTable.MINUS),
      Map.entry("*", SqlStdOperatorTable.MULTIPLY),
      Map.entry("/", SqlStdOperatorTable.DIVIDE),
      Map.entry("%", SqlStdOperatorTable.PERCENT_REMAINDER),
      Map.entry("||", SqlStdOperatorTable.CONCAT),
      Map.entry("~", SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE),
      Map.entry("~*", SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE),
      Map.entry("!~", SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE),
      Map.entry("!~*", SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE),
      Map.entry("~~", SqlStdOperatorTable.LIKE),
      Map.entry("!~~", SqlStdOperatorTable.NOT_LIKE),
      Map.entry("~~*", SqlLibraryOperators.ILIKE),
      Map.entry("!~~*", SqlLibraryOperators.NOT_ILIKE),
      Map.entry("^", POWER),
      Map.entry("->", JSON_GET),
      Map.entry("->>", JSON_GET_TEXT),
      Map.entry("#>", JSON_PATH),
      Map.entry("#>>", JSON_PATH_TEXT),
      Map.entry("@>", CONTAINS),
      Map.entry("<@", CONTAINED_BY));

  private PgOperators() {
  }

  /**
   * The operator {@code OPERATOR(schema.symbol)} denotes: the built-in one when the schema is
   * absent or {@code pg_catalog} and the symbol is known, else a {@link PgQualifiedOperator}.
   */
  public static SqlOperator qualified(String schema, String symbol) {
    if (schema == null || schema.equals("pg_catalog")) {
      SqlOperator op = BUILTIN.get(symbol);
      if (op != null) {
        return op;
      }
    }
    return new PgQualifiedOperator(schema, symbol);
  }

  private static SqlBinaryOperator op(String name, SqlReturnTypeInference returns) {
    return new SqlBinaryOperator(name, SqlKind.OTHER, OTHER_PREC, true, returns,
        InferTypes.FIRST_KNOWN, OperandTypes.ANY_ANY);
  }
}
