package io.snapsync.core.sql.routine;

import io.snapsync.core.error.ConditionNames;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs one call of a PL/pgSQL function, DO block or procedure: the variables live in a
 * {@link PlFrame}; each expression is a query {@code SELECT expr} planned by the engine with the
 * variables as parameters, in the caller's transaction; SQL statements run through
 * {@link PlExec}. A block with EXCEPTION handlers runs under a store savepoint, rolled back when
 * a handler catches. Loops check for cancellation on every turn. One per call; not thread-safe.
 */
final class PlInterpreter {

  enum Signal { NONE, EXIT, CONTINUE, RETURN }

  final Routines routines;
  final ExecContext ctx;
  final RoutineDef def;
  final PlFrame frame = new PlFrame();
  final PlExec exec;
  final List<Integer> outSlots = new ArrayList<>();
  final List<Object[]> rows = new ArrayList<>();
  /** The errors being handled, innermost first (bare RAISE, GET STACKED DIAGNOSTICS). */
  final Deque<SnapsyncException> handling = new ArrayDeque<>();
  final int found;
  long rowCount;
  /** The last error a statement raised itself (RAISE, STRICT INTO): it gets the CONTEXT line. */
  SnapsyncException raised;
  private java.util.Map<PlStmt, Integer> lines = java.util.Map.of();
  private Object result;
  private final PlSqlStmts sql;

  PlInterpreter(Routines routines, ExecContext ctx, RoutineDef def, Object[] args,
      boolean topLevel) {
    this.routines = routines;
    this.ctx = ctx;
    this.def = def;
    this.exec = new PlExec(routines, ctx, topLevel);
    this.sql = new PlSqlStmts(this);
    List<RoutineDef.Param> in = def.inputs();
    for (int i = 0; i < in.size(); i++) {
      RoutineDef.Param p = in.get(i);
      Object v = i < args.length ? args[i] : eval(p.defaultExpr(), p.type(), p.typmod());
      frame.declare(p.name() == null ? "$" + (i + 1) : p.name(), p.type(), p.typmod(), v);
      if (p.mode() == 'b') {
        outSlots.add(i);
      }
    }
    List<RoutineDef.Param> all = def.params();
    for (int i = 0; i < all.size(); i++) {
      RoutineDef.Param p = all.get(i);
      if (p.mode() == 'o' || p.mode() == 't') {
        outSlots.add(frame.declare(p.name() == null ? "$" + (i + 1) : p.name(), p.type(),
            p.typmod(), null));
      }
    }
    this.found = frame.declare("found", DataType.BOOL, -1, Boolean.FALSE);
  }

  /** Runs a call whose result is one value. */
  Object run(PlParser.Parsed parsed) {
    lines = parsed.lines();
    Signal s = block(parsed.body());
    if (!outSlots.isEmpty()) {
      return frame.get(outSlots.get(0));
    }
    if (s != Signal.RETURN && def.returnType() != DataType.VOID) {
      throw SnapsyncException.error(SqlState.FUNCTION_EXECUTED_NO_RETURN_STATEMENT,
          "routine.no_return")
          .withContext("routine.context_end", Signatures.compact(def));
    }
    return result;
  }

  /** Runs a call whose result is rows: RETURN NEXT / QUERY's, or the one result row. */
  List<Object[]> runRows(PlParser.Parsed parsed) {
    lines = parsed.lines();
    Signal s = block(parsed.body());
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

  /** The values of the OUT and INOUT parameters. */
  Object[] outputRow() {
    Object[] row = new Object[outSlots.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = frame.get(outSlots.get(i));
    }
    return row;
  }

  private Signal block(PlStmt.Block b) {
    int outer = frame.size();
    try {
      for (PlStmt.PlVar v : b.vars()) {
        if (v.type().equalsIgnoreCase("record")) {
          frame.declareRecord(v.name());
          continue;
        }
        TypeText.Parsed t = TypeText.parse(v.type());
        Object init = v.init() == null ? null : eval(v.init(), t.type(), t.typmod());
        frame.declare(v.name(), t.type(), t.typmod(), init);
      }
      if (b.handlers().isEmpty()) {
        return list(b.body());
      }
      return protectedBody(b);
    } finally {
      frame.truncate(outer);
    }
  }

  /** The body under a savepoint: an error a handler names rolls back to it and runs the handler. */
  private Signal protectedBody(PlStmt.Block b) {
    int declared = frame.size();
    io.snapsync.storage.StoreTransaction t = ctx.txn();
    int savepoint = t.savepoint();
    try {
      return list(b.body());
    } catch (SnapsyncException e) {
      frame.truncate(declared);
      for (PlStmt.Handler h : b.handlers()) {
        for (String cond : h.conditions()) {
          if (ConditionNames.matches(cond, e.sqlState())) {
            t.rollbackTo(savepoint);
            frame.declare("sqlstate", DataType.TEXT, -1, e.sqlState());
            frame.declare("sqlerrm", DataType.TEXT, -1,
                io.snapsync.core.catalog.MessageCatalog.english(e.message()));
            handling.push(e);
            try {
              return list(h.body());
            } finally {
              handling.pop();
            }
          }
        }
      }
      throw e;
    }
  }

  Signal list(List<PlStmt> stmts) {
    for (PlStmt s : stmts) {
      Signal sig = stmt(s);
      if (sig != Signal.NONE) {
        return sig;
      }
    }
    return Signal.NONE;
  }

  /** {@code e}, remembered as raised by the running statement itself. */
  SnapsyncException own(SnapsyncException e) {
    raised = e;
    return e;
  }

  private Signal stmt(PlStmt s) {
    try {
      return statement(s);
    } catch (SnapsyncException e) {
      if (e != raised || e.context() != null || !lines.containsKey(s)) {
        throw e;
      }
      String where = def.name().equals("inline_code_block") && def.id() == 0
          ? def.name() : Signatures.compact(def);
      SnapsyncException c = e.withContext("routine.context", where, lines.get(s).toString(), what(s));
      raised = c;
      throw c;
    }
  }

  /** The statement as PostgreSQL names it in a CONTEXT line. */
  private static String what(PlStmt s) {
    if (s instanceof PlStmt.Raise) {
      return "RAISE";
    } else if (s instanceof PlStmt.Assert) {
      return "ASSERT";
    } else if (s instanceof PlStmt.Execute) {
      return "EXECUTE";
    } else if (s instanceof PlStmt.ForQuery f) {
      return f.query() != null ? "FOR over SELECT rows" : "FOR over EXECUTE statement";
    } else if (s instanceof PlStmt.ReturnQuery) {
      return "RETURN QUERY";
    } else if (s instanceof PlStmt.GetDiagnostics) {
      return "GET DIAGNOSTICS";
    }
    return "SQL statement";
  }

  private Signal statement(PlStmt s) {
    if (s instanceof PlStmt.Block b) {
      return block(b);
    } else if (s instanceof PlStmt.Assign a) {
      int i = frame.slot(a.name());
      frame.set(i, eval(a.expr(), frame.type(i), frame.typmod(i)));
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
    } else if (s instanceof PlStmt.Perform p) {
      PlFrame.Bound b = frame.bind("SELECT " + p.query());
      PlExec.Result r = exec.run(b.sql(), b.values(), 0);
      setFound(r.count());
    } else if (s instanceof PlStmt.TransactionControl) {
      throw SnapsyncException.error(SqlState.INVALID_TRANSACTION_TERMINATION,
          "routine.invalid_transaction_termination");
    } else if (!(s instanceof PlStmt.Nothing)) {
      return sql.run(s);
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
    int outer = frame.size();
    int slot = frame.declare(f.var(), DataType.INT4, -1, null);
    boolean any = false;
    try {
      for (long i = (Integer) lo; f.reverse() ? i >= (Integer) hi : i <= (Integer) hi;
          i += f.reverse() ? -step : step) {
        ctx.checkCanceled();
        any = true;
        frame.set(slot, (int) i);
        Signal sig = list(f.body());
        if (sig == Signal.EXIT) {
          break;
        } else if (sig == Signal.RETURN) {
          return sig;
        }
      }
    } finally {
      frame.truncate(outer);
    }
    frame.set(found, any);
    return Signal.NONE;
  }

  void setFound(long count) {
    rowCount = count;
    frame.set(found, count > 0);
  }

  /** {@code expr} evaluated as {@code SELECT expr}, cast to {@code type}. */
  Object eval(String expr, DataType type, int typmod) {
    PlExec.Result r = evalTyped(expr);
    Object v = r.rows().isEmpty() ? null : r.rows().get(0)[0];
    DataType from = r.columns().get(0).type();
    return v == null || (from == type && typmod < 0) ? v
        : ValueOps.cast(v, from, type, typmod, ctx.eval().timeZone());
  }

  /** {@code SELECT expr}'s first row and its column (type). */
  PlExec.Result evalTyped(String expr) {
    PlFrame.Bound b = frame.bind("SELECT " + expr);
    var q = routines.plan(b.sql(), ctx.txn());
    Object[] row = SqlFunctionCalls.firstRow(q, ctx, ctx.txn(), b.values());
    return new PlExec.Result(q.columns(), row == null ? List.of() : List.<Object[]>of(row),
        row == null ? 0 : 1);
  }
}
