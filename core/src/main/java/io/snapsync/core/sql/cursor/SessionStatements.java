package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.sql.parse.Token;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.SnapshotPin;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one session's cursor and prepared-statement statements ({@link CursorStmt}) and holds
 * what they create. The session calls {@link #run} in statement order; store work runs on
 * the database's worker pool. Listens to the ends of the session's transactions.
 */
public final class SessionStatements implements TransactionBlock.EndListener {

  /** How EXECUTE runs a statement as the session would: in its transaction, or autocommit. */
  @FunctionalInterface
  public interface Runner {
    Future<StatementResult> run(Stmt stmt, List<Object> params);
  }

  /** What a session that has SQL cursors gives {@code pg_cursors} and friends. */
  public interface Holder {
    SessionStatements sqlStatements();
  }

  private final Database db;
  private final SessionContext ctx;
  private final Runner runner;
  private final SessionCursors cursors = new SessionCursors();
  private final PreparedStatements prepared = new PreparedStatements();
  /** Names of protocol portals start with a character no SQL name can hold. */
  private static final String PORTAL_PREFIX = "\0portal";
  private int portals;

  public SessionStatements(Database db, SessionContext ctx, Runner runner) {
    this.db = db;
    this.ctx = ctx;
    this.runner = runner;
    ctx.txn().endListener(this);
  }

  /**
   * True when {@code s} runs in the session's transaction (outside a block, in an implicit
   * one of its own); the others need none.
   */
  public static boolean transactional(CursorStmt s) {
    return s instanceof CursorStmt.Declare;
  }

  /** Fails 25P01 when {@code s} can only run inside a transaction block and none is open. */
  public void checkOutsideBlock(CursorStmt s) {
    if (s instanceof CursorStmt.Declare d && !d.hold()) {
      throw SnapsyncException.error(SqlState.NO_ACTIVE_SQL_TRANSACTION,
          "cursor.declare_outside_block");
    }
  }

  /** Runs {@code s} with the statement's parameters {@code params}. */
  public Future<StatementResult> run(CursorStmt s, List<Object> params) {
    if (s instanceof CursorStmt.Declare d) {
      return declare(d, params);
    } else if (s instanceof CursorStmt.Fetch f) {
      return db.blocking(() -> fetch(f));
    } else if (s instanceof CursorStmt.Close c) {
      return db.blocking(() -> {
        cursors.close(c.name());
        return StatementResult.command(c.name() == null ? "CLOSE CURSOR ALL" : "CLOSE CURSOR");
      });
    } else if (s instanceof CursorStmt.Prepare p) {
      return db.blocking(() -> prepare(p));
    } else if (s instanceof CursorStmt.Execute e) {
      return execute(e);
    }
    CursorStmt.Deallocate d = (CursorStmt.Deallocate) s;
    prepared.remove(d.name());
    return Future.succeededFuture(StatementResult.command(d.name() == null ? "DEALLOCATE ALL"
        : "DEALLOCATE"));
  }

  private Future<StatementResult> declare(CursorStmt.Declare d, List<Object> params) {
    try {
      cursors.checkFree(d.name());
    } catch (SnapsyncException e) {
      return Future.failedFuture(e);
    }
    return db.executor().queries().open(d.query(), ctx, params)
        .recover(e -> Future.failedFuture(shift(e, d.offset())))
        .compose(o -> db.blocking(() -> {
      SnapshotPin pin = db.store().pin(o.snapshot());
      Cursor rows;
      try {
        rows = o.rows().get();
      } catch (SnapsyncException e) {
        // an operator that computes its rows when opened (a sort) fails at the first FETCH,
        // where PostgreSQL computes them
        rows = failing(e);
      } catch (RuntimeException e) {
        pin.close();
        throw e;
      }
      SqlCursor c = new SqlCursor(d, o.columns(), OffsetDateTime.now(db.services().clock()),
          o.txn(), o.snapshot(), pin, rows);
      try {
        cursors.add(c);
      } catch (RuntimeException e) {
        c.close();
        throw e;
      }
      return StatementResult.command("DECLARE CURSOR");
    }));
  }

  private static Cursor failing(SnapsyncException e) {
    return new Cursor() {
      @Override
      public Object[] next() {
        throw e;
      }

      @Override
      public void close() {
      }
    };
  }

  private StatementResult fetch(CursorStmt.Fetch f) {
    SqlCursor c = cursors.get(f.name());
    ScrollPosition.Result r = c.fetch(f.direction(), !f.move());
    if (f.move()) {
      return StatementResult.command("MOVE " + r.count());
    }
    List<List<Object>> rows = new ArrayList<>(r.rows().size());
    for (Object[] row : r.rows()) {
      rows.add(Arrays.asList(row));
    }
    return new StatementResult(c.columns(), rows, "FETCH " + r.count(), List.of());
  }

  /** An error of the inner statement, its position moved to the whole statement's. */
  private static Throwable shift(Throwable e, int offset) {
    return e instanceof SnapsyncException se && se.position() > 0
        ? se.withPosition(se.position() + offset) : e;
  }

  /** Checks the statement, types its parameters and keeps it. Blocking. */
  private StatementResult prepare(CursorStmt.Prepare p) {
    try {
      return prepareChecked(p);
    } catch (SnapsyncException e) {
      throw (SnapsyncException) shift(e, p.offset());
    }
  }

  private StatementResult prepareChecked(CursorStmt.Prepare p) {
    prepared.checkFree(p.name());
    Stmt inner = SqlParser.parse(p.statement());
    List<DataType> declared = List.of();
    if (!p.types().isEmpty()) {
      List<String> nulls = new ArrayList<>();
      p.types().forEach(t -> nulls.add("CAST(NULL AS " + t + ")"));
      try {
        declared = db.executor().queries().describe("SELECT " + String.join(", ", nulls), ctx)
            .stream().map(Column::type).toList();
      } catch (SnapsyncException e) {
        throw e.withPosition(0);
      }
    }
    int used = highestParameter(p.statement());
    List<DataType> inferred = List.of();
    if (inner instanceof Stmt.Query) {
      try {
        inferred = db.executor().queries().parameterTypes(p.statement(), ctx);
      } catch (SnapsyncException e) {
        if (used == 0 || used > declared.size()) {
          throw e;
        }
        // the analyzer could not type a parameter on its own: the declared types do
      }
    }
    int n = Math.max(declared.size(), Math.max(used, inferred.size()));
    List<DataType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(i < declared.size() ? declared.get(i)
          : i < inferred.size() ? inferred.get(i) : DataType.UNKNOWN);
    }
    prepared.add(new PreparedStatements.Prepared(p.name(), p.statement(), p.text(), p.types(),
        types, OffsetDateTime.now(db.services().clock())));
    return StatementResult.command("PREPARE");
  }

  private static int highestParameter(String sql) {
    int max = 0;
    for (Token t : Lexer.tokenize(sql)) {
      if (t.kind() == Token.Kind.PARAM) {
        try {
          max = Math.max(max, Integer.parseInt(t.text()));
        } catch (NumberFormatException e) {
          // not a parameter number the engine accepts either
        }
      }
    }
    return max;
  }

  /** Evaluates the arguments (cast to the declared types) and runs the statement with them. */
  private Future<StatementResult> execute(CursorStmt.Execute e) {
    PreparedStatements.Prepared p;
    try {
      p = prepared.get(e.name());
      if (e.args().size() != p.types().size()) {
        throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "cursor.wrong_parameter_count",
            p.name()).withDetail("cursor.wrong_parameter_count.detail", p.types().size(),
                e.args().size());
      }
    } catch (SnapsyncException ex) {
      return Future.failedFuture(ex);
    }
    return arguments(p, e.args()).compose(values -> db.blocking(() ->
        SqlParser.parse(p.statement())).compose(stmt -> runner.run(stmt, values)));
  }

  private Future<List<Object>> arguments(PreparedStatements.Prepared p, List<String> args) {
    if (args.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Object> literals = p.declared().isEmpty() ? literals(args) : null;
    if (literals != null) {
      return Future.succeededFuture(literals);
    }
    List<String> exprs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      exprs.add(i < p.declared().size() ? "CAST((" + args.get(i) + ") AS " + p.declared().get(i)
          + ")" : "(" + args.get(i) + ")");
    }
    return runner.run(new Stmt.Query("SELECT " + String.join(", ", exprs)), List.of())
        .map(r -> new ArrayList<>(r.rows().get(0)));
  }

  /** The arguments as untyped literals when each is a single number, string or NULL. */
  private static List<Object> literals(List<String> args) {
    List<Object> out = new ArrayList<>();
    for (String a : args) {
      List<Token> tokens;
      try {
        tokens = Lexer.tokenize(a);
      } catch (RuntimeException e) {
        return null;
      }
      if (tokens.size() != 2) {
        return null;
      }
      Token t = tokens.get(0);
      if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING) {
        out.add(t.text());
      } else if (t.isWord("null")) {
        out.add(null);
      } else {
        return null;
      }
    }
    return out;
  }

  /**
   * Opens {@code query} as an unnamed forward-only cursor of the current transaction block
   * (not listed in {@code pg_cursors}); returns its name for {@link #fetchPortal}.
   */
  public Future<String> openPortal(String query, List<Object> params) {
    String name = PORTAL_PREFIX + (++portals);
    return declare(new CursorStmt.Declare(name, query, false, CursorStmt.Scroll.NO_SCROLL,
        false, query, 0), params).map(r -> name);
  }

  /** The result columns of portal {@code name}. */
  public List<Column> portalColumns(String name) {
    return cursors.get(name).columns();
  }

  /**
   * The next at most {@code max} rows of portal {@code name} (all when {@code max <= 0}).
   * Blocking.
   */
  public List<List<Object>> fetchPortal(String name, int max) {
    ScrollPosition.Result r = cursors.get(name).fetch(
        FetchDirection.forward(max <= 0 ? FetchDirection.ALL : max), true);
    List<List<Object>> rows = new ArrayList<>(r.rows().size());
    for (Object[] row : r.rows()) {
      rows.add(Arrays.asList(row));
    }
    return rows;
  }

  /** Closes portal {@code name} if it is still open. Blocking. */
  public void closePortal(String name) {
    try {
      cursors.close(name);
    } catch (SnapsyncException e) {
      // already closed with its transaction
    }
  }

  @Override
  public void beforeCommit() {
    cursors.beforeCommit();
  }

  @Override
  public void ended() {
    cursors.transactionEnded();
  }

  @Override
  public boolean endsAtOnce() {
    return cursors.isEmpty();
  }

  /** The session ends: every cursor closes. Blocking. */
  public void sessionClosed() {
    cursors.close(null);
    prepared.remove(null);
  }

  /** The rows of {@code pg_cursors} for this session. */
  List<List<Object>> cursorRows() {
    List<List<Object>> rows = new ArrayList<>();
    for (SqlCursor c : cursors.all()) {
      if (c.name().startsWith(PORTAL_PREFIX)) {
        continue;
      }
      CursorStmt.Declare d = c.declared();
      rows.add(Arrays.asList(d.name(), d.text(), d.hold(), d.binary(),
          d.scroll() != CursorStmt.Scroll.NO_SCROLL, c.created()));
    }
    return rows;
  }

  /** The rows of {@code pg_prepared_statements} for this session. */
  List<List<Object>> preparedRows() {
    List<List<Object>> rows = new ArrayList<>();
    for (PreparedStatements.Prepared p : prepared.all()) {
      List<Object> types = new ArrayList<>();
      p.types().forEach(t -> types.add(t.sqlName()));
      rows.add(Arrays.asList(p.name(), p.text(), p.prepared(), types, true, 0L, 0L));
    }
    return rows;
  }
}
