package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.sql.parse.CalciteParse;
import io.snapsync.sql.parser.ast.PgOperators;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The project's own grammar ({@code snapsync-sql-parser}) for queries the stock Babel grammar
 * rejects, such as psql's describe queries ({@code c.relname OPERATOR(pg_catalog.~) '^(t)$'
 * COLLATE pg_catalog.default}). {@code COLLATE} is dropped: snapsync has one collation.
 * Used until the engine parses everything with the project's grammar.
 */
final class ProjectGrammar {

  private ProjectGrammar() {
  }

  /**
   * True when Babel parsed a type name it does not know ({@code regtype}, {@code regclass},
   * {@code pg_catalog.text}), which the project's grammar maps to PostgreSQL's types.
   */
  static boolean namesUnknownType(SqlNode node) {
    boolean[] found = {false};
    node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlDataTypeSpec type) {
        if (type.getTypeNameSpec()
            instanceof org.apache.calcite.sql.SqlUserDefinedTypeNameSpec) {
          found[0] = true;
        }
        return type;
      }
    });
    return found[0];
  }

  /** The statement parsed with the project's grammar, or null when it rejects it too. */
  static SqlNode tryParse(String sql) {
    SqlNode node;
    try {
      node = CalciteParse.parse(sql);
    } catch (RuntimeException e) {
      return null;
    }
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getOperator() == PgOperators.COLLATE) {
          return call.operand(0).accept(this);
        }
        SqlNode reg = io.snapsync.core.sql.catalog.RegCasts.rewrite(call, this);
        return reg != null ? reg : super.visit(call);
      }
    });
  }
}
