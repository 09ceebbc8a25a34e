package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.sql.parser.ast.PgDistinctOn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * {@code SELECT DISTINCT ON (d, ...) ... ORDER BY o, ...} as PostgreSQL plans it (sort, then
 * the first row of each group), rewritten before validation into
 * {@code ... QUALIFY row_number() OVER (PARTITION BY d ORDER BY <the rest of ORDER BY>) = 1
 * ORDER BY <PostgreSQL's sort>}. PostgreSQL's rules: the DISTINCT ON expressions must be the
 * leading ORDER BY items, in any order (42P10 at the expression otherwise); DISTINCT ON items
 * not in ORDER BY are sorted ascending after those that are; an integer names an output
 * column, as does an output column's alias. Static; mutates the parsed tree in place.
 */
final class DistinctOn {

  private final String sql;
  private final SqlSelect select;
  private final List<SqlNode> items;

  private DistinctOn(String sql, SqlSelect select, List<SqlNode> items) {
    this.sql = sql;
    this.select = select;
    this.items = items;
  }

  /** Rewrites every DISTINCT ON select in {@code node}. */
  static void apply(SqlNode node, String sql) {
    if (node instanceof SqlNodeList list) {
      list.forEach(n -> apply(n, sql));
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call instanceof SqlOrderBy ob && marked(ob.query)) {
      rewrite(sql, (SqlSelect) ob.query, ob.orderList);
    } else if (marked(call)) {
      rewrite(sql, (SqlSelect) call, null);
    }
    for (SqlNode operand : call.getOperandList()) {
      apply(operand, sql);
    }
  }

  private static boolean marked(SqlNode node) {
    return node instanceof SqlSelect s && !s.getSelectList().isEmpty()
        && PgDistinctOn.is(s.getSelectList().get(0));
  }

  private static void rewrite(String sql, SqlSelect select, SqlNodeList outerOrder) {
    SqlNodeList list = select.getSelectList();
    SqlCall marker = (SqlCall) list.get(0);
    List<SqlNode> items = new ArrayList<>(list.subList(1, list.size()));
    select.setSelectList(new SqlNodeList(items, list.getParserPosition()));
    DistinctOn d = new DistinctOn(sql, select, items);
    SqlNodeList order = outerOrder != null ? outerOrder : select.getOrderList();
    d.plan(marker.getOperandList(), order == null ? List.of() : new ArrayList<>(order),
        outerOrder);
  }

  private void plan(List<SqlNode> distinct, List<SqlNode> order, SqlNodeList outerOrder) {
    List<SqlNode> keys = new ArrayList<>();
    for (SqlNode e : distinct) {
      keys.add(resolve(e));
    }
    boolean[] used = new boolean[distinct.size()];
    List<SqlNode> sort = new ArrayList<>();
    List<SqlNode> rest = new ArrayList<>();
    boolean skipped = false;
    for (SqlNode item : order) {
      SqlNode key = resolve(sortKey(item));
      int match = indexOf(keys, key);
      if (match >= 0) {
        if (skipped) {
          throw mismatch(distinct.get(match));
        }
        markAll(keys, key, used);
        sort.add(item);
      } else {
        skipped = true;
        rest.add(item);
      }
    }
    for (int i = 0; i < distinct.size(); i++) {
      if (!used[i]) {
        if (skipped) {
          throw mismatch(distinct.get(i));
        }
        markAll(keys, keys.get(i), used);
        sort.add(distinct.get(i));
      }
    }
    sort.addAll(rest);
    SqlParserPos pos = SqlParserPos.ZERO;
    List<SqlNode> windowOrder = new ArrayList<>();
    for (SqlNode item : rest) {
      windowOrder.add(withKey(item, TreeCopy.of(resolve(sortKey(item)))));
    }
    List<SqlNode> partition = new ArrayList<>();
    for (SqlNode k : keys) {
      partition.add(TreeCopy.of(k));
    }
    SqlWindow window = SqlWindow.create(null, null, new SqlNodeList(partition, pos),
        new SqlNodeList(windowOrder, pos), SqlLiteral.createBoolean(false, pos), null, null,
        null, pos);
    SqlNode rowNumber = SqlStdOperatorTable.OVER.createCall(pos,
        SqlStdOperatorTable.ROW_NUMBER.createCall(pos), window);
    select.setQualify(SqlStdOperatorTable.EQUALS.createCall(pos, rowNumber,
        SqlLiteral.createExactNumeric("1", pos)));
    if (outerOrder != null) {
      outerOrder.clear();
      outerOrder.addAll(sort);
    } else {
      select.setOrderBy(new SqlNodeList(sort, pos));
    }
  }

  private SnapsyncException mismatch(SqlNode at) {
    return SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
        "engine.expr.distinct_on_order").withPosition(Positions.of(sql, at.getParserPosition()));
  }

  /** An ORDER BY item without its DESC / NULLS FIRST / NULLS LAST. */
  private static SqlNode sortKey(SqlNode item) {
    while (item instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      item = c.operand(0);
    }
    return item;
  }

  private static SqlNode withKey(SqlNode item, SqlNode key) {
    if (item instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      return c.getOperator().createCall(c.getParserPosition(), withKey(c.operand(0), key));
    }
    return key;
  }

  /** An output column's expression for its ordinal or alias, else {@code e} itself. */
  private SqlNode resolve(SqlNode e) {
    if (e instanceof SqlLiteral lit && lit.getTypeName() == org.apache.calcite.sql.type
        .SqlTypeName.DECIMAL && lit.getValue() instanceof java.math.BigDecimal n
        && n.scale() <= 0) {
      int at = n.intValueExact();
      if (at < 1 || at > items.size()) {
        throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
            "engine.expr.distinct_on_position", at)
            .withPosition(Positions.of(sql, e.getParserPosition()));
      }
      return stripAlias(items.get(at - 1));
    }
    if (e instanceof SqlIdentifier id && id.isSimple()) {
      for (SqlNode item : items) {
        if (item.getKind() == SqlKind.AS && ((SqlCall) item).operand(1) instanceof SqlIdentifier a
            && a.getSimple().equals(id.getSimple())) {
          return ((SqlCall) item).operand(0);
        }
      }
    }
    return e;
  }

  private static SqlNode stripAlias(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  private static int indexOf(List<SqlNode> keys, SqlNode key) {
    for (int i = 0; i < keys.size(); i++) {
      if (same(keys.get(i), key)) {
        return i;
      }
    }
    return -1;
  }

  private static void markAll(List<SqlNode> keys, SqlNode key, boolean[] used) {
    for (int i = 0; i < keys.size(); i++) {
      if (same(keys.get(i), key)) {
        used[i] = true;
      }
    }
  }

  /** The same expression; {@code t.a} and {@code a} count as the same column. */
  private static boolean same(SqlNode a, SqlNode b) {
    if (a instanceof SqlIdentifier x && b instanceof SqlIdentifier y
        && (x.isSimple() || y.isSimple())) {
      return x.names.get(x.names.size() - 1).equals(y.names.get(y.names.size() - 1));
    }
    return a.equalsDeep(b, Litmus.IGNORE);
  }
}
