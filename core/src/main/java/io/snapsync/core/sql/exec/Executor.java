package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.engine.dml.DmlEngine;
import io.snapsync.core.sql.parse.Expr;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs SELECT (tables, system tables, functions without FROM) and hands writes to
 * {@link Writer}. Store work runs on the database's worker pool.
 */
public final class Executor {

  private final Database db;
  private final Writer writer;
  private final QueryEngine queries;
  private final DmlEngine dml;
  private final io.snapsync.core.sql.copy.CopyRunner copy;

  public Executor(Database db) {
    this.db = db;
    this.writer = new Writer(db);
    this.queries = new QueryEngine(db);
    this.dml = new DmlEngine(db, queries);
    this.copy = new io.snapsync.core.sql.copy.CopyRunner(db, queries);
  }

  /** The DML engine (INSERT, UPDATE, DELETE). */
  public DmlEngine dml() {
    return dml;
  }

  /** The query engine (SELECT, WITH, VALUES, TABLE). */
  public QueryEngine queries() {
    return queries;
  }

  /** Runs a table or DML statement in the session's current transaction. */
  public Future<StatementResult> run(Stmt s, SessionContext ctx, List<Object> params) {
    if (s instanceof Stmt.Query q) {
      return queries.run(q.sql(), ctx, params);
    } else if (s instanceof Stmt.Modify m) {
      return dml.run(m.sql(), m.kind(), ctx, params);
    } else if (s instanceof Stmt.Select sel) {
      return select(sel, ctx, params);
    } else if (s instanceof Stmt.Insert i) {
      return writer.insert(i, ctx, params);
    } else if (s instanceof Stmt.CreateTable c) {
      return writer.createTable(c, ctx);
    } else if (s instanceof Stmt.DropTable d) {
      return writer.dropTable(d, ctx);
    } else if (s instanceof Stmt.Truncate tr) {
      return writer.truncate(tr, ctx);
    } else if (s instanceof Stmt.Copy c) {
      return copy.run(c, ctx);
    }
    return Future.failedFuture(new IllegalArgumentException("not a DML statement: " + s));
  }

  private Future<StatementResult> select(Stmt.Select sel, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    if (sel.table() == null) {
      return db.blocking(() -> {
        txn.startQuery();
        return null;
      }).compose(v -> selectValues(sel, ctx, params));
    }
    SystemTable sys = db.services().systemTables().find(sel.table()).orElse(null);
    return db.blocking(() -> {
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      TableDef def = TableCatalog.find(t, sel.table());
      if (def == null) {
        if (sys != null) {
          return null;
        }
        throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist",
            sel.table());
      }
      return scanTable(def, sel, t, params, ctx);
    }).compose(r -> {
      if (r != null) {
        return Future.succeededFuture(r);
      }
      return sys.rows(new StandardFunctionCall(db.services(), ctx, List.of()))
          .map(rows -> project(sys.columns(), rows, sel, params));
    });
  }

  private StatementResult scanTable(TableDef def, Stmt.Select sel, StoreTransaction t,
      List<Object> params, SessionContext ctx) {
    List<Bound> conds = Bound.bind(def.columns(), sel.where(), params);
    List<List<Object>> rows = new ArrayList<>();
    boolean countOnly = sel.items().stream().allMatch(i -> i instanceof Stmt.SelectItem.CountStar);
    boolean canStopEarly = sel.limit() != null && (sel.orderBy() == null
        || (sel.orderBy().column().equals(def.pkColumn().name()) && !sel.orderBy().descending()));
    Range range = Range.of(def, conds);
    if (range.point() != null) {
      byte[] v = t.get(range.point());
      if (v != null) {
        List<Object> row = RowCodec.decode(v, def.columns().size());
        if (Bound.matches(conds, row)) {
          rows.add(row);
        }
      }
    } else {
      try (CloseableIterator<KeyValue> it = t.scan(range.from(), range.to())) {
        while (it.hasNext()) {
          ctx.checkCanceled();
          List<Object> row = RowCodec.decode(it.next().value(), def.columns().size());
          if (Bound.matches(conds, row)) {
            rows.add(row);
            if (canStopEarly && !countOnly && rows.size() >= sel.limit()) {
              break;
            }
          }
        }
      }
    }
    return project(def.columns(), rows, sel, params);
  }

  /** WHERE, ORDER BY, LIMIT, projection and count(*) over in-memory rows. */
  static StatementResult project(List<Column> columns, List<List<Object>> all, Stmt.Select sel,
      List<Object> params) {
    List<Bound> conds = Bound.bind(columns, sel.where(), params);
    List<List<Object>> rows = conds.isEmpty() ? all
        : all.stream().filter(r -> Bound.matches(conds, r)).collect(Collectors.toList());
    boolean count = sel.items().stream().anyMatch(i -> i instanceof Stmt.SelectItem.CountStar);
    if (count) {
      if (!sel.items().stream().allMatch(i -> i instanceof Stmt.SelectItem.CountStar)) {
        throw SnapsyncException.error("42803", "sql.grouping");
      }
      List<Column> cols = new ArrayList<>();
      List<Object> row = new ArrayList<>();
      for (Stmt.SelectItem i : sel.items()) {
        String alias = ((Stmt.SelectItem.CountStar) i).alias();
        cols.add(new Column(alias == null ? "count" : alias, DataType.INT8));
        row.add((long) rows.size());
      }
      List<List<Object>> out = sel.limit() != null && sel.limit() == 0 ? List.of() : List.of(row);
      return new StatementResult(cols, out, "SELECT " + out.size(), List.of());
    }
    if (sel.orderBy() != null) {
      int idx = Bound.column(columns, sel.orderBy().column());
      Comparator<List<Object>> cmp = (a, b) -> {
        Object x = a.get(idx);
        Object y = b.get(idx);
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : 1) : -1;
        }
        return Values.compare(x, y);
      };
      rows = new ArrayList<>(rows);
      rows.sort(sel.orderBy().descending() ? cmp.reversed() : cmp);
    }
    if (sel.limit() != null && rows.size() > sel.limit()) {
      rows = rows.subList(0, (int) (long) sel.limit());
    }
    List<Column> outCols = new ArrayList<>();
    List<int[]> picks = new ArrayList<>();
    List<Object> constants = new ArrayList<>();
    for (Stmt.SelectItem i : sel.items()) {
      if (i instanceof Stmt.SelectItem.Star) {
        for (int c = 0; c < columns.size(); c++) {
          outCols.add(columns.get(c));
          picks.add(new int[] {c});
          constants.add(null);
        }
      } else if (i instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.ColumnRef ref) {
        int c = Bound.column(columns, ref.name());
        Column col = columns.get(c);
        outCols.add(v.alias() == null ? col : new Column(v.alias(), col.type()));
        picks.add(new int[] {c});
        constants.add(null);
      } else if (i instanceof Stmt.SelectItem.Value v && v.expr() instanceof Expr.Literal lit) {
        outCols.add(new Column(v.alias() == null ? "?column?" : v.alias(),
            Values.literalType(lit.value())));
        picks.add(new int[] {-1});
        constants.add(Values.literalValue(lit.value()));
      } else {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
            "functions over table rows");
      }
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<Object> o = new ArrayList<>(picks.size());
      for (int k = 0; k < picks.size(); k++) {
        int c = picks.get(k)[0];
        o.add(c < 0 ? constants.get(k) : r.get(c));
      }
      out.add(o);
    }
    return new StatementResult(outCols, out, "SELECT " + out.size(), List.of());
  }

  private Future<StatementResult> selectValues(Stmt.Select sel, SessionContext ctx,
      List<Object> params) {
    if (!sel.where().isEmpty() || sel.orderBy() != null) {
      for (Stmt.Cond c : sel.where()) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_not_exist",
            c.column());
      }
    }
    List<Column> cols = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Stmt.SelectItem item : sel.items()) {
      if (!(item instanceof Stmt.SelectItem.Value v)) {
        if (item instanceof Stmt.SelectItem.CountStar cs) {
          cols.add(new Column(cs.alias() == null ? "count" : cs.alias(), DataType.INT8));
          row.add(1L);
          continue;
        }
        throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.star_without_from");
      }
      if (v.expr() instanceof Expr.Call call) {
        SqlFunction f = resolve(call, params);
        cols.add(new Column(v.alias() == null ? f.name() : v.alias(), f.returnType()));
        int slot = row.size();
        row.add(null);
        chain = chain.compose(x -> invoke(f, call, ctx, params).map(r -> {
          row.set(slot, r);
          return null;
        }));
      } else if (v.expr() instanceof Expr.ColumnRef ref && (ref.name().equals("current_user")
          || ref.name().equals("session_user") || ref.name().equals("user"))) {
        cols.add(new Column(v.alias() == null ? ref.name() : v.alias(), DataType.TEXT));
        row.add(ctx.user());
      } else {
        Object value = constant(v.expr(), params);
        cols.add(new Column(v.alias() == null ? "?column?" : v.alias(),
            Values.literalType(value)));
        row.add(Values.literalValue(value));
      }
    }
    boolean none = sel.limit() != null && sel.limit() == 0;
    return chain.map(x -> new StatementResult(cols, none ? List.of() : List.of(row),
        none ? "SELECT 0" : "SELECT 1", List.of()));
  }

  private SqlFunction resolve(Expr.Call call, List<Object> params) {
    SqlFunction f = db.services().functions().find(call.name()).orElse(null);
    int required = f == null ? 0
        : (int) f.params().stream().filter(p -> !p.optional()).count();
    if (f == null || call.args().size() < required || call.args().size() > f.params().size()) {
      String types = call.args().stream().map(a -> a instanceof Expr.Literal l
          ? Values.literalTypeName(l.value())
          : a instanceof Expr.Param p ? Values.literalTypeName(param(params, p.index()))
          : "unknown").collect(Collectors.joining(", "));
      throw SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "sql.function_not_exist",
          call.name(), types).withHint("sql.function_not_exist.hint");
    }
    return f;
  }

  private Future<Object> invoke(SqlFunction f, Expr.Call call, SessionContext ctx,
      List<Object> params) {
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < f.params().size(); i++) {
      FunctionParam p = f.params().get(i);
      if (i < call.args().size()) {
        Object raw = constant(call.args().get(i), params);
        args.add(Values.convert(raw, p.type(), p.name()));
      } else {
        args.add(p.defaultValue());
      }
    }
    StandardFunctionCall c = new StandardFunctionCall(db.services(), ctx,
        java.util.Collections.unmodifiableList(args));
    return db.<Future<Object>>blocking(() -> {
      try {
        return f.call(c);
      } catch (SnapsyncException e) {
        return Future.failedFuture(e);
      }
    }).compose(x -> x).recover(e -> Future.failedFuture(e instanceof SnapsyncException ? e
        : SnapsyncException.error(SqlState.INTERNAL_ERROR, "internal.error", String.valueOf(e))
            .withCause(e)));
  }

  static Object constant(Expr e, List<Object> params) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Param p) {
      return param(params, p.index());
    } else if (e instanceof Expr.ColumnRef c) {
      throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_not_exist", c.name());
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
        "nested function calls");
  }

  static Object param(List<Object> params, int index) {
    if (index < 1 || index > params.size()) {
      throw SnapsyncException.error("42P02", "sql.no_parameter", index);
    }
    return params.get(index - 1);
  }
}
