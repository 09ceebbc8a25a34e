package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

/**
 * PostgreSQL's rules for the recursive term of {@code WITH RECURSIVE} that the work-table loop
 * relies on, checked before validation: the recursive reference must be a FROM item of the
 * term itself, never inside a sub-query (42P19), and the term takes no ORDER BY, LIMIT or
 * OFFSET (0A000). Without them a query PostgreSQL refuses would run as a different, possibly
 * endless, loop.
 */
public final class RecursiveTerms {

  private static final java.util.Set<String> AGGREGATES = java.util.Set.of("count", "sum",
      "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
      "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "bit_and", "bit_or");

  private RecursiveTerms() {
  }

  /** Checks every recursive WITH item in {@code node}. */
  public static void check(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(RecursiveTerms::check);
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call instanceof SqlWith with) {
      for (SqlNode item : with.withList) {
        if (item instanceof SqlWithItem w && w.recursive.booleanValue()) {
          term(w.name.getSimple(), w.query);
        }
      }
    }
    for (SqlNode operand : call.getOperandList()) {
      check(operand);
    }
  }

  private static void term(String name, SqlNode query) {
    if (query instanceof org.apache.calcite.sql.SqlOrderBy o) {
      // ORDER BY / LIMIT / OFFSET after the UNION apply to the whole recursive query
      limits(o.orderList, o.offset, o.fetch);
      query = o.query;
    }
    if (query instanceof SqlBasicCall union && union.getKind() == SqlKind.UNION
        && union.operandCount() == 2 && union.operand(1) instanceof SqlSelect s) {
      limits(s.getOrderList(), s.getOffset(), s.getFetch());
      aggregates(s.getSelectList());
      aggregates(s.getHaving());
      for (SqlNode operand : s.getOperandList()) {
        if (operand != s.getFrom()) {
          nested(name, operand);
        }
      }
      fromItems(name, s.getFrom());
    }
  }

  /** PostgreSQL's order of checks: ORDER BY, then OFFSET, then LIMIT. */
  private static void limits(SqlNodeList order, SqlNode offset, SqlNode fetch) {
    String what = order != null && order.size() > 0 ? "ORDER BY" : offset != null ? "OFFSET"
        : fetch != null ? "LIMIT" : null;
    if (what != null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "engine.srf.recursive_not_implemented", what);
    }
  }

  /**
   * An aggregate in the recursive term (42P19): PostgreSQL refuses it, and over the work table
   * it would feed itself one row per step for ever.
   */
  private static void aggregates(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(RecursiveTerms::aggregates);
    } else if (node instanceof SqlCall c && !(c instanceof SqlSelect)) {
      if (c.getOperator().isAggregator() || AGGREGATES.contains(
          c.getOperator().getName().toLowerCase(Locale.ROOT))) {
        throw SnapsyncException.error(SqlState.INVALID_RECURSION,
            "engine.srf.recursive_aggregate");
      }
      c.getOperandList().forEach(RecursiveTerms::aggregates);
    }
  }

  /** The FROM of the recursive term: direct references are allowed, sub-queries are not. */
  private static void fromItems(String name, SqlNode from) {
    if (from instanceof SqlJoin j) {
      fromItems(name, j.getLeft());
      fromItems(name, j.getRight());
      nested(name, j.getCondition());
    } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
      fromItems(name, as.operand(0));
    } else if (from != null && !(from instanceof SqlIdentifier)) {
      nested(name, from);
    }
  }

  /** Anything below here is inside a sub-query or an expression: no reference to name. */
  private static void nested(String name, SqlNode node) {
    if (node instanceof SqlNodeList list) {
      list.forEach(n -> nested(name, n));
    } else if (node instanceof SqlSelect s) {
      if (references(name, s.getFrom())) {
        throw SnapsyncException.error(SqlState.INVALID_RECURSION,
            "engine.srf.recursive_in_subquery", name);
      }
      s.getOperandList().forEach(n -> nested(name, n));
    } else if (node instanceof SqlCall c) {
      c.getOperandList().forEach(n -> nested(name, n));
    }
  }

  private static boolean references(String name, SqlNode from) {
    if (from instanceof SqlIdentifier id) {
      return id.names.size() == 1 && id.getSimple().toLowerCase(Locale.ROOT)
          .equals(name.toLowerCase(Locale.ROOT));
    }
    if (from instanceof SqlJoin j) {
      return references(name, j.getLeft()) || references(name, j.getRight());
    }
    if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
      return references(name, as.operand(0));
    }
    return false;
  }
}
