package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Set-returning functions in the select list of a grouped query ({@code SELECT max(x),
 * generate_series(1, 3) FROM t}): PostgreSQL runs them after grouping, so the grouped query
 * moves into a sub-query of FROM, its select items become that sub-query's columns and the
 * set-returning calls take their arguments from it; DISTINCT, ORDER BY and LIMIT stay outside.
 * A set-returning call inside a larger item of a grouped query is 0A000. Static.
 */
final class GroupedSelectSrfs {

  private static final String INNER = "srf$q";

  private GroupedSelectSrfs() {
  }

  /** True when {@code s} groups: GROUP BY, HAVING or an aggregate in its select list. */
  static boolean grouped(SqlSelect s) {
    if (s.getGroup() != null || s.getHaving() != null) {
      return true;
    }
    for (SqlNode item : s.getSelectList()) {
      if (aggregate(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean aggregate(SqlNode n) {
    if (!(n instanceof SqlCall call) || n instanceof SqlSelect
        || n.getKind().belongsTo(SqlKind.QUERY) || n.getKind() == SqlKind.OVER) {
      return false;
    }
    if (call.getOperator().isAggregator() || call instanceof SqlBasicCall b
        && !FunctionLibrary.builtin().aggregateOverloads(
            b.getOperator().getName().toLowerCase(java.util.Locale.ROOT)).isEmpty()) {
      return true;
    }
    for (SqlNode arg : call.getOperandList()) {
      if (arg instanceof SqlNodeList l ? l.stream().anyMatch(GroupedSelectSrfs::aggregate)
          : aggregate(arg)) {
        return true;
      }
    }
    return false;
  }

  /** Moves the grouping of {@code s} into a sub-query; {@code srf}: the items' SRF calls. */
  static void rewrite(SqlSelect s, java.util.function.Predicate<SqlNode> srf) {
    SqlParserPos pos = s.getParserPosition();
    SqlNodeList inner = new SqlNodeList(pos);
    SqlNodeList outer = new SqlNodeList(pos);
    for (SqlNode item : s.getSelectList()) {
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      String name = name(item);
      if (srf.test(expr)) {
        SqlBasicCall call = (SqlBasicCall) expr;
        List<SqlNode> args = new ArrayList<>();
        for (SqlNode arg : call.getOperandList()) {
          args.add(column(inner, arg, pos));
        }
        outer.add(SqlStdOperatorTable.AS.createCall(pos,
            call.getOperator().createCall(call.getParserPosition(), args),
            new SqlIdentifier(name, pos)));
      } else if (contains(expr, srf)) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
            "engine.srf.with_grouping");
      } else {
        outer.add(SqlStdOperatorTable.AS.createCall(pos, column(inner, expr, pos),
            new SqlIdentifier(name, pos)));
      }
    }
    SqlSelect grouped = new SqlSelect(pos, null, inner, s.getFrom(), s.getWhere(), s.getGroup(),
        s.getHaving(), s.getWindowList(), null, null, null, null, null);
    s.setSelectList(outer);
    s.setFrom(SqlStdOperatorTable.AS.createCall(pos, grouped, new SqlIdentifier(INNER, pos)));
    s.setWhere(null);
    s.setGroupBy(null);
    s.setHaving(null);
  }

  /** PostgreSQL's result column name of a select item: its alias, column or function name. */
  private static String name(SqlNode item) {
    if (item.getKind() == SqlKind.AS) {
      return ((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple();
    }
    if (item instanceof SqlIdentifier id) {
      return id.names.get(id.names.size() - 1);
    }
    if (item instanceof SqlBasicCall c && c.getOperator() instanceof org.apache.calcite.sql.SqlFunction) {
      return c.getOperator().getName().toLowerCase(java.util.Locale.ROOT);
    }
    return "?column?";
  }

  /** Adds {@code expr} as a column of the inner query; a reference to it. */
  private static SqlNode column(SqlNodeList inner, SqlNode expr, SqlParserPos pos) {
    String col = "i$" + (inner.size() + 1);
    inner.add(SqlStdOperatorTable.AS.createCall(pos, expr, new SqlIdentifier(col, pos)));
    return new SqlIdentifier(List.of(INNER, col), pos);
  }

  private static boolean contains(SqlNode n, java.util.function.Predicate<SqlNode> srf) {
    if (srf.test(n)) {
      return true;
    }
    if (!(n instanceof SqlCall call) || n.getKind().belongsTo(SqlKind.QUERY)) {
      return false;
    }
    for (SqlNode arg : call.getOperandList()) {
      if (arg instanceof SqlNodeList l ? l.stream().anyMatch(x -> contains(x, srf))
          : arg != null && contains(arg, srf)) {
        return true;
      }
    }
    return false;
  }
}
