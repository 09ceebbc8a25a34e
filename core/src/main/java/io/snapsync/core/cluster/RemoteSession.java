package io.snapsync.core.cluster;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.TransactionStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator session whose statements run in a backend session on the data node. After
 * the data node is lost the session has no backend; the next statement opens a new one
 * (session settings start over, as on a new connection).
 */
final class RemoteSession implements Session {

  private final RemoteSessionManager manager;
  private final String id = UUID.randomUUID().toString();
  private final String user;
  private final JsonObject options;
  private volatile String dataNode;
  private volatile String backendId;
  private volatile TransactionStatus status = TransactionStatus.IDLE;
  private volatile String lc;
  private volatile long lastActive;
  private volatile boolean closed;

  RemoteSession(RemoteSessionManager manager, String user, JsonObject options) {
    this.manager = manager;
    this.user = user;
    this.options = options;
    this.lc = options.getString("lc_messages", "en");
    this.lastActive = manager.services().clock().millis();
  }

  Future<Void> connect() {
    return manager.dataNode().compose(dn -> manager.backend(dn, new JsonObject()
        .put("op", "open").put("user", user).put("options", options)
        .put("coordinator", manager.services().node().name())
        .put("callerId", manager.callerId())).map(reply -> {
          dataNode = dn;
          backendId = reply.getString("sessionId");
          lc = reply.getString("lcMessages", lc);
          status = TransactionStatus.IDLE;
          return (Void) null;
        })).recover(e -> Future.failedFuture(e instanceof Remote r ? r.exception : e));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public Future<List<StatementResult>> execute(String sql) {
    return run(sql, null).map(r -> r);
  }

  @Override
  public Future<StatementResult> execute(String sql, List<Object> params) {
    return run(sql, params == null ? List.of() : params).map(r -> r.get(0));
  }

  @Override
  public Future<List<io.snapsync.core.session.Column>> describe(String sql) {
    List<io.snapsync.core.session.Column> local =
        CoordinatorCalls.describeLocal(manager.services(), sql);
    if (local != null) {
      return Future.succeededFuture(local);
    }
    return request(new JsonObject().put("op", "describe").put("sql", sql))
        .map(r -> r.get(0).columns());
  }

  /** Forwards the cancel to the backend session (fire and forget). */
  @Override
  public void cancel() {
    String b = backendId;
    String dn = dataNode;
    if (b == null || dn == null || closed) {
      return;
    }
    manager.backend(dn, new JsonObject().put("op", "cancel").put("sessionId", b));
  }

  private Future<List<StatementResult>> run(String sql, List<Object> params) {
    if (closed) {
      return Future.failedFuture(SnapsyncException.error(SqlState.ADMIN_SHUTDOWN,
          "cluster.session_closed"));
    }
    lastActive = manager.services().clock().millis();
    Future<StatementResult> local;
    try {
      local = CoordinatorCalls.tryLocal(manager.services(), user, lc, sql, params);
    } catch (SnapsyncException e) {
      local = Future.failedFuture(e);
    }
    if (local != null) {
      return local.map(List::of);
    }
    JsonObject body = new JsonObject().put("op", "execute").put("sql", sql);
    if (params != null) {
      body.put("params", new JsonArray(params.stream()
          .map(p -> p == null || p instanceof String || p instanceof Number
              || p instanceof Boolean ? p : p.toString()).toList()));
    }
    return request(body);
  }

  /** Sends {@code body} (with the backend session id) to the data node, connecting first. */
  private Future<List<StatementResult>> request(JsonObject body) {
    Future<Void> ready = backendId == null ? connect() : Future.succeededFuture();
    return ready.compose(v -> manager.backend(dataNode, body.put("sessionId", backendId)))
        .map(reply -> {
          String st = reply.getString("transactionStatus");
          status = st == null ? status : TransactionStatus.valueOf(st);
          lc = reply.getString("lcMessages", lc);
          return ResultCodec.decode(reply.getJsonArray("results"));
        }).recover(e -> {
      if (e instanceof Remote r) {
        status = r.status == null ? status : r.status;
        lc = r.lc == null ? lc : r.lc;
        if (SqlState.ADMIN_SHUTDOWN.equals(r.exception.sqlState())) {
          lost();
        }
        return Future.failedFuture(r.exception);
      }
      if (e instanceof SnapsyncException s
          && SqlState.CONNECTION_FAILURE.equals(s.sqlState())) {
        lost();
      }
      return Future.failedFuture(e);
    });
  }

  private void lost() {
    backendId = null;
    status = TransactionStatus.IDLE;
  }

  /** A failure reported by the backend: the exception plus the session state after it. */
  static final class Remote extends RuntimeException {
    final SnapsyncException exception;
    final TransactionStatus status;
    final String lc;

    Remote(SnapsyncException exception, TransactionStatus status, String lc) {
      super(exception.getMessage(), null, false, false);
      this.exception = exception;
      this.status = status;
      this.lc = lc;
    }
  }

  static Throwable fromFailure(JsonObject j) {
    SnapsyncException e = SnapsyncException.fromJson(j);
    List<StatementResult> done = ResultCodec.decode(j.getJsonArray("completedResults"));
    if (!done.isEmpty()) {
      e = e.withCompletedResults(done);
    }
    String st = j.getString("transactionStatus");
    return new Remote(e, st == null ? null : TransactionStatus.valueOf(st),
        j.getString("lcMessages"));
  }

  @Override
  public TransactionStatus transactionStatus() {
    return status;
  }

  @Override
  public String lcMessages() {
    return lc;
  }

  @Override
  public long lastActiveMillis() {
    return lastActive;
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    manager.closed(this);
    String b = backendId;
    backendId = null;
    if (b == null) {
      return Future.succeededFuture();
    }
    return manager.backend(dataNode, new JsonObject().put("op", "close").put("sessionId", b))
        .<Void>mapEmpty().otherwiseEmpty();
  }
}
