package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.SessionEval;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * DO and CALL: the block or procedure body runs on a worker in the session's transaction, its
 * statements as the session's own (a statement's writes visible to the next, READ COMMITTED
 * taking a snapshot per statement); the notices it raises come with the result. Transaction
 * control inside (COMMIT, ROLLBACK) is refused with 2D000. Thread-safe.
 */
final class RoutineRun {

  private final Database db;
  private final Routines routines;

  RoutineRun(Database db, Routines routines) {
    this.db = db;
    this.routines = routines;
  }

  Future<StatementResult> run(RoutineStmt s, SessionContext ctx) {
    return db.blocking(() -> {
      TransactionBlock txn = ctx.txn();
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      SessionEval eval = SessionEval.of(ctx, db.services().clock().instant(), db);
      ExecContext ec = new ExecContext(t, new Object[0], eval, List.of(), new Object[0]);
      try {
        if (s instanceof RoutineStmt.Do d) {
          doBlock(d, ctx, ec);
          return new StatementResult(List.of(), List.of(), "DO", eval.drainNotices());
        }
        CallResult out = call((RoutineStmt.Call) s, ec, t);
        return new StatementResult(out.columns(), out.rows(), "CALL", eval.drainNotices());
      } catch (SnapsyncException e) {
        // the notices raised before the error reach the client before it, as in PostgreSQL
        List<io.snapsync.core.session.Notice> before = new ArrayList<>(e.notices());
        before.addAll(0, eval.drainNotices());
        throw e.withNotices(before);
      }
    });
  }

  private record CallResult(List<Column> columns, List<List<Object>> rows) {
  }

  private void doBlock(RoutineStmt.Do d, SessionContext ctx, ExecContext ec) {
    if (d.language().equals("sql")) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          "DO with LANGUAGE sql");
    }
    if (!d.language().equals("plpgsql")) {
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "routine.do_language", d.language());
    }
    RoutineDef def = new RoutineDef(0, "inline_code_block", 'p', List.of(), DataType.VOID, -1,
        false, "plpgsql", d.body(), 'v', false, ctx.user());
    SqlFunctionCalls.nestedCall(() -> Plpgsql.runStatement(routines, ec, def, new Object[0]));
  }

  /** Runs the procedure; its OUT and INOUT values as one row, or no row when it has none. */
  private CallResult call(RoutineStmt.Call c, ExecContext ec, StoreTransaction t) {
    Object[] args = new Object[0];
    List<DataType> types = new ArrayList<>();
    if (c.args() != null) {
      PreparedQuery q = routines.plan(c.args(), t);
      args = SqlFunctionCalls.firstRow(q, ec, t, new Object[0]);
      for (Column col : q.columns()) {
        types.add(col.type());
      }
    }
    List<RoutineDef> all = RoutineCatalog.overloads(t, c.name());
    List<RoutineDef> procs = all.stream().filter(d -> d.kind() == 'p').toList();
    Optional<Candidates.Choice> choice = Candidates.select(procs, types);
    if (choice.isEmpty()) {
      String sig = c.name() + "(" + Signatures.argList(types) + ")";
      if (Candidates.select(all, types).isPresent()) {
        throw SnapsyncException.error(RoutineStates.WRONG_OBJECT_TYPE, "routine.not_procedure",
            sig).withHint("routine.call_function.hint");
      }
      throw SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "routine.procedure_not_exist",
          sig).withHint("routine.procedure_not_exist.hint");
    }
    RoutineDef def = choice.get().def();
    Object[] values = new Object[args.length];
    for (int i = 0; i < values.length; i++) {
      RoutineDef.Param p = def.inputs().get(i);
      values[i] = args[i] == null || types.get(i) == p.type() ? args[i]
          : ValueOps.cast(args[i], types.get(i), p.type(), p.typmod(), ec.eval().timeZone());
    }
    Object[] out = SqlFunctionCalls.nestedCall(() -> def.language().equals("sql")
        ? sqlBody(def, ec, values) : Plpgsql.runStatement(routines, ec, def, values));
    if (def.outputs().isEmpty()) {
      return new CallResult(List.of(), List.of());
    }
    return new CallResult(def.resultColumns(), List.of(Arrays.asList(out)));
  }

  private Object[] sqlBody(RoutineDef def, ExecContext ec, Object[] values) {
    PlExec exec = new PlExec(routines, ec, true);
    Object[] last = new Object[0];
    for (String s : routines.bodyStatements(def, values.length)) {
      PlExec.Result r = exec.run(s, values, 1);
      last = r.rows().isEmpty() ? last : r.rows().get(0);
    }
    return last;
  }
}
