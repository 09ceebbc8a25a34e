package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SqlState;
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
public final class ViewExpansion {

  /** Nesting beyond this is a view defined through itself. */
  private static final int MAX_DEPTH = 64;

  private final StoreTransaction txn;
  private final Map<String, TableDef> dependencies;
  private final Set<String> cteNames = new HashSet<>();
  /** Relations the statement names itself (outside view bodies). */
  private final Set<String> direct = new HashSet<>();
  /** Relations named only inside view bodies. */
  private final Set<String> inViews = new HashSet<>();

  private ViewExpansion(StoreTransaction txn, Map<String, TableDef> dependencies) {
    this.txn = txn;
    this.dependencies = dependencies;
  }

  /**
   * Expands the views of {@code node} in place (the root itself is never a view). Relations a
   * view's query reads are recorded under {@link #viaKey} (checked against the view owner's
   * privileges, as PostgreSQL does); call {@link #settle} after validation.
   */
  static ViewExpansion expand(SqlNode node, StoreTransaction txn,
      Map<String, TableDef> dependencies) {
    ViewExpansion e = new ViewExpansion(txn, dependencies);
    e.collectCtes(node);
    e.walk(node, 0, null);
    return e;
  }

  /**
   * The dependency key of relation {@code name} read by the query of view {@code view}:
   * {@code "\0view\0name"}, never a relation's name.
   */
  public static String viaKey(String view, String name) {
    return "\0" + view + "\0" + name;
  }

  /** The view of a {@link #viaKey}, or null for a relation's own name. */
  public static String viaView(String key) {
    return key.startsWith("\0") ? key.substring(1, key.indexOf('\0', 1)) : null;
  }

  /** The relation of a {@link #viaKey} (or the name itself). */
  public static String relationOf(String key) {
    return key.startsWith("\0") ? key.substring(key.indexOf('\0', 1) + 1) : key;
  }

  /**
   * After validation: relations only view bodies read leave the statement's own dependencies
   * (their {@link #viaKey} entries keep the plan's validity and the owner's check).
   */
  void settle(CatalogSchema schema) {
    Set<String> only = new HashSet<>(inViews);
    only.removeAll(direct);
    schema.viewOnly(only);
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

  private void walk(SqlNode n, int depth, String view) {
    SqlNode from = null;
    if (n instanceof SqlSelect s && s.getFrom() != null) {
      from = from(s.getFrom(), depth, view);
      s.setFrom(from);
    }
    if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        // the FROM clause was walked by from(): expanded views must not be walked again
        if (o != null && o != from) {
          walk(o, depth, view);
        }
      }
    } else if (n instanceof SqlNodeList l) {
      for (SqlNode o : l) {
        if (o != null) {
          walk(o, depth, view);
        }
      }
    }
  }

  private SqlNode from(SqlNode f, int depth, String inView) {
    if (f instanceof SqlIdentifier id) {
      note(id, inView);
      ViewDef v = view(id);
      return v == null ? f : aliased(v, expanded(v, depth),
          io.snapsync.core.sql.ddl.Names.relname(v.name()), List.of(), f);
    }
    if (f instanceof SqlJoin j) {
      j.setLeft(from(j.getLeft(), depth, inView));
      j.setRight(from(j.getRight(), depth, inView));
      if (j.getCondition() != null) {
        walk(j.getCondition(), depth, inView);
      }
      return j;
    }
    if (f.getKind() == SqlKind.AS && f instanceof SqlBasicCall as
        && as.operand(0) instanceof SqlIdentifier id) {
      note(id, inView);
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
      return f;
    }
    walk(f, depth, inView);
    return f;
  }

  /** The view's query, parsed afresh, its own views expanded. */
  private SqlNode expanded(ViewDef v, int depth) {
    if (depth >= MAX_DEPTH) {
      throw SnapsyncException.error(SqlState.INVALID_OBJECT_DEFINITION, "ddl.view_recursion", v.name());
    }
    dependencies.put(v.name(), v.asRelation());
    SqlNode q = Analyzer.parse(v.query()).node();
    walk(q, depth + 1, v.name());
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

  /** Records a FROM name: the statement's own, or read by view {@code inView}'s query. */
  private void note(SqlIdentifier id, String inView) {
    String name = relationName(id);
    if (name == null) {
      return;
    }
    if (inView == null) {
      direct.add(name);
      return;
    }
    inViews.add(name);
    ViewDef v = ViewCatalog.find(txn, name);
    dependencies.put(viaKey(inView, name), v != null ? v.asRelation()
        : io.snapsync.core.sql.exec.TableCatalog.find(txn, name));
  }

  private String relationName(SqlIdentifier id) {
    if (id.names.size() == 1) {
      return cteNames.contains(id.names.get(0)) ? null : id.names.get(0);
    }
    return id.names.size() == 2 ? io.snapsync.core.sql.ddl.Names.key(id.names.get(0),
        id.names.get(1)) : null;
  }

  private ViewDef view(SqlIdentifier id) {
    String name;
    if (id.names.size() == 1) {
      name = id.names.get(0);
      if (cteNames.contains(name)) {
        return null;
      }
    } else if (id.names.size() == 2) {
      return ViewCatalog.find(txn, io.snapsync.core.sql.ddl.Names.key(id.names.get(0),
          id.names.get(1)));
    } else {
      return null;
    }
    if (io.snapsync.core.sql.ddl.Names.qualified(name)) {
      return ViewCatalog.find(txn, name);
    }
    String key = io.snapsync.core.sql.ddl.SearchPath.current().resolve(txn, name,
        k -> ViewCatalog.find(txn, k) != null
            || io.snapsync.core.sql.exec.TableCatalog.find(txn, k) != null);
    return ViewCatalog.find(txn, key);
  }
}
