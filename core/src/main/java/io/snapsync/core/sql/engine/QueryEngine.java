package io.snapsync.core.sql.engine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.analyze.Analysis;
import io.snapsync.core.sql.engine.analyze.Analyzer;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.expr.Prefetch;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.engine.plan.PlanBuilder;
import io.snapsync.core.sql.engine.plan.Planner;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.Values;
import io.snapsync.core.sql.func.FunctionLibrary;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * The query engine: parse, analyze (Calcite's validator), plan (Calcite's rules), then run on
 * the engine's own operators over the statement's snapshot-bound store transaction. Plans
 * are cached by text. All parsing, planning and execution run on the database's worker pool.
 * Thread-safe.
 */
public final class QueryEngine {

  private final Database db;
  private final FunctionLibrary library;
  private final Analyzer analyzer;
  private final PlanCache cache = new PlanCache();
  private final LiteralPlans literals = new LiteralPlans(this::prepare);

  public QueryEngine(Database db) {
    this.db = db;
    this.library = FunctionLibrary.builtin();
    this.analyzer = new Analyzer(db.services().functions(), db.services().systemTables(),
        library);
  }

  /**
   * Runs query {@code sql} in the session's current transaction: one worker hop when the
   * query fetches nothing first (see {@link #begin}).
   */
  public Future<StatementResult> run(String sql, SessionContext ctx, List<Object> params) {
    return db.blockingInline(() -> begin(sql, ctx, params)).compose(Attempt::finish);
  }

  /**
   * Plans and binds query {@code sql} on the calling worker and, unless it must fetch
   * system-table rows first or a registered function's result is not ready at once (futures,
   * which must not be waited for on a worker), runs it there too. Blocking.
   */
  public Attempt begin(String sql, SessionContext ctx, List<Object> params) {
    TransactionBlock txn = ctx.txn();
    Instant start = db.services().clock().instant();
    return guard(() -> {
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      LiteralPlans.Bound plan;
      try (var path = io.snapsync.core.sql.ddl.SearchPath.enter(ctx)) {
        plan = literals.plan(sql, params, t);
      }
      PreparedQuery q = plan.query();
      AccessCheck.requireReads(db, ctx, t, q.dependencies());
      Ready r = new Ready(q, t, bind(q, plan.params(), ctx), new SessionEval(ctx, start, db));
      Prefetch p = q.prefetch();
      if (p.tables().isEmpty() && p.calls().isEmpty()) {
        return new Attempt(execute(r), null, ctx);
      }
      if (p.tables().isEmpty()) {
        // registered functions are called on a worker anyway: call them here, and run the
        // query at once when their results are ready (pg_export_snapshot: the registry only)
        Future<Ready> fetched = fetch(r, ctx);
        if (fetched.succeeded()) {
          return new Attempt(execute(fetched.result()), null, ctx);
        }
        return new Attempt(null, null, fetched, ctx);
      }
      return new Attempt(null, r, null, ctx);
    });
  }

  /**
   * A query planned, bound and fetched, whose rows are pulled one at a time: {@code rows}
   * opens them (blocking, on a worker) over {@code txn}, the store transaction whose snapshot
   * the query took ({@code snapshot}). For cursors and portals that stream.
   */
  public record Opened(List<Column> columns, StoreTransaction txn,
      io.snapsync.storage.Snapshot snapshot, java.util.function.Supplier<Cursor> rows) {
  }

  /**
   * Plans and binds query {@code sql} in the session's current transaction with a snapshot of
   * its own (a new one under READ COMMITTED), fetches what it needs first, and returns it ready
   * to be pulled: the rows are not computed here.
   */
  public Future<Opened> open(String sql, SessionContext ctx, List<Object> params) {
    Instant start = db.services().clock().instant();
    return db.blocking(() -> guard(() -> {
      TransactionBlock txn = ctx.txn();
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      LiteralPlans.Bound plan;
      try (var path = io.snapsync.core.sql.ddl.SearchPath.enter(ctx)) {
        plan = literals.plan(sql, params, t);
      }
      PreparedQuery q = plan.query();
      AccessCheck.requireReads(db, ctx, t, q.dependencies());
      return new Ready(q, t, bind(q, plan.params(), ctx), new SessionEval(ctx, start, db));
    })).compose(r -> fetch(r, ctx)).map(r -> new Opened(r.query().columns(), r.txn(),
        r.txn().snapshot(), () -> {
          Cursor c = guard(() -> r.query().root().open(new ExecContext(r.txn(), r.params(),
              r.eval(), r.tables(), r.calls())));
          return new Cursor() {
            @Override
            public Object[] next() {
              return guard(c::next);
            }

            @Override
            public void close() {
              c.close();
            }
          };
        }));
  }

  /** A query begun on a worker: its result, or what is left to do (fetch, then execute). */
  public final class Attempt {
    private final StatementResult result;
    private final Ready pending;
    private final Future<Ready> fetching;
    private final SessionContext ctx;

    private Attempt(StatementResult result, Ready pending, SessionContext ctx) {
      this(result, pending, null, ctx);
    }

    private Attempt(StatementResult result, Ready pending, Future<Ready> fetching,
        SessionContext ctx) {
      this.result = result;
      this.pending = pending;
      this.fetching = fetching;
      this.ctx = ctx;
    }

    /** The result when the query already ran, else null. */
    public StatementResult result() {
      return result;
    }

    /** The result: at once, or after fetching and one more worker hop. */
    public Future<StatementResult> finish() {
      if (result != null) {
        return Future.succeededFuture(result);
      }
      Future<Ready> ready = fetching != null ? fetching : fetch(pending, ctx);
      return ready.compose(r -> db.blockingInline(() -> guard(() -> execute(r))));
    }
  }

  /**
   * The result columns of query {@code sql} as the session would see them, without running
   * it: table definitions as the session's transaction sees them, else the latest committed.
   * Blocking.
   */
  public List<Column> describe(String sql, SessionContext ctx) {
    return prepared(sql, ctx).columns();
  }

  /** The parameter types of query {@code sql}. Blocking. */
  public List<DataType> parameterTypes(String sql, SessionContext ctx) {
    return prepared(sql, ctx).paramTypes();
  }

  private PreparedQuery prepared(String sql, SessionContext ctx) {
    try (var path = io.snapsync.core.sql.ddl.SearchPath.enter(ctx)) {
      return preparedOnPath(sql, ctx);
    }
  }

  private PreparedQuery preparedOnPath(String sql, SessionContext ctx) {
    StoreTransaction own = ctx.txn().storeTxnIfBegun();
    if (own != null) {
      return guard(() -> prepare(sql, own));
    }
    StoreTransaction t = db.store().begin();
    try {
      return guard(() -> prepare(sql, t));
    } finally {
      t.rollback();
    }
  }

  /** Plans cached by exact text, and shapes checked for literal hoisting (tests). */
  int cachedPlans() {
    return cache.size();
  }

  /** The plan of {@code sql} valid for {@code txn}: cached, or analyzed and planned now. */
  PreparedQuery prepare(String sql, StoreTransaction txn) {
    String key = io.snapsync.core.sql.ddl.SearchPath.cacheKey(sql);
    PreparedQuery q = cache.get(key);
    var phases = db.services().stats().phases();
    if (q != null && q.validFor(txn)) {
      phases.planCacheHit();
      return q;
    }
    long t0 = System.nanoTime();
    Analyzer.Parsed parsed = Analyzer.parse(sql);
    long t1 = System.nanoTime();
    q = build(sql, parsed, txn);
    phases.planned(t1 - t0, System.nanoTime() - t1);
    cache.put(key, q);
    return q;
  }

  /**
   * Analyzes and plans an already parsed query (the read side of DML, built by the DML
   * analyzer); not cached here. Blocking.
   */
  public PreparedQuery planParsed(String sql, Analyzer.Parsed parsed, StoreTransaction txn) {
    return guard(() -> build(sql, parsed, txn));
  }

  /**
   * Binds {@code params} to {@code q} and fetches what it needs first (system-table rows,
   * registered-function results); the execution then runs {@code q} (and queries with the
   * same prefetch, such as DML's re-check) on the calling worker.
   */
  public Future<Execution> start(PreparedQuery q, SessionContext ctx, StoreTransaction t,
      List<Object> params) {
    Instant start = db.services().clock().instant();
    Ready r;
    try {
      r = guard(() -> {
        AccessCheck.requireReads(db, ctx, t, q.dependencies());
        return new Ready(q, t, bind(q, params, ctx), new SessionEval(ctx, start, db));
      });
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return fetch(r, ctx).map(ready -> new Execution(ready, ctx, params));
  }

  /** A query bound to one statement: its parameters, evaluation context and fetched values. */
  public static final class Execution {
    private final Ready ready;
    private final SessionContext ctx;
    private final List<Object> params;

    private Execution(Ready ready, SessionContext ctx, List<Object> params) {
      this.ready = ready;
      this.ctx = ctx;
      this.params = new ArrayList<>(params);
    }

    /** The session's time zone (assignment casts of timestamptz). */
    public java.time.ZoneId timeZone() {
      return ready.eval().timeZone();
    }

    /** The statement's parameters by number ({@code $1} first), as a new mutable list. */
    public List<Object> params() {
      return new ArrayList<>(params);
    }

    /**
     * Runs {@code q} over the statement's store transaction {@code t} with parameters
     * {@code byNumber} ({@code $1} first); all rows. Blocking.
     */
    public List<Object[]> rows(PreparedQuery q, StoreTransaction t, List<Object> byNumber) {
      return rows(q, t, byNumber, null, null);
    }

    /**
     * Same as {@link #rows(PreparedQuery, StoreTransaction, List)} with {@code target} as the
     * DML target scan ({@link ExecContext#target}). Blocking.
     */
    public List<Object[]> rows(PreparedQuery q, StoreTransaction t, List<Object> byNumber,
        io.snapsync.core.sql.engine.exec.PlanNode target, byte[] onlyKey) {
      return guard(() -> {
        ExecContext c = new ExecContext(t, bind(q, byNumber, ctx), ready.eval(), ready.tables(),
            ready.calls());
        c.target(target, onlyKey);
        List<Object[]> rows = new ArrayList<>();
        try (Cursor cur = q.root().open(c)) {
          Object[] row;
          while ((row = cur.next()) != null) {
            rows.add(row);
          }
        }
        return rows;
      });
    }
  }

  /** A plan built for EXPLAIN and the relational expression each of its operators came from. */
  public record Explained(PreparedQuery query, java.util.Map<PlanNode, RelNode> origins) {
  }

  /**
   * A fresh plan of query {@code sql} for EXPLAIN, not cached; with {@code instrument}
   * (EXPLAIN ANALYZE) its operators count rows, loops and time. Blocking.
   */
  public Explained explain(String sql, StoreTransaction txn, boolean instrument) {
    return guard(() -> {
      Analysis a = analyzer.analyze(sql, Analyzer.parse(sql), txn);
      RelNode rel = Planner.plan(a);
      PlanBuilder b = new PlanBuilder(rel.getCluster().getRexBuilder(), library, true,
          instrument);
      PlanNode root = b.build(rel);
      return new Explained(new PreparedQuery(a.columns(), a.paramTypes(), a.paramNumbers(), root,
          b.prefetch(), a.dependencies()), b.origins());
    });
  }

  private PreparedQuery build(String sql, Analyzer.Parsed parsed, StoreTransaction txn) {
    Analysis a = analyzer.analyze(sql, parsed, txn);
    RelNode rel = Planner.plan(a);
    PlanBuilder b = new PlanBuilder(rel.getCluster().getRexBuilder(), library);
    PlanNode root = b.build(rel);
    return new PreparedQuery(a.columns(), a.paramTypes(), a.paramNumbers(), root, b.prefetch(),
        a.dependencies());
  }

  private static Object[] bind(PreparedQuery q, List<Object> params, SessionContext ctx) {
    List<DataType> types = q.paramTypes();
    if (params.size() < types.size()) {
      throw SnapsyncException.error(SqlState.UNDEFINED_PARAMETER, "engine.no_parameter",
          params.size() + 1);
    }
    Object[] byNumber = new Object[types.size()];
    for (int i = 0; i < byNumber.length; i++) {
      Object v = params.get(i);
      DataType t = types.get(i);
      byNumber[i] = v == null ? null : ValueOps.cast(v, v instanceof String ? DataType.TEXT
          : ValueOps.typeOf(v), t, -1, ctxZone(ctx));
    }
    Object[] out = new Object[q.paramNumbers().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = byNumber[q.paramNumbers()[i]];
    }
    return out;
  }

  private static java.time.ZoneId ctxZone(SessionContext ctx) {
    return new SessionEval(ctx, Instant.EPOCH).timeZone();
  }

  private record Ready(PreparedQuery query, StoreTransaction txn, Object[] params,
      SessionEval eval, List<List<List<Object>>> tables, Object[] calls) {
    Ready(PreparedQuery query, StoreTransaction txn, Object[] params, SessionEval eval) {
      this(query, txn, params, eval, List.of(), new Object[0]);
    }
  }

  /** Fetches system-table rows and registered-function results (futures) before running. */
  private Future<Ready> fetch(Ready r, SessionContext ctx) {
    Prefetch p = r.query().prefetch();
    if (p.tables().isEmpty() && p.calls().isEmpty()) {
      return Future.succeededFuture(r);
    }
    List<List<List<Object>>> tables = new ArrayList<>(Collections.nCopies(p.tables().size(),
        null));
    Object[] calls = new Object[p.calls().size()];
    ExecContext argCtx = new ExecContext(r.txn(), r.params(), r.eval(), List.of(), calls);
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < p.tables().size(); i++) {
      int slot = i;
      SystemTable t = p.tables().get(i);
      chain = chain.compose(v -> t.rows(new StandardFunctionCall(db.services(), ctx, List.of()))
          .map(rows -> {
            tables.set(slot, rows);
            return null;
          }));
    }
    for (int i = 0; i < p.calls().size(); i++) {
      int slot = i;
      Prefetch.Call call = p.calls().get(i);
      chain = chain.compose(v -> db.<Future<Object>>blockingInline(() -> {
        List<Object> args = new ArrayList<>();
        List<FunctionParam> params = call.function().params();
        for (int k = 0; k < params.size(); k++) {
          FunctionParam fp = params.get(k);
          args.add(k < call.args().size()
              ? Values.convert(call.args().get(k).eval(null, argCtx), fp.type(), fp.name())
              : fp.defaultValue());
        }
        return call.function().call(new StandardFunctionCall(db.services(), ctx,
            Collections.unmodifiableList(args)));
      }).compose(f -> f).map(result -> {
        calls[slot] = result;
        return null;
      }));
    }
    return chain.map(v -> new Ready(r.query(), r.txn(), r.params(), r.eval(), tables, calls));
  }

  private StatementResult execute(Ready r) {
    ExecContext ctx = new ExecContext(r.txn(), r.params(), r.eval(), r.tables(), r.calls());
    List<List<Object>> rows = new ArrayList<>();
    try (Cursor c = r.query().root().open(ctx)) {
      Object[] row;
      while ((row = c.next()) != null) {
        rows.add(Arrays.asList(row));
      }
    }
    return new StatementResult(r.query().columns(), rows, "SELECT " + rows.size(),
        r.eval().drainNotices());
  }

  /** Runs engine work; anything that is not a user error becomes one (no Java text leaks). */
  private static <T> T guard(java.util.concurrent.Callable<T> work) {
    try {
      return work.call();
    } catch (SnapsyncException e) {
      throw e;
    } catch (io.snapsync.storage.StorageException e) {
      throw e;
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported_query")
          .withCause(e);
    } catch (Exception e) {
      throw SnapsyncException.error(SqlState.INTERNAL_ERROR, "engine.internal").withCause(e);
    }
  }
}
