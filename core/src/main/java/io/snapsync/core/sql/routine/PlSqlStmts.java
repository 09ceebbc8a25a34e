package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The PL/pgSQL statements that run SQL, for one {@link PlInterpreter}: SQL statements with INTO
 * [STRICT], EXECUTE ... USING, FOR over a query or EXECUTE, GET DIAGNOSTICS, RETURN NEXT and
 * RETURN QUERY [EXECUTE]; RAISE and ASSERT go to {@link PlRaise}. FOUND and ROW_COUNT follow
 * PostgreSQL's rules (EXECUTE sets ROW_COUNT only).
 */
final class PlSqlStmts {

  private final PlInterpreter in;

  PlSqlStmts(PlInterpreter in) {
    this.in = in;
  }

  PlInterpreter.Signal run(PlStmt s) {
    if (s instanceof PlStmt.Sql q) {
      sql(q);
    } else if (s instanceof PlStmt.Execute e) {
      PlExec.Result r = dynamic(e.dynamic(), e.into() == null ? 0 : 2);
      if (e.into() != null) {
        into(e.into(), r, e.strict(), false, false);
      }
      in.rowCount = r.count();
    } else if (s instanceof PlStmt.ForQuery f) {
      return forQuery(f);
    } else if (s instanceof PlStmt.GetDiagnostics g) {
      diagnostics(g);
    } else if (s instanceof PlStmt.ReturnNext r) {
      returnNext(r);
    } else if (s instanceof PlStmt.ReturnQuery r) {
      PlExec.Result res = r.query() != null ? bound(r.query(), -1) : dynamic(r.dynamic(), -1);
      List<Column> want = in.def.resultColumns();
      for (Object[] row : res.rows()) {
        in.rows.add(SqlFunctionCalls.conform(row, res.columns(), want, in.ctx));
      }
      in.setFound(res.rows().size());
    } else if (s instanceof PlStmt.Raise r) {
      PlRaise.raise(in, r);
    } else if (s instanceof PlStmt.Assert a) {
      PlRaise.assertion(in, a);
    }
    return PlInterpreter.Signal.NONE;
  }

  private void sql(PlStmt.Sql s) {
    PlFrame.Bound b = in.frame.bind(s.sql());
    boolean query = SqlParser.parse(b.sql(), () -> false) instanceof Stmt.Query;
    if (query && s.into() == null) {
      throw in.own(SnapsyncException.error(SqlState.SYNTAX_ERROR, "routine.no_destination")
          .withHint("routine.no_destination.hint"));
    }
    PlExec.Result r = in.exec.run(b.sql(), b.values(), s.into() == null ? 0 : 2);
    if (s.into() != null) {
      into(s.into(), r, s.strict(), !query, true);
    }
    in.setFound(query && !s.strict() ? Math.min(r.count(), 1) : r.count());
  }

  private PlExec.Result bound(String sql, int keep) {
    PlFrame.Bound b = in.frame.bind(sql);
    return in.exec.run(b.sql(), b.values(), keep);
  }

  /** Runs a dynamic command: its text evaluated, $n the USING values with their types. */
  PlExec.Result dynamic(PlStmt.Dynamic d, int keep) {
    Object text = in.eval(d.expr(), DataType.TEXT, -1);
    if (text == null) {
      throw in.own(SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED,
          "routine.execute_null"));
    }
    List<RoutineDef.Param> params = new ArrayList<>();
    Object[] values = new Object[d.using().size()];
    for (int i = 0; i < values.length; i++) {
      PlExec.Result r = in.evalTyped(d.using().get(i));
      DataType t = r.columns().get(0).type();
      values[i] = r.rows().isEmpty() ? null : r.rows().get(0)[0];
      params.add(new RoutineDef.Param("\0", t == DataType.UNKNOWN ? DataType.TEXT : t, -1,
          null, 'i'));
    }
    return in.exec.run(SqlBody.substitute(params, params.size(), (String) text), values, keep);
  }

  /** A statement's first row into {@code targets}: P0002 / P0003 as PostgreSQL raises them. */
  private void into(List<String> targets, PlExec.Result r, boolean strict, boolean dml,
      boolean hint) {
    if (r.rows().isEmpty()) {
      if (strict) {
        throw in.own(SnapsyncException.error(SqlState.NO_DATA_FOUND, "routine.no_rows"));
      }
      assign(targets, new Object[0], r.columns());
      return;
    }
    if (r.count() > 1 && (strict || dml)) {
      SnapsyncException e = SnapsyncException.error(SqlState.TOO_MANY_ROWS,
          "routine.too_many_rows");
      throw in.own(hint ? e.withHint("routine.too_many_rows.hint") : e);
    }
    assign(targets, r.rows().get(0), r.columns());
  }

  /** Assigns a row: to a record whole, or column by column to scalar variables. */
  void assign(List<String> targets, Object[] row, List<Column> columns) {
    PlFrame f = in.frame;
    if (targets.size() == 1 && f.isRecord(f.slot(targets.get(0)))) {
      f.set(f.slot(targets.get(0)), new PlFrame.Row(columns, row.clone()));
      return;
    }
    for (int i = 0; i < targets.size(); i++) {
      int slot = f.slot(targets.get(i));
      Object v = i < row.length ? row[i] : null;
      DataType from = i < columns.size() ? columns.get(i).type() : f.type(slot);
      f.set(slot, v == null || from == f.type(slot) && f.typmod(slot) < 0 ? v
          : ValueOps.cast(v, from, f.type(slot), f.typmod(slot), in.ctx.eval().timeZone()));
    }
  }

  private PlInterpreter.Signal forQuery(PlStmt.ForQuery f) {
    PlExec.Result r = f.query() != null ? bound(f.query(), -1) : dynamic(f.dynamic(), -1);
    int outer = in.frame.size();
    if (f.targets().size() == 1 && in.frame.find(f.targets().get(0)) < 0) {
      in.frame.declareRecord(f.targets().get(0));
    }
    try {
      for (Object[] row : r.rows()) {
        in.ctx.checkCanceled();
        assign(f.targets(), row, r.columns());
        PlInterpreter.Signal sig = in.list(f.body());
        if (sig == PlInterpreter.Signal.EXIT) {
          break;
        } else if (sig == PlInterpreter.Signal.RETURN) {
          return sig;
        }
      }
    } finally {
      in.frame.truncate(outer);
    }
    in.setFound(r.rows().size());
    return PlInterpreter.Signal.NONE;
  }

  private void diagnostics(PlStmt.GetDiagnostics g) {
    SnapsyncException e = in.handling.peek();
    for (int i = 0; i < g.vars().size(); i++) {
      String item = g.items().get(i);
      Object v;
      DataType from = DataType.TEXT;
      if (item.equals("row_count")) {
        v = in.rowCount;
        from = DataType.INT8;
      } else if (e == null) {
        throw SnapsyncException.error(SqlState.STACKED_DIAGNOSTICS_ACCESSED_WITHOUT_ACTIVE_HANDLER,
            "routine.stacked_outside_handler");
      } else if (item.equals("returned_sqlstate")) {
        v = e.sqlState();
      } else if (item.equals("message_text")) {
        v = io.snapsync.core.catalog.MessageCatalog.english(e.message());
      } else if (item.equals("pg_exception_detail")) {
        v = e.detail() == null ? "" : io.snapsync.core.catalog.MessageCatalog.english(e.detail());
      } else if (item.equals("pg_exception_hint")) {
        v = e.hint() == null ? "" : io.snapsync.core.catalog.MessageCatalog.english(e.hint());
      } else {
        v = "";
      }
      int slot = in.frame.slot(g.vars().get(i));
      in.frame.set(slot, ValueOps.cast(v, from, in.frame.type(slot), in.frame.typmod(slot),
          in.ctx.eval().timeZone()));
    }
  }

  private void returnNext(PlStmt.ReturnNext r) {
    if (!in.outSlots.isEmpty()) {
      in.rows.add(in.outputRow());
      return;
    }
    int slot = r.expr() == null ? -1 : in.frame.find(r.expr());
    if (slot >= 0 && in.frame.isRecord(slot) && in.frame.get(slot) instanceof PlFrame.Row row) {
      in.rows.add(SqlFunctionCalls.conform(row.values(), row.columns(),
          in.def.resultColumns(), in.ctx));
      return;
    }
    in.rows.add(new Object[] {r.expr() == null ? null
        : in.eval(r.expr(), in.def.returnType(), in.def.returnTypmod())});
  }
}
