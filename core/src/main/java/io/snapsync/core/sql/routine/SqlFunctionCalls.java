package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.storage.StoreTransaction;
import java.util.List;

/**
 * Runs one call of a user function on the worker that evaluates the calling statement, in the
 * caller's store transaction (so under its snapshot, imported or not): the definition is read
 * as that transaction sees it (a replaced body takes effect without re-planning the caller),
 * each statement of the body is planned once per text and run with the arguments as
 * parameters; the first column of the last statement's first row is the result. Nesting deeper
 * than {@link #MAX_DEPTH} is 54001 as in PostgreSQL.
 */
final class SqlFunctionCalls {

  /** Nested calls allowed (PostgreSQL's limit comes from max_stack_depth). */
  static final int MAX_DEPTH = 200;

  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private SqlFunctionCalls() {
  }

  static Object call(ExecContext ctx, String name, List<DataType> types, DataType ret,
      Object[] args) {
    ctx.checkCanceled();
    Database db = ctx.eval().engine();
    StoreTransaction t = ctx.txn();
    if (db == null || t == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          "user-defined functions here");
    }
    RoutineDef def = RoutineCatalog.find(t, name, types);
    if (def == null) {
      throw io.snapsync.core.sql.engine.analyze.FunctionErrors.undefined(name, types);
    }
    if (def.strict()) {
      for (Object a : args) {
        if (a == null) {
          return null;
        }
      }
    }
    int[] depth = DEPTH.get();
    if (depth[0] >= MAX_DEPTH) {
      throw tooDeep();
    }
    depth[0]++;
    try {
      if (!def.language().equals("sql")) {
        return Plpgsql.call(db.executor().routines(), ctx, def, args);
      }
      return run(db, ctx, t, def, args);
    } catch (StackOverflowError e) {
      throw tooDeep();
    } finally {
      depth[0]--;
    }
  }

  static SnapsyncException tooDeep() {
    return SnapsyncException.error(SqlState.STATEMENT_TOO_COMPLEX, "routine.stack_depth")
        .withHint("routine.stack_depth.hint");
  }

  private static Object run(Database db, ExecContext ctx, StoreTransaction t, RoutineDef def,
      Object[] args) {
    Routines routines = db.executor().routines();
    List<String> statements = routines.bodyStatements(def, args.length);
    Object result = null;
    for (int i = 0; i < statements.size(); i++) {
      PreparedQuery q = routines.plan(statements.get(i), t);
      boolean last = i == statements.size() - 1;
      Object[] row = firstRow(q, ctx, t, args);
      if (last && def.returnType() != DataType.VOID) {
        if (row != null && row.length > 0) {
          DataType from = q.columns().get(0).type();
          result = row[0] == null || from == def.returnType() ? row[0]
              : ValueOps.cast(row[0], from, def.returnType(), def.returnTypmod(),
                  ctx.eval().timeZone());
        }
      }
    }
    return result;
  }

  static Object[] firstRow(PreparedQuery q, ExecContext caller, StoreTransaction t,
      Object[] args) {
    if (!q.prefetch().tables().isEmpty() || !q.prefetch().calls().isEmpty()) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          "system tables in a function body");
    }
    int[] numbers = q.paramNumbers();
    Object[] bound = new Object[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      Object v = args[numbers[i]];
      DataType want = q.paramTypes().get(numbers[i]);
      bound[i] = v == null || ValueOps.typeOf(v) == want ? v
          : ValueOps.cast(v, ValueOps.typeOf(v), want, -1, caller.eval().timeZone());
    }
    ExecContext ec = new ExecContext(t, bound, caller.eval(), List.of(), new Object[0]);
    try (Cursor c = q.root().open(ec)) {
      return c.next();
    }
  }
}
