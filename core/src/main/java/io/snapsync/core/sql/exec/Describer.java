package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.parse.Expr;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The result columns of a statement without running it. Table definitions are read in the
 * session's store transaction when it has one (so its own DDL counts), else in a short
 * read-only transaction on the latest snapshot. Blocking (worker threads).
 */
public final class Describer {

  private final Database db;

  public Describer(Database db) {
    this.db = db;
  }

  public List<Column> columns(Stmt stmt, SessionContext ctx) {
    if (stmt instanceof Stmt.Show sh) {
      if (sh.name().equals("all")) {
        return List.of(new Column("name", DataType.TEXT), new Column("setting", DataType.TEXT),
            new Column("description", DataType.TEXT));
      }
      return List.of(new Column(sh.name(), DataType.TEXT));
    }
    if (stmt instanceof Stmt.Query q) {
      return db.executor().queries().describe(q.sql(), ctx);
    }
    if (stmt instanceof Stmt.Modify m) {
      return db.executor().dml().describe(m.sql(), ctx);
    }
    if (!(stmt instanceof Stmt.Select sel)) {
      return List.of();
    }
    if (sel.table() == null) {
      List<Column> cols = new ArrayList<>();
      for (Stmt.SelectItem item : sel.items()) {
        if (item instanceof Stmt.SelectItem.CountStar cs) {
          cols.add(new Column(cs.alias() == null ? "count" : cs.alias(), DataType.INT8));
        } else if (item instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.Call c) {
          SqlFunction f = db.services().functions().find(c.name()).orElseThrow(() ->
              SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "sql.function_not_exist",
                  c.name(), "...").withHint("sql.function_not_exist.hint"));
          cols.add(new Column(v.alias() == null ? f.name() : v.alias(), f.returnType()));
        } else if (item instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.Literal l) {
          cols.add(new Column(v.alias() == null ? "?column?" : v.alias(),
              Values.literalType(l.value())));
        } else if (item instanceof Stmt.SelectItem.Value v
            && v.expr() instanceof Expr.ColumnRef ref) {
          cols.add(new Column(v.alias() == null ? ref.name() : v.alias(), DataType.TEXT));
        } else {
          cols.add(new Column(item instanceof Stmt.SelectItem.Value v && v.alias() != null
              ? v.alias() : "?column?", DataType.TEXT));
        }
      }
      return cols;
    }
    List<Column> table = tableColumns(sel.table(), ctx);
    if (sel.items().stream().anyMatch(i -> i instanceof Stmt.SelectItem.CountStar)) {
      List<Column> cols = new ArrayList<>();
      for (Stmt.SelectItem i : sel.items()) {
        String alias = i instanceof Stmt.SelectItem.CountStar cs ? cs.alias() : null;
        cols.add(new Column(alias == null ? "count" : alias, DataType.INT8));
      }
      return cols;
    }
    List<Column> cols = new ArrayList<>();
    for (Stmt.SelectItem i : sel.items()) {
      if (i instanceof Stmt.SelectItem.Star) {
        cols.addAll(table);
      } else if (i instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.ColumnRef r) {
        Column c = table.get(Bound.column(table, r.name()));
        cols.add(v.alias() == null ? c : new Column(v.alias(), c.type()));
      } else if (i instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.Literal l) {
        cols.add(new Column(v.alias() == null ? "?column?" : v.alias(),
            Values.literalType(l.value())));
      } else {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
            "functions over table rows");
      }
    }
    return cols;
  }

  private List<Column> tableColumns(String name, SessionContext ctx) {
    StoreTransaction own = ctx.txn().storeTxnIfBegun();
    TableDef def;
    if (own != null) {
      def = TableCatalog.find(own, name);
    } else {
      StoreTransaction t = db.store().begin();
      try {
        def = TableCatalog.find(t, name);
      } finally {
        t.rollback();
      }
    }
    if (def != null) {
      return def.columns();
    }
    SystemTable sys = db.services().systemTables().find(name).orElseThrow(() ->
        SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist", name));
    return sys.columns();
  }
}
