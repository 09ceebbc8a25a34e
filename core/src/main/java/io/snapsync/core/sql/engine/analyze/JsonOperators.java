package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgOperators;
import java.util.List;
import org.apache.calcite.sql.SqlOperator;

/**
 * The grammar's PostgreSQL binary operators that Calcite's tables lack ({@code -> ->> #> #>>
 * @> <@ ? ?| ?& #- @? @@}), found by symbol when the validator resolves a binary call; the
 * library chooses the overload at compile time. Static, thread-safe.
 */
final class JsonOperators {

  private static final List<SqlOperator> ALL = List.of(PgOperators.JSON_GET,
      PgOperators.JSON_GET_TEXT, PgOperators.JSON_PATH, PgOperators.JSON_PATH_TEXT,
      PgOperators.CONTAINS, PgOperators.CONTAINED_BY, PgOperators.JSON_EXISTS,
      PgOperators.JSON_EXISTS_ANY, PgOperators.JSON_EXISTS_ALL, PgOperators.JSON_DELETE_PATH,
      PgOperators.JSONPATH_EXISTS, PgOperators.JSONPATH_MATCH);

  private static final SqlOperator MINUS =
      new JsonAwareOperator(org.apache.calcite.sql.fun.SqlStdOperatorTable.MINUS);
  private static final SqlOperator PLUS =
      new JsonAwareOperator(org.apache.calcite.sql.fun.SqlStdOperatorTable.PLUS);
  private static final SqlOperator CONCAT = new JsonAwareOperator(PgConcatOperator.INSTANCE);

  private JsonOperators() {
  }

  /**
   * The operator written {@code symbol}, or null when Calcite's own tables have it; {@code -}
   * and {@code ||} are Calcite's (and the array-aware {@link PgConcatOperator}), widened to json operands ({@link JsonAwareOperator}).
   */
  static SqlOperator binary(String symbol) {
    if (symbol.equals("-")) {
      return MINUS;
    }
    if (symbol.equals("+")) {
      return PLUS;
    }
    if (symbol.equals("||")) {
      return CONCAT;
    }
    for (SqlOperator op : ALL) {
      if (op.getName().equals(symbol)) {
        return op;
      }
    }
    return null;
  }
}
