package io.snapsync.core.session.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.TransactionStatus;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.LiteralHoister;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.core.txn.IsolationLevel;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * A session: its settings overlay, its transaction block, and a queue of statements that run
 * strictly in order by chaining futures (no thread of its own). Store work runs on the
 * database's worker pool. Small on purpose: an idle session is a handful of fields.
 */
public final class SessionImpl implements Session, SessionContext,
    io.snapsync.core.sql.cursor.SessionStatements.Holder {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SessionImpl.class);

  /** Query strings up to this length are split into statements on the calling thread. */
  static final int SPLIT_INLINE_MAX = 4096;

  private final SessionManagerImpl manager;
  private final Database db;
  private final String id;
  private final String user;
  private final String sessionNode;
  private final SessionSettings settings;
  private final TransactionBlock txn;
  private final UtilityRunner utility;
  private final io.snapsync.core.sql.cursor.SessionStatements statements;
  private volatile long lastActive;
  private Future<?> tail = Future.succeededFuture();
  private int pending;
  private volatile boolean closed;
  private volatile SnapsyncException closedReason;
  /** The statement running now (null between statements), for cancel(). */
  private volatile Running running;
  private volatile io.snapsync.core.session.CopyChannel copyChannel;
  /** The statement running now or last (pg_stat_activity's query) and when it started. */
  private volatile String query = "";
  private volatile long queryStart;

  /** Cancellation state of one running statement. */
  private static final class Running {
    final Promise<Void> canceled = Promise.promise();
    volatile SnapsyncException reason;
    long timer = -1;

    void cancel(SnapsyncException e) {
      if (reason == null) {
        reason = e;
      }
    }
  }

  SessionImpl(SessionManagerImpl manager, Database db, String id, String user,
      SessionSettings settings, String sessionNode) {
    this.manager = manager;
    this.sessionNode = sessionNode;
    this.db = db;
    this.id = id;
    this.user = user;
    this.settings = settings;
    this.txn = new TransactionBlock(db.store(), db.snapshots(), db.services().stats(), id, user,
        db.services().node().name(), db.services().clock());
    this.txn.cancellation(this::canceled);
    this.txn.coordinator(sessionNode);
    this.utility = new UtilityRunner(this, db);
    this.statements = new io.snapsync.core.sql.cursor.SessionStatements(db, this, this::dispatch);
    this.lastActive = db.services().clock().millis();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String sessionId() {
    return id;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public String sessionNode() {
    return sessionNode;
  }

  @Override
  public TransactionBlock txn() {
    return txn;
  }

  @Override
  public SessionSettings settings() {
    return settings;
  }

  @Override
  public String lcMessages() {
    try {
      return settings.get("lc_messages");
    } catch (RuntimeException e) {
      return "en";
    }
  }

  @Override
  public boolean sendsNotice(io.snapsync.core.error.Severity severity) {
    try {
      return io.snapsync.core.session.NoticeLevels.sent(severity,
          settings.get("client_min_messages"));
    } catch (RuntimeException e) {
      return true;
    }
  }

  @Override
  public boolean hasRole(String role) {
    return db.services().users().roles(user).contains(role);
  }

  @Override
  public Future<List<io.snapsync.core.session.Column>> describe(String sql) {
    return enqueue(() -> db.blocking(() -> {
      List<Lexer.Piece> pieces = Lexer.split(sql);
      if (pieces.size() > 1) {
        throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "sql.multiple_statements");
      }
      if (pieces.isEmpty()) {
        return List.<io.snapsync.core.session.Column>of();
      }
      return new io.snapsync.core.sql.exec.Describer(db)
          .columns(SqlParser.parse(pieces.get(0).text()), this);
    }));
  }

  @Override
  public void copyChannel(io.snapsync.core.session.CopyChannel channel) {
    this.copyChannel = channel;
  }

  @Override
  public io.snapsync.core.session.CopyChannel copyChannel() {
    return copyChannel;
  }

  @Override
  public void cancel() {
    Running r = running;
    if (r == null) {
      return;
    }
    cancelRunning(r, SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.query_canceled"));
  }

  /** Sets the flag at once; fails waits on an event loop (not on the caller's thread). */
  private void cancelRunning(Running r, SnapsyncException e) {
    r.cancel(e);
    db.services().vertx().runOnContext(v -> r.canceled.tryFail(r.reason));
  }

  @Override
  public void checkCanceled() {
    Running r = running;
    if (r != null && r.reason != null) {
      throw r.reason;
    }
  }

  @Override
  public Future<Void> canceled() {
    Running r = running;
    return r == null ? null : r.canceled.future();
  }

  @Override
  public TransactionStatus transactionStatus() {
    return txn.status();
  }

  @Override
  public long lastActiveMillis() {
    return lastActive;
  }

  /** The statement running now, or the last one (pg_stat_activity {@code query}). */
  String query() {
    return query;
  }

  long queryStartMillis() {
    return queryStart;
  }

  /** True while statements are queued or running. */
  synchronized boolean busy() {
    return pending > 0;
  }

  @Override
  public Future<List<StatementResult>> execute(String sql) {
    return enqueue(() -> runAll(sql));
  }

  @Override
  public Future<StatementResult> execute(String sql, List<Object> params) {
    return enqueue(() -> runSingle(sql, params));
  }

  @Override
  public Future<io.snapsync.core.session.ResultPages> executePaged(String sql,
      List<Object> params) {
    return enqueue(() -> {
      if (!txn.inBlock() || txn.isFailed() || sql.length() > SPLIT_INLINE_MAX) {
        return runSingle(sql, params).map(io.snapsync.core.session.ResultPages::of);
      }
      List<Lexer.Piece> pieces = Lexer.split(sql);
      if (pieces.size() != 1) {
        return runSingle(sql, params).map(io.snapsync.core.session.ResultPages::of);
      }
      String text = pieces.get(0).text();
      return db.blocking(() -> SqlParser.parse(text)).transform(ar ->
          ar.succeeded() && ar.result() instanceof Stmt.Query
              ? cancellable(() -> PagedQuery.open(this, db, statements, text, params))
              : runSingle(sql, params).map(io.snapsync.core.session.ResultPages::of));
    });
  }

  /**
   * Queues {@code work} behind the session's statements (pages of a paged result); cancel and
   * statement_timeout stop it as they stop a statement.
   */
  <T> Future<T> queued(java.util.function.Supplier<Future<T>> work) {
    return enqueue(() -> cancellable(work));
  }

  private <T> Future<T> cancellable(java.util.function.Supplier<Future<T>> work) {
    Running run = startRunning();
    Future<T> f;
    try {
      f = work.get();
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return f.onComplete(ar -> stopRunning(run));
  }

  /** Fails the current statement with {@code e} (a block becomes failed). */
  <T> Future<T> failed(Throwable e) {
    return failStatement(asSnapsync(e)).transform(ar -> Future.<T>failedFuture(ar.cause()));
  }

  private Future<StatementResult> runSingle(String sql, List<Object> params) {
    return split(sql).compose(pieces -> {
      if (pieces.size() > 1) {
        return Future.failedFuture(SnapsyncException.error(SqlState.SYNTAX_ERROR,
            "sql.multiple_statements"));
      }
      String text = pieces.isEmpty() ? "" : pieces.get(0).text();
      int offset = pieces.isEmpty() ? 0 : pieces.get(0).offset();
      return runOne(text, offset, params);
    });
  }

  private synchronized <T> Future<T> enqueue(java.util.function.Supplier<Future<T>> work) {
    if (closed) {
      return Future.failedFuture(closedReason != null ? closedReason
          : SnapsyncException.error(SqlState.CONNECTION_FAILURE, "sql.session_closed"));
    }
    pending++;
    Promise<T> p = Promise.promise();
    tail = tail.transform(ignored -> {
      Future<T> f;
      try {
        // queued behind a statement that was running when the session closed: never starts
        f = closed ? Future.failedFuture(closedReason()) : work.get();
      } catch (RuntimeException e) {
        f = Future.failedFuture(e);
      }
      f.onComplete(ar -> {
        synchronized (this) {
          pending--;
        }
        lastActive = db.services().clock().millis();
        p.handle(ar);
      });
      return f.transform(ar -> Future.succeededFuture());
    });
    return p.future();
  }

  /**
   * Splits a query string into statements: inline when it is short (a bounded scan of at most
   * {@link #SPLIT_INLINE_MAX} characters), else on a worker, so an event loop never scans a
   * long text.
   */
  private Future<List<Lexer.Piece>> split(String sql) {
    if (sql.length() <= SPLIT_INLINE_MAX) {
      try {
        return Future.succeededFuture(Lexer.split(sql));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    return db.blocking(() -> Lexer.split(sql));
  }

  private Future<List<StatementResult>> runAll(String sql) {
    return split(sql).compose(this::runPieces);
  }

  private Future<List<StatementResult>> runPieces(List<Lexer.Piece> pieces) {
    List<StatementResult> results = new ArrayList<>(pieces.size());
    if (pieces.size() > 1 && !txn.isActive()) {
      // like PostgreSQL's simple query: the statements share one implicit transaction block
      beginImplicit();
    }
    Future<Void> chain = Future.succeededFuture();
    for (Lexer.Piece piece : pieces) {
      chain = chain.compose(v -> runOne(piece.text(), piece.offset(), List.of()).map(r -> {
        results.add(r);
        return null;
      }));
    }
    return chain.compose(v -> txn.isActive() && !txn.inBlock()
        ? db.blocking(() -> {
          txn.commit();
          return results;
        }).recover(e -> failStatement(asSnapsync(e)).map(results))
        : Future.succeededFuture(results))
        .transform(ar -> {
          if (!txn.isActive()) {
            utility.transactionEnded();
          }
          if (ar.succeeded()) {
            return Future.succeededFuture(results);
          }
          Throwable e = ar.cause();
          if (e instanceof SnapsyncException se) {
            se.withCompletedResults(results);
          }
          return Future.failedFuture(e);
        });
  }

  private void beginImplicit() {
    txn.begin(false, defaultIsolation(), settings.getBool("default_transaction_read_only"),
        false);
  }

  private Future<StatementResult> runOne(String text, int offset, List<Object> params) {
    long start = System.nanoTime();
    lastActive = db.services().clock().millis();
    // cancel and statement_timeout cover the parse as well as the execution
    Running run = startRunning();
    query = text;
    queryStart = lastActive;
    Stmt cached = SqlParser.cached(text);
    boolean implicit = !txn.isActive();
    io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
    if (cached != null && !(implicit && cached instanceof Stmt.Query)) {
      if (OneHop.applies(cached, implicit)) {
        return OneHop.run(db, caller, () -> runParsed(cached, text, params, start, run));
      }
      return runParsed(cached, text, params, start, run);
    }
    // one worker hop: parse (never on the calling thread: it may be an event loop) and, for an
    // autocommit query, begin, execute and commit too
    return db.blocking(() -> {
      Stmt stmt;
      try {
        stmt = cached != null ? cached : parse(text, params.size(), run);
      } catch (RuntimeException e) {
        return new Step(null, null, e);
      }
      if (run.reason == null && OneHop.applies(stmt, implicit)) {
        // the statement's steps continue at once on this worker (Database#blockingInline)
        return new Step(stmt, null, null, runParsed(stmt, text, params, start, run));
      }
      if (!implicit || !(stmt instanceof Stmt.Query q) || run.reason != null) {
        return new Step(stmt, null, null);
      }
      return autocommitQuery(stmt, q, params);
    }).transform(ar -> {
      Step step = ar.succeeded() ? ar.result() : new Step(null, null, ar.cause());
      if (step.done() != null) {
        return OneHop.onContext(step.done(), caller);
      }
      if (step.stmt() == null) {
        stopRunning(run);
        // a parse stopped by cancel or statement_timeout reports why it was stopped
        return failStatement(run.reason != null ? run.reason
            : shift(asSnapsync(step.error()), offset));
      }
      if (step.attempt() == null && step.error() == null) {
        return runParsed(step.stmt(), text, params, start, run);
      }
      Future<StatementResult> f = step.error() != null ? Future.failedFuture(step.error())
          : step.attempt().result() != null ? step.attempt().finish()
          : step.attempt().finish().compose(r -> db.blocking(() -> {
            txn.commit();
            return r;
          }));
      return finishStatement(step.stmt(), text, start, run, f);
    });
  }

  /**
   * Parses {@code text}; a query that differs from a parsed one only in literals is not parsed
   * again (the engine plans it by its hoisted text, {@link LiteralHoister}): a literal stands
   * wherever a parameter may, so the text parses when its hoisted text does. Blocking.
   */
  private static Stmt parse(String text, int params, Running run) {
    java.util.function.BooleanSupplier canceled = () -> run.reason != null;
    LiteralHoister.Hoisted h = text.length() <= SPLIT_INLINE_MAX
        ? LiteralHoister.hoist(text, params) : null;
    if (h != null && SqlParser.cached(h.text()) instanceof Stmt.Query) {
      return new Stmt.Query(text);
    }
    Stmt stmt = SqlParser.parse(text, canceled);
    if (h != null && stmt instanceof Stmt.Query) {
      try {
        SqlParser.parse(h.text(), canceled);
      } catch (RuntimeException e) {
        // not a shape the engine can hoist either
      }
    }
    return stmt;
  }

  /** What the worker hop of {@link #runOne} did: parsed (or failed to), maybe ran. */
  private record Step(Stmt stmt, io.snapsync.core.sql.engine.QueryEngine.Attempt attempt,
      Throwable error, Future<StatementResult> done) {
    Step(Stmt stmt, io.snapsync.core.sql.engine.QueryEngine.Attempt attempt, Throwable error) {
      this(stmt, attempt, error, null);
    }
  }

  /**
   * On a worker: an autocommit query begins its implicit transaction, runs and, when it ran
   * there at once, commits; an error rolls the implicit transaction back. Blocking.
   */
  private Step autocommitQuery(Stmt stmt, Stmt.Query q, List<Object> params) {
    try {
      beginImplicit();
      var attempt = db.executor().queries().begin(q.sql(), this, params);
      if (attempt.result() != null) {
        txn.commit();
      }
      return new Step(stmt, attempt, null);
    } catch (RuntimeException e) {
      txn.fail();
      return new Step(stmt, null, e);
    }
  }

  private static SnapsyncException shift(SnapsyncException e, int offset) {
    return e.position() > 0 ? e.withPosition(e.position() + offset) : e;
  }

  private Running uninterruptible(Running started) {
    stopRunning(started);
    return new Running();
  }

  private Running startRunning() {
    Running run = new Running();
    running = run;
    if (closed) {
      // closed while this statement was queued or between a query string's statements
      run.cancel(closedReason());
    }
    long timeout = statementTimeout();
    if (timeout > 0) {
      run.timer = db.services().vertx().setTimer(timeout, id -> cancelRunning(run,
          SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.statement_timeout")));
    }
    return run;
  }

  private void stopRunning(Running run) {
    if (run.timer >= 0) {
      db.services().vertx().cancelTimer(run.timer);
    }
    if (running == run) {
      running = null;
    }
  }

  private Future<StatementResult> runParsed(Stmt stmt, String text, List<Object> params,
      long start, Running started) {
    if (txn.isFailed() && !(stmt instanceof Stmt.Commit || stmt instanceof Stmt.Rollback
        || stmt instanceof Stmt.RollbackTo)) {
      stopRunning(started);
      SnapsyncException e = SnapsyncException.error(SqlState.IN_FAILED_SQL_TRANSACTION,
          "sql.in_failed_transaction");
      db.services().stats().error(e.sqlState());
      return Future.failedFuture(e);
    }
    // transaction control is not interrupted (PostgreSQL holds interrupts while it ends a
    // transaction): a timeout or cancel that fired while it was parsed has no effect
    Running run = stmt instanceof Stmt.TxnControl ? uninterruptible(started) : started;
    Future<StatementResult> f;
    try {
      f = run.reason != null ? Future.failedFuture(run.reason) : dispatch(stmt, params);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    return finishStatement(stmt, text, start, run, f);
  }

  /** Counts the statement's outcome {@code f} and ends its cancellation scope. */
  private Future<StatementResult> finishStatement(Stmt stmt, String text, long start,
      Running run, Future<StatementResult> f) {
    return f.transform(ar -> {
      stopRunning(run);
      if (ar.succeeded()) {
        StatementResult r = ar.result();
        db.services().stats().statement(Normalizer.normalize(text), stmt.kind(),
            System.nanoTime() - start, rowsOf(r));
        return Future.succeededFuture(r);
      }
      return failStatement(asSnapsync(ar.cause()));
    });
  }

  private Future<StatementResult> dispatch(Stmt stmt, List<Object> params) {
    if (stmt instanceof Stmt.TxnControl || stmt instanceof Stmt.Show
        || stmt instanceof Stmt.SetVar || stmt instanceof Stmt.Reset
        || stmt instanceof Stmt.AlterSystem) {
      return utility.run(stmt);
    }
    if (stmt instanceof io.snapsync.core.sql.cursor.CursorStmt c) {
      if (!io.snapsync.core.sql.cursor.SessionStatements.transactional(c)) {
        return statements.run(c, params);
      }
      if (!txn.isActive()) {
        statements.checkOutsideBlock(c);
      }
    }
    if (txn.isActive()) {
      return execute(stmt, params);
    }
    beginImplicit();
    return execute(stmt, params)
        .compose(r -> db.blockingInline(() -> {
          txn.commit();
          return r;
        }));
  }

  private Future<StatementResult> execute(Stmt stmt, List<Object> params) {
    return stmt instanceof io.snapsync.core.sql.cursor.CursorStmt c ? statements.run(c, params)
        : db.executor().run(stmt, this, params);
  }

  @Override
  public io.snapsync.core.sql.ddl.Sequences sequences() {
    return db.executor().ddl().sequences();
  }

  @Override
  public io.snapsync.core.sql.cursor.SessionStatements sqlStatements() {
    return statements;
  }

  /** statement_timeout in milliseconds (0: none). */
  private long statementTimeout() {
    try {
      return settings.getLong("statement_timeout");
    } catch (RuntimeException e) {
      return 0;
    }
  }

  IsolationLevel defaultIsolation() {
    IsolationLevel l = IsolationLevel.parse(settings.get("default_transaction_isolation"));
    return l == null || l == IsolationLevel.READ_UNCOMMITTED ? IsolationLevel.READ_COMMITTED : l;
  }

  private Future<StatementResult> failStatement(SnapsyncException e) {
    db.services().stats().error(e.sqlState());
    if (!txn.isActive()) {
      return Future.failedFuture(e);
    }
    return db.blockingInline(() -> {
      txn.fail();
      return null;
    }).transform(ar -> Future.failedFuture(e));
  }

  static SnapsyncException asSnapsync(Throwable t) {
    SnapsyncException e = SnapsyncException.from(t);
    if (e.isInternalOf(t)) {
      // the client learns nothing of Java; the stack goes to the server log
      LOG.error("internal error in a statement", t);
    }
    return e;
  }

  private static long rowsOf(StatementResult r) {
    if (r.hasRows()) {
      return r.rows().size();
    }
    String tag = r.commandTag();
    int sp = tag.lastIndexOf(' ');
    if (sp > 0) {
      try {
        return Long.parseLong(tag.substring(sp + 1));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  @Override
  public SnapsyncException closedReason() {
    if (!closed) {
      return null;
    }
    SnapsyncException reason = closedReason;
    return reason != null ? reason
        : SnapsyncException.error(SqlState.CONNECTION_FAILURE, "sql.session_closed");
  }

  /** Ends the session because of {@code reason} (e.g. the idle-session timeout). */
  Future<Void> terminate(SnapsyncException reason) {
    closedReason = reason;
    return close();
  }

  /**
   * Closes the session as PostgreSQL's backend ends on a lost client: the running statement is
   * cancelled first (the same path as {@link #cancel}, so a lock wait, a scan or a loop stops
   * at its next check), statements queued behind it do not start, then the transaction rolls
   * back (its locks and snapshot pins go). A session closed while a statement runs stays in
   * {@code pg_stat_activity} until that statement has ended.
   */
  @Override
  public Future<Void> close() {
    Future<?> last;
    synchronized (this) {
      if (closed) {
        return Future.succeededFuture();
      }
      closed = true;
      last = tail;
    }
    Running r = running;
    if (r != null) {
      cancelRunning(r, closedReason());
    }
    // only a running statement keeps the session listed: queued work fails without starting,
    // and the tail of a statement whose result the caller already has may complete a moment
    // later, which must not keep an idle session listed
    boolean ending = r != null;
    if (!ending) {
      manager.removed(this);
    }
    return last.transform(ar -> db.blocking(() -> {
      txn.rollback();
      statements.sessionClosed();
      db.executor().ddl().sequences().sessionClosed(id);
      try {
        io.snapsync.core.sql.ddl.TempTables.dropAll(db.store(),
            io.snapsync.core.sql.ddl.TempTables.schemaOf(id));
      } catch (RuntimeException e) {
        // left for the node's next start-up (TempTables.dropLeftovers)
      }
      return null;
    })).onComplete(ar -> {
      if (ending) {
        manager.removed(this);
      }
    }).mapEmpty();
  }
}
