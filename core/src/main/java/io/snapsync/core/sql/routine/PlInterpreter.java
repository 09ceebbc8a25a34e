package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.types.PgValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one call of a PL/pgSQL function: the variables (parameters first, then every
 * declaration) live in one frame; each expression is a query {@code SELECT expr} planned by
 * the engine with the variables as parameters ({@code CAST($n AS type)}), in the caller's
 * transaction. Loops check for cancellation (statement_timeout, cancel) on every turn. One
 * per call; not thread-safe.
 */
final class PlInterpreter {

  private enum Signal { NONE, EXIT, CONTINUE, RETURN }

  private final Routines routines;
  private final ExecContext ctx;
  private final RoutineDef def;
  private final List<RoutineDef.Param> vars = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private final List<Integer> outSlots = new ArrayList<>();
  private final List<Object[]> rows = new ArrayList<>();
  private Object result;

  PlInterpreter(Routines routines, ExecContext ctx, RoutineDef def, Object[] args) {
    this.routines = routines;
    this.ctx = ctx;
    this.def = def;
    List<RoutineDef.Param> in = def.inputs();
    for (int i = 0; i < in.size(); i++) {
      RoutineDef.Param p = in.get(i);
      vars.add(new RoutineDef.Param(p.name() == null ? "$" + (i + 1) : p.name(), p.type(),
          p.typmod(), null, 'i'));
      values.add(i < args.length ? args[i] : eval(p.defaultExpr(), p.type(), p.typmod()));
      if (p.mode() == 'b') {
        outSlots.add(i);
      }
    }
    List<RoutineDef.Param> all = def.params();
    for (int i = 0; i < all.size(); i++) {
      RoutineDef.Param p = all.get(i);
      if (p.mode() == 'o' || p.mode() == 't') {
        vars.add(new RoutineDef.Param(p.name() == null ? "$" + (i + 1) : p.name(), p.type(),
            p.typmod(), null, 'i'));
        values.add(null);
        outSlots.add(vars.size() - 1);
      }
    }
  }

  /** Runs a call whose result is one value. */
  Object run(PlStmt.Block body) {
    Signal s = block(body);
    if (!outSlots.isEmpty()) {
      return values.get(outSlots.get(0));
    }
    if (s != Signal.RETURN && def.returnType() != DataType.VOID) {
      throw SnapsyncException.error(SqlState.FUNCTION_EXECUTED_NO_RETURN_STATEMENT,
          "routine.no_return");
    }
    return result;
  }

  /** Runs a call whose result is rows: RETURN NEXT / QUERY's, or the one result row. */
  List<Object[]> runRows(PlStmt.Block body) {
    Signal s = block(body);
    if (def.returnsSet()) {
      return rows;
    }
    if (!outSlots.isEmpty()) {
      return List.<Object[]>of(outputRow());
    }
    if (s != Signal.RETURN && def.returnType() != DataType.VOID) {
      throw SnapsyncException.error(SqlState.FUNCTION_EXECUTED_NO_RETURN_STATEMENT,
          "routine.no_return");
    }
    return List.<Object[]>of(new Object[] {result});
  }

  private Object[] outputRow() {
    Object[] row = new Object[outSlots.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = values.get(outSlots.get(i));
    }
    return row;
  }

  private void returnNext(PlStmt.ReturnNext r) {
    if (!outSlots.isEmpty()) {
      rows.add(outputRow());
    } else {
      rows.add(new Object[] {r.expr() == null ? null
          : eval(r.expr(), def.returnType(), def.returnTypmod())});
    }
  }

  private void returnQuery(PlStmt.ReturnQuery r) {
    PreparedQuery q = routines.plan(SqlBody.substitute(vars, vars.size(), r.query()),
        ctx.txn());
    List<io.snapsync.core.session.Column> want = def.resultColumns();
    try (io.snapsync.core.sql.engine.exec.Cursor c = q.root().open(
        SqlFunctionCalls.context(q, ctx, ctx.txn(), values.toArray()))) {
      for (Object[] row = c.next(); row != null; row = c.next()) {
        ctx.checkCanceled();
        rows.add(SqlFunctionCalls.conform(row, q.columns(), want, ctx));
      }
    }
  }

  private Signal block(PlStmt.Block b) {
    for (PlStmt.PlVar v : b.vars()) {
      TypeText.Parsed t = TypeText.parse(v.type());
      Object init = v.init() == null ? null : eval(v.init(), t.type(), t.typmod());
      vars.add(new RoutineDef.Param(v.name(), t.type(), t.typmod(), null, 'i'));
      values.add(init);
    }
    return list(b.body());
  }

  private Signal list(List<PlStmt> stmts) {
    for (PlStmt s : stmts) {
      Signal sig = stmt(s);
      if (sig != Signal.NONE) {
        return sig;
      }
    }
    return Signal.NONE;
  }

  private Signal stmt(PlStmt s) {
    if (s instanceof PlStmt.Block b) {
      return block(b);
    } else if (s instanceof PlStmt.Assign a) {
      int i = variable(a.name());
      RoutineDef.Param p = vars.get(i);
      values.set(i, eval(a.expr(), p.type(), p.typmod()));
    } else if (s instanceof PlStmt.If f) {
      for (int i = 0; i < f.conds().size(); i++) {
        if (Boolean.TRUE.equals(eval(f.conds().get(i), DataType.BOOL, -1))) {
          return list(f.branches().get(i));
        }
      }
      return list(f.otherwise());
    } else if (s instanceof PlStmt.Loop l) {
      while (true) {
        ctx.checkCanceled();
        if (l.cond() != null && !Boolean.TRUE.equals(eval(l.cond(), DataType.BOOL, -1))) {
          return Signal.NONE;
        }
        Signal sig = list(l.body());
        if (sig == Signal.EXIT) {
          return Signal.NONE;
        } else if (sig == Signal.RETURN) {
          return sig;
        }
      }
    } else if (s instanceof PlStmt.ForRange f) {
      return forRange(f);
    } else if (s instanceof PlStmt.Exit e) {
      if (e.when() == null || Boolean.TRUE.equals(eval(e.when(), DataType.BOOL, -1))) {
        return e.isContinue() ? Signal.CONTINUE : Signal.EXIT;
      }
    } else if (s instanceof PlStmt.Return r) {
      result = r.expr() == null || def.returnType() == DataType.VOID ? null
          : eval(r.expr(), def.returnType(), def.returnTypmod());
      return Signal.RETURN;
    } else if (s instanceof PlStmt.ReturnNext r) {
      returnNext(r);
    } else if (s instanceof PlStmt.ReturnQuery r) {
      returnQuery(r);
    } else if (s instanceof PlStmt.Raise r) {
      raise(r);
    } else if (s instanceof PlStmt.Perform p) {
      query("SELECT " + p.query());
    }
    return Signal.NONE;
  }

  private Signal forRange(PlStmt.ForRange f) {
    Object lo = eval(f.from(), DataType.INT4, -1);
    Object hi = eval(f.to(), DataType.INT4, -1);
    int step = f.step() == null ? 1 : (Integer) eval(f.step(), DataType.INT4, -1);
    if (lo == null || hi == null) {
      throw SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED, "routine.for_bound_null",
          lo == null ? "lower"
          : "upper");
    }
    vars.add(new RoutineDef.Param(f.var(), DataType.INT4, -1, null, 'i'));
    values.add(null);
    int slot = vars.size() - 1;
    try {
      for (long i = (Integer) lo; f.reverse() ? i >= (Integer) hi : i <= (Integer) hi;
          i += f.reverse() ? -step : step) {
        ctx.checkCanceled();
        values.set(slot, (int) i);
        Signal sig = list(f.body());
        if (sig == Signal.EXIT) {
          break;
        } else if (sig == Signal.RETURN) {
          return sig;
        }
      }
    } finally {
      vars.remove(slot);
      values.remove(slot);
    }
    return Signal.NONE;
  }

  private void raise(PlStmt.Raise r) {
    List<String> texts = new ArrayList<>();
    for (String a : r.args()) {
      PreparedQuery q = routines.plan(SqlBody.substitute(vars, vars.size(), "SELECT " + a),
          ctx.txn());
      Object[] row = SqlFunctionCalls.firstRow(q, ctx, ctx.txn(), values.toArray());
      Object v = row == null ? null : row[0];
      texts.add(v == null ? "<NULL>"
          : PgValues.toText(v, q.columns().get(0).type(), ctx.eval().timeZone()));
    }
    StringBuilder out = new StringBuilder();
    String f = r.format();
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '%' && i + 1 < f.length() && f.charAt(i + 1) == '%') {
        out.append('%');
        i++;
      } else if (c == '%') {
        out.append(next < texts.size() ? texts.get(next) : "");
        next++;
      } else {
        out.append(c);
      }
    }
    if (r.level().equals("exception")) {
      throw SnapsyncException.error(SqlState.RAISE_EXCEPTION, "routine.raise", out.toString());
    }
    // NOTICE, WARNING, INFO, LOG, DEBUG: not delivered from inside a query yet
  }

  private int variable(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        return i;
      }
    }
    throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "routine.not_a_variable", name);
  }

  private Object eval(String expr, DataType type, int typmod) {
    String sql = SqlBody.substitute(vars, vars.size(), "SELECT " + expr);
    PreparedQuery q = routines.plan(sql, ctx.txn());
    Object[] row = SqlFunctionCalls.firstRow(q, ctx, ctx.txn(), values.toArray());
    Object v = row == null ? null : row[0];
    DataType from = q.columns().get(0).type();
    return v == null || (from == type && typmod < 0) ? v
        : ValueOps.cast(v, from, type, typmod, ctx.eval().timeZone());
  }

  private Object[] query(String sql) {
    PreparedQuery q = routines.plan(SqlBody.substitute(vars, vars.size(), sql), ctx.txn());
    return SqlFunctionCalls.firstRow(q, ctx, ctx.txn(), values.toArray());
  }
}
