package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.plugins.pgwire.impl.codec.Bind;
import io.snapsync.plugins.pgwire.impl.codec.Close;
import io.snapsync.plugins.pgwire.impl.codec.CommandComplete;
import io.snapsync.plugins.pgwire.impl.codec.Describe;
import io.snapsync.plugins.pgwire.impl.codec.EmptyBodyMessage;
import io.snapsync.plugins.pgwire.impl.codec.Execute;
import io.snapsync.plugins.pgwire.impl.codec.Flush;
import io.snapsync.plugins.pgwire.impl.codec.FrontendMessage;
import io.snapsync.plugins.pgwire.impl.codec.ParameterDescription;
import io.snapsync.plugins.pgwire.impl.codec.Parse;
import io.snapsync.plugins.pgwire.impl.codec.RowDescription;
import io.snapsync.plugins.pgwire.impl.codec.Sync;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simple and extended query on an authenticated connection: runs statements through the
 * session and turns results into RowDescription / DataRow / CommandComplete, notices into
 * NoticeResponse and failures into ErrorResponse. After an extended-query error every message
 * up to Sync is skipped, as PostgreSQL does. Confined to the connection's event loop.
 */
final class QueryHandler {

  private final PgConnection conn;
  private final ServerContext server;
  private final StatementDescriber describer;
  private final Map<String, PreparedStmt> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private final ParameterReporter parameters;
  private final DescribeCache cache = new DescribeCache();
  private boolean skipToSync;

  QueryHandler(PgConnection conn, ServerContext server) {
    this.conn = conn;
    this.server = server;
    this.describer = new StatementDescriber(server.probes());
    this.parameters = new ParameterReporter();
  }

  /** The reporter of this connection's changeable ParameterStatus values. */
  ParameterReporter parameters() {
    return parameters;
  }

  /** ParameterStatus for changed parameters, then ReadyForQuery. */
  private Future<Void> ready() {
    return conn.onLoop(parameters.changes(conn.session())).map(changed -> {
      changed.forEach(conn::send);
      conn.sendReady();
      return null;
    });
  }

  // ---- simple query

  Future<Void> simpleQuery(String sql) {
    if (SqlText.isEmpty(sql)) {
      conn.send(EmptyBodyMessage.EMPTY_QUERY_RESPONSE);
      conn.sendReady();
      return Future.succeededFuture();
    }
    Future<List<StatementResult>> run = server.probes().answer(sql, List.of())
        .map(r -> Future.succeededFuture(List.of(r)))
        .orElseGet(() -> conn.session().execute(sql));
    return conn.onLoop(run).transform(ar -> {
      if (ar.succeeded()) {
        ar.result().forEach(r -> {
          sendWhole(r);
          parameters.statementDone(sql, r.commandTag());
          cache.statementDone(r.commandTag());
        });
      } else {
        SnapsyncException e = ErrorMapper.asSnapsync(ar.cause());
        for (Object o : e.completedResults()) {
          StatementResult r = (StatementResult) o;
          sendWhole(r);
          parameters.statementDone(sql, r.commandTag());
          cache.statementDone(r.commandTag());
        }
        if (e.severity().compareTo(io.snapsync.core.error.Severity.FATAL) >= 0) {
          return Future.failedFuture(e);
        }
        conn.sendError(e);
      }
      return ready();
    });
  }

  private void sendWhole(StatementResult r) {
    sendNotices(r.notices());
    if (r.hasRows()) {
      conn.send(rowDescription(r.columns(), null, null, true));
      sendRows(r, null, null, 0, r.rows().size());
    }
    conn.send(new CommandComplete(r.commandTag()));
  }

  // ---- extended query

  Future<Void> extended(FrontendMessage m) {
    if (m == Sync.INSTANCE) {
      skipToSync = false;
      return ready();
    }
    if (m == Flush.INSTANCE) {
      conn.flush();
      return Future.succeededFuture();
    }
    if (skipToSync) {
      return Future.succeededFuture();
    }
    if (m instanceof Parse p) {
      return parse(p);
    }
    if (m instanceof Bind b) {
      return bind(b);
    }
    if (m instanceof Describe d) {
      return d.kind() == 'S' ? describeStatement(d.name()) : describePortal(d.name());
    }
    if (m instanceof Execute e) {
      return execute(e);
    }
    if (m instanceof Close c) {
      if (c.kind() == 'S') {
        statements.remove(c.name());
      } else {
        closePages(portals.remove(c.name()));
      }
      conn.send(EmptyBodyMessage.CLOSE_COMPLETE);
      return Future.succeededFuture();
    }
    throw new IllegalStateException("unexpected message " + m);
  }

  /** An extended-query message failed: report it and skip to the next Sync. */
  void failed(Throwable t) {
    conn.sendError(t);
    skipToSync = true;
  }

  /**
   * A message outside the extended protocol failed before it ran (a malformed Query or Sync, a
   * FunctionCall): report it and answer ReadyForQuery, as PostgreSQL does.
   */
  void failedOutsideExtended(Throwable t) {
    conn.sendError(t);
    skipToSync = false;
    conn.sendReady();
  }

  private Future<Void> parse(Parse p) {
    if (!p.name().isEmpty() && statements.containsKey(p.name())) {
      throw SnapsyncException.error(SqlState.DUPLICATE_PREPARED_STATEMENT, "pgwire.statement_exists", p.name());
    }
    statements.put(p.name(), new PreparedStmt(p.name(), p.sql(), p.paramTypes()));
    conn.send(EmptyBodyMessage.PARSE_COMPLETE);
    return Future.succeededFuture();
  }

  private PreparedStmt statement(String name) {
    PreparedStmt s = statements.get(name);
    if (s == null) {
      throw SnapsyncException.error(SqlState.INVALID_SQL_STATEMENT_NAME, "pgwire.statement_missing", name);
    }
    return s;
  }

  private Portal portal(String name) {
    Portal p = portals.get(name);
    if (p == null) {
      throw SnapsyncException.error(SqlState.INVALID_CURSOR_NAME, "pgwire.portal_missing", name);
    }
    return p;
  }

  private Future<Void> bind(Bind b) {
    PreparedStmt s = statement(b.statement());
    int n = b.values().size();
    if (n != s.paramTypes.length) {
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "pgwire.bind_param_count", n,
          s.name, s.paramTypes.length);
    }
    if (b.paramFormats().length > 1 && b.paramFormats().length != n) {
      throw SnapsyncException.error(SqlState.PROTOCOL_VIOLATION, "pgwire.bind_format_count",
          b.paramFormats().length, n);
    }
    if (!b.portal().isEmpty() && portals.containsKey(b.portal())) {
      throw SnapsyncException.error(SqlState.DUPLICATE_CURSOR, "pgwire.portal_exists", b.portal());
    }
    List<Object> params = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      params.add(ValueCodec.decodeParam(b.values().get(i), s.paramTypes[i], b.paramFormat(i),
          i + 1));
    }
    closePages(portals.get(b.portal()));
    portals.put(b.portal(), new Portal(b.portal(), s, params, b));
    conn.send(EmptyBodyMessage.BIND_COMPLETE);
    return Future.succeededFuture();
  }

  /** Releases the unread rows of a paged portal that is closed or replaced. */
  private static void closePages(Portal p) {
    if (p != null && p.pages != null) {
      p.pages.onSuccess(io.snapsync.core.session.ResultPages::close);
    }
  }

  private Future<Void> describeStatement(String name) {
    PreparedStmt s = statement(name);
    DescribeCache.Entry cached = cache.get(s);
    Future<List<Column>> described;
    if (cached != null) {
      System.arraycopy(cached.paramTypes(), 0, s.paramTypes, 0, s.paramTypes.length);
      s.guessedColumns = cached.guessed();
      described = Future.succeededFuture(cached.columns());
    } else {
      described = conn.onLoop(ParamTypeInference.infer(s, conn.session()))
          .compose(v -> conn.onLoop(describer.columns(s, conn.session())));
    }
    return described.map(cols -> {
      s.declaredColumns = cols;
      if (cached == null) {
        cache.put(s);
      }
      conn.send(new ParameterDescription(s.describedParamTypes()));
      // no table origins here: pgjdbc would look them up with a catalog query, which would
      // start the transaction's snapshot before a SET TRANSACTION SNAPSHOT (DescribeTest)
      conn.send(cols.isEmpty() ? EmptyBodyMessage.NO_DATA
          : rowDescription(cols, null, null, false));
      return null;
    });
  }

  private Future<Void> describePortal(String name) {
    Portal p = portal(name);
    // Describe comes before Execute's row limit is known: page only a named portal (pgjdbc
    // names the portals it fetches in pages); an unnamed one (pgbench, most drivers) runs whole
    // unless its Execute asks for a row limit
    if (p.run == null && p.pages == null && !p.name.isEmpty() && pageable(p)) {
      p.pages = conn.onLoop(conn.session().executePaged(p.statement.sql, p.params));
    }
    if (p.pages != null) {
      return p.pages.map(pages -> {
        conn.send(pages.columns().isEmpty() ? EmptyBodyMessage.NO_DATA
            : rowDescription(pages.columns(), p.statement.declaredColumns, p.bind, true));
        return null;
      });
    }
    return run(p).map(r -> {
      if (r == null || !r.hasRows()) {
        conn.send(EmptyBodyMessage.NO_DATA);
      } else {
        conn.send(rowDescription(r.columns(), p.statement.declaredColumns, p.bind, true));
      }
      return null;
    });
  }

  /**
   * A portal of a transaction block reads its rows in pages as Execute asks for them (the
   * session computes a query's rows page by page); others run whole.
   */
  private boolean pageable(Portal p) {
    return conn.session().transactionStatus() == io.snapsync.core.session.TransactionStatus.IN_BLOCK
        && !SqlText.isEmpty(p.statement.sql)
        && server.probes().answer(p.statement.sql, p.params).isEmpty();
  }

  private Future<Void> executePage(Portal p, Execute e) {
    return p.pages.compose(pages -> conn.onLoop(pages.next(e.maxRows()))).map(page -> {
      if (page.commandTag() != null && !p.noticesSent) {
        p.noticesSent = true;
        sendNotices(page.notices());
      }
      if (page.hasRows() && !page.rows().isEmpty() && !DescribeCache.compatible(
          p.statement.declaredColumns, p.statement.guessedColumns, page.columns())) {
        cache.clear();
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "pgwire.result_changed");
      }
      if (page.hasRows()) {
        sendRows(page, p.statement.declaredColumns, p.bind, 0, page.rows().size());
      }
      if (page.commandTag() == null) {
        conn.send(EmptyBodyMessage.PORTAL_SUSPENDED);
      } else {
        p.done = true;
        conn.send(new CommandComplete(page.commandTag()));
        parameters.statementDone(p.statement.sql, page.commandTag());
        cache.statementDone(page.commandTag());
      }
      return null;
    });
  }

  private Future<Void> execute(Execute e) {
    Portal p = portal(e.portal());
    if (p.run == null && p.pages == null && e.maxRows() > 0 && pageable(p)) {
      p.pages = conn.onLoop(conn.session().executePaged(p.statement.sql, p.params));
    }
    if (p.pages != null) {
      return executePage(p, e);
    }
    return run(p).map(r -> {
      if (r == null) {
        conn.send(EmptyBodyMessage.EMPTY_QUERY_RESPONSE);
        return null;
      }
      if (!p.noticesSent) {
        p.noticesSent = true;
        sendNotices(r.notices());
      }
      if (r.hasRows() && !DescribeCache.compatible(p.statement.declaredColumns,
          p.statement.guessedColumns, r.columns())) {
        cache.clear();
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "pgwire.result_changed");
      }
      int total = r.rows().size();
      int from = p.done ? total : p.rowsSent;
      int to = e.maxRows() > 0 ? Math.min(total, from + e.maxRows()) : total;
      if (r.hasRows()) {
        sendRows(r, p.statement.declaredColumns, p.bind, from, to);
      }
      p.rowsSent = to;
      if (to < total) {
        conn.send(EmptyBodyMessage.PORTAL_SUSPENDED);
      } else {
        p.done = true;
        conn.send(new CommandComplete(r.commandTag()));
        parameters.statementDone(p.statement.sql, r.commandTag());
        cache.statementDone(r.commandTag());
      }
      return null;
    });
  }

  /** Runs the portal's statement once; null for an empty query. */
  private Future<StatementResult> run(Portal p) {
    if (p.run == null) {
      String sql = p.statement.sql;
      if (SqlText.isEmpty(sql)) {
        p.run = Future.succeededFuture(null);
      } else {
        p.run = server.probes().answer(sql, p.params).map(Future::succeededFuture)
            .orElseGet(() -> conn.onLoop(conn.session().execute(sql, p.params)));
      }
    }
    return p.run;
  }

  // ---- result encoding

  private void sendNotices(List<Notice> notices) {
    for (Notice n : notices) {
      if (conn.sendsNotice(n)) {
        conn.send(server.errors().notice(n, conn.lcMessages()));
      }
    }
  }

  private static RowDescription rowDescription(List<Column> actual, List<Column> declared,
      Bind bind, boolean origins) {
    List<RowDescription.Field> fields = new ArrayList<>(actual.size());
    for (int i = 0; i < actual.size(); i++) {
      DataType t = DataRowWriter.outputType(actual, declared, i);
      int format = bind == null ? 0 : bind.resultFormat(i);
      Column c = actual.get(i);
      boolean same = t == c.type();
      fields.add(new RowDescription.Field(c.name(), origins ? (int) c.tableOid() : 0,
          origins ? (short) c.attnum() : 0,
          t.oid(), ValueCodec.typeLength(t), same ? c.typmod() : -1, (short) format));
    }
    return new RowDescription(fields);
  }

  private void sendRows(StatementResult r, List<Column> declared, Bind bind, int from, int to) {
    List<Column> cols = r.columns();
    java.time.ZoneId zone = parameters.zone();
    io.snapsync.core.sql.types.PgStyle style = parameters.style();
    for (int row = from; row < to; row++) {
      DataRowWriter.write(conn.output(), r.rows().get(row), cols, declared, bind, zone, style);
      conn.sent();
    }
  }
}
