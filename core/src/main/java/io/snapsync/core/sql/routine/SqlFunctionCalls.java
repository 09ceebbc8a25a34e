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
import java.util.ArrayList;
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
    RoutineDef def = resolve(ctx, name, types);
    if (def.strict()) {
      for (Object a : args) {
        if (a == null) {
          return null;
        }
      }
    }
    Database db = ctx.eval().engine();
    return nested(() -> def.language().equals("sql") ? run(db, ctx, ctx.txn(), def, args)
        : Plpgsql.call(db.executor().routines(), ctx, def, args));
  }

  /** The definition a call of {@code name(types)} runs, in the caller's transaction. */
  private static RoutineDef resolve(ExecContext ctx, String name, List<DataType> types) {
    if (ctx == null || ctx.eval().engine() == null || ctx.txn() == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
          "user-defined functions here");
    }
    ctx.checkCanceled();
    RoutineDef def = RoutineCatalog.find(ctx.txn(), name, types);
    if (def == null) {
      throw io.snapsync.core.sql.engine.analyze.FunctionErrors.undefined(name, types);
    }
    io.snapsync.core.sql.access.FunctionAccess.requireExecute(ctx.eval().engine(),
        ctx.eval().user(), ctx.txn(), def);
    return def;
  }

  /** Runs one nested call under the depth limit (54001 beyond it, or on a stack overflow). */
  static <T> T nestedCall(java.util.function.Supplier<T> body) {
    return nested(body);
  }

  private static <T> T nested(java.util.function.Supplier<T> body) {
    int[] depth = DEPTH.get();
    if (depth[0] >= MAX_DEPTH) {
      throw tooDeep();
    }
    depth[0]++;
    try {
      return body.get();
    } catch (StackOverflowError e) {
      throw tooDeep();
    } finally {
      depth[0]--;
    }
  }

  /**
   * The rows of one call in FROM (or of a set-returning call in the select list): for
   * {@code RETURNS SETOF | TABLE} every row the body gives, for another function its one
   * result row; each of the definition's {@link RoutineDef#resultColumns()}.
   */
  static List<Object[]> rows(ExecContext ctx, String name, List<DataType> types, Object[] args) {
    RoutineDef def = resolve(ctx, name, types);
    Database db = ctx.eval().engine();
    List<Object[]> rows = nested(() -> def.language().equals("sql")
        ? sqlRows(db, ctx, ctx.txn(), def, args)
        : Plpgsql.rows(db.executor().routines(), ctx, def, args));
    return !def.returnsSet() && rows.isEmpty()
        ? List.<Object[]>of(new Object[def.resultColumns().size()]) : rows;
  }

  private static List<Object[]> sqlRows(Database db, ExecContext ctx, StoreTransaction t,
      RoutineDef def, Object[] args) {
    Routines routines = db.executor().routines();
    List<String> statements = routines.bodyStatements(def, args.length);
    for (int i = 0; i < statements.size() - 1; i++) {
      firstRow(routines, statements.get(i), ctx, t, args);
    }
    String lastSql = statements.get(statements.size() - 1);
    if (!isQuery(lastSql)) {
      PlExec.Result r = new PlExec(routines, ctx, false).run(lastSql, args, -1);
      List<Object[]> out = new ArrayList<>();
      for (Object[] row : r.rows()) {
        out.add(conform(row, r.columns(), def.resultColumns(), ctx));
        if (!def.returnsSet()) {
          break;
        }
      }
      return out;
    }
    PreparedQuery q = routines.plan(lastSql, t);
    List<io.snapsync.core.session.Column> want = def.resultColumns();
    List<Object[]> out = new ArrayList<>();
    try (Cursor c = q.root().open(context(q, ctx, t, args))) {
      for (Object[] r = c.next(); r != null; r = c.next()) {
        ctx.checkCanceled();
        out.add(conform(r, q.columns(), want, ctx));
        if (!def.returnsSet()) {
          break;
        }
      }
    }
    return out;
  }

  /** {@code row} (of {@code from}) cast to the columns {@code want}. */
  static Object[] conform(Object[] row, List<io.snapsync.core.session.Column> from,
      List<io.snapsync.core.session.Column> want, ExecContext ctx) {
    Object[] out = new Object[want.size()];
    for (int i = 0; i < out.length && i < row.length; i++) {
      Object v = row[i];
      DataType f = from.get(i).type();
      io.snapsync.core.session.Column w = want.get(i);
      out[i] = v == null || f == w.type() && w.typmod() < 0 ? v
          : ValueOps.cast(v, f, w.type(), w.typmod(), ctx.eval().timeZone());
    }
    return out;
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
      boolean last = i == statements.size() - 1;
      PlExec.Result r = firstRow(routines, statements.get(i), ctx, t, args);
      Object[] row = r.rows().isEmpty() ? null : r.rows().get(0);
      if (last && def.returnType() != DataType.VOID) {
        if (row != null && row.length > 0) {
          DataType from = r.columns().get(0).type();
          result = row[0] == null || from == def.returnType() ? row[0]
              : ValueOps.cast(row[0], from, def.returnType(), def.returnTypmod(),
                  ctx.eval().timeZone());
        }
      }
    }
    return result;
  }

  private static boolean isQuery(String sql) {
    return io.snapsync.core.sql.parse.SqlParser.parse(sql) instanceof
        io.snapsync.core.sql.parse.Stmt.Query;
  }

  /**
   * The first row of body statement {@code sql}: a query pulled here, any other statement
   * (INSERT, UPDATE, DELETE) run as the session's ({@link PlExec}).
   */
  private static PlExec.Result firstRow(Routines routines, String sql, ExecContext ctx,
      StoreTransaction t, Object[] args) {
    if (!isQuery(sql)) {
      return new PlExec(routines, ctx, false).run(sql, args, 1);
    }
    PreparedQuery q = routines.plan(sql, t);
    Object[] row = firstRow(q, ctx, t, args);
    return new PlExec.Result(q.columns(), row == null ? List.of() : List.<Object[]>of(row),
        row == null ? 0 : 1);
  }

  static Object[] firstRow(PreparedQuery q, ExecContext caller, StoreTransaction t,
      Object[] args) {
    try (Cursor c = q.root().open(context(q, caller, t, args))) {
      return c.next();
    }
  }

  /** The context running body query {@code q} with {@code args} as its parameters. */
  static ExecContext context(PreparedQuery q, ExecContext caller, StoreTransaction t,
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
    return new ExecContext(t, bound, caller.eval(), List.of(), new Object[0]);
  }
}
