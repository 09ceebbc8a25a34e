package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.ddl.ViewCatalog;
import io.snapsync.core.sql.ddl.ViewDef;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Replaces every view named in a FROM clause by its stored query, as a sub-query aliased with
 * the view's name and column names ({@code v} becomes {@code (query) AS v(c1, ...)}), before
 * validation, so a view reads exactly what its query reads under the statement's snapshot.
 * Nested views expand in turn; names of WITH queries are left alone. Each view expanded is
 * recorded in the analysis's dependencies (as {@link ViewDef#asRelation()}) so a cached plan is
 * re-checked against the view's current definition. Mutates the freshly parsed tree; blocking
 * (store reads); one per analysis.
 */
final class ViewExpansion {

  /** Nesting beyond this is a view defined through itself. */
  private static final int MAX_DEPTH = 64;

  private final StoreTransaction txn;
  private final Map<String, TableDef> dependencies;
  private final Set<String> cteNames = new HashSet<>();

  private ViewExpansion(StoreTransaction txn, Map<String, TableDef> dependencies) {
    this.txn = txn;
    this.dependencies = dependencies;
  }

  /** Expands the views of {@code node} in place (the root itself is never a view). */
  static void expand(SqlNode node, StoreTransaction txn, Map<String, TableDef> dependencies) {
    ViewExpansion e = new ViewExpansion(txn, dependencies);
    e.collectCtes(node);
    e.walk(node, 0);
  }

  private void collectCtes(SqlNode n) {
    if (n instanceof SqlWithItem w) {
      cteNames.add(w.name.getSimple());
    }
    if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        collectCtes(o);
      }
    } else if (n instanceof SqlNodeList l) {
      l.forEach(this::collectCtes);
    }
  }

  private void walk(SqlNode n, int depth) {
    if (n instanceof SqlSelect s && s.getFrom() != null) {
      s.setFrom(from(s.getFrom(), depth));
    }
    if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        if (o != null) {
          walk(o, depth);
        }
      }
    } else if (n instanceof SqlNodeList l) {
      for (SqlNode o : l) {
        if (o != null) {
          walk(o, depth);
        }
      }
    }
  }

  private SqlNode from(SqlNode f, int depth) {
    if (f instanceof SqlIdentifier id) {
      ViewDef v = view(id);
      return v == null ? f : aliased(v, expanded(v, depth), v.name(), List.of(), f);
    }
    if (f instanceof SqlJoin j) {
      j.setLeft(from(j.getLeft(), depth));
      j.setRight(from(j.getRight(), depth));
      return j;
    }
    if (f.getKind() == SqlKind.AS && f instanceof SqlBasicCall as
        && as.operand(0) instanceof SqlIdentifier id) {
      ViewDef v = view(id);
      if (v != null) {
        List<SqlNode> ops = as.getOperandList();
        List<String> renamed = new ArrayList<>();
        for (SqlNode o : ops.subList(2, ops.size())) {
          renamed.add(((SqlIdentifier) o).getSimple());
        }
        return aliased(v, expanded(v, depth), ((SqlIdentifier) ops.get(1)).getSimple(),
            renamed, f);
      }
    }
    return f;
  }

  /** The view's query, parsed afresh, its own views expanded. */
  private SqlNode expanded(ViewDef v, int depth) {
    if (depth >= MAX_DEPTH) {
      throw SnapsyncException.error("42P17", "ddl.view_recursion", v.name());
    }
    dependencies.put(v.name(), v.asRelation());
    SqlNode q = Analyzer.parse(v.query()).node();
    walk(q, depth + 1);
    return q;
  }

  /** {@code (query) AS alias(names)}: the view's column names, the first ones renamed. */
  private static SqlNode aliased(ViewDef v, SqlNode query, String alias, List<String> renamed,
      SqlNode at) {
    SqlParserPos pos = at.getParserPosition();
    List<SqlNode> ops = new ArrayList<>();
    ops.add(query);
    ops.add(new SqlIdentifier(alias, pos));
    List<String> names = v.columnNames();
    for (int i = 0; i < names.size(); i++) {
      ops.add(new SqlIdentifier(i < renamed.size() ? renamed.get(i) : names.get(i), pos));
    }
    return SqlStdOperatorTable.AS.createCall(pos, ops);
  }

  private ViewDef view(SqlIdentifier id) {
    String name;
    if (id.names.size() == 1) {
      name = id.names.get(0);
      if (cteNames.contains(name)) {
        return null;
      }
    } else if (id.names.size() == 2 && id.names.get(0).equals(Analyzer.SCHEMA)) {
      name = id.names.get(1);
    } else {
      return null;
    }
    return ViewCatalog.find(txn, name);
  }
}
