package io.snapsync.core.cluster;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data node's side of coordinator sessions: backend sessions opened for coordinators
 * without storage at {@link #address(String)}. Body {@code {op: "open", user, options,
 * coordinator, callerId}} (the coordinator has authenticated the user) → {@code {sessionId}};
 * {@code {op: "execute", sessionId, sql, params?}} → {@code {results, transactionStatus,
 * lcMessages}}; {@code {op: "close", sessionId}}; {@code {op: "cancel", sessionId}} cancels
 * the statement the session runs now, if any. Failures: {@code fail(code, exception JSON)}
 * with {@code completedResults}. Backend sessions of a coordinator that leaves the cluster are
 * closed. A backend session's system tables and functions see {@code coordinator} as the
 * session's node ({@code FunctionCall.sessionNode()}). Members only ({@link ClusterTrust}): the
 * user was authenticated by the calling coordinator, so a caller without the cluster secret is
 * refused (28000) before any op runs.
 */
public final class BackendEndpoint {

  private static final String PREFIX = "snapsync.backend.";

  private record Entry(Session session, String callerId) {
  }

  private final Vertx vertx;
  private final String nodeName;
  private final SessionManager sessions;
  private final MessageCatalog catalog;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> consumer;
  private Runnable unlisten = () -> { };

  public BackendEndpoint(Vertx vertx, String nodeName, SessionManager sessions,
      MessageCatalog catalog) {
    this.vertx = vertx;
    this.nodeName = nodeName;
    this.sessions = sessions;
    this.catalog = catalog;
  }

  /** The backend address of data node {@code node}. */
  public static String address(String node) {
    return PREFIX + node;
  }

  public Future<Void> start(ClusterMembership membership) {
    unlisten = membership.onLeave(this::callerLeft);
    consumer = ClusterTrust.forVertx(vertx).consumer(vertx, address(nodeName), this::handle);
    return consumer.completion();
  }

  public Future<Void> stop() {
    unlisten.run();
    List<Future<Void>> closing = new ArrayList<>();
    entries.values().forEach(e -> closing.add(e.session().close()));
    entries.clear();
    Future<Void> unreg = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return Future.join(new ArrayList<Future<?>>(closing)).transform(x -> unreg);
  }

  /** Open backend sessions (for tests and monitoring). */
  public int openSessions() {
    return entries.size();
  }

  private void callerLeft(String nodeId) {
    entries.entrySet().removeIf(e -> {
      if (nodeId.equals(e.getValue().callerId())) {
        e.getValue().session().close();
        return true;
      }
      return false;
    });
  }

  private void handle(Message<JsonObject> m) {
    JsonObject b = m.body() == null ? new JsonObject() : m.body();
    switch (b.getString("op", "")) {
      case "open" -> sessions.openAuthenticated(b.getString("user"),
          b.getJsonObject("options", new JsonObject()), b.getString("coordinator"))
          .onComplete(ar -> {
            if (ar.failed()) {
              fail(m, ar.cause(), "en");
              return;
            }
            String id = UUID.randomUUID().toString();
            entries.put(id, new Entry(ar.result(), b.getString("callerId", "")));
            m.reply(new JsonObject().put("sessionId", id)
                .put("lcMessages", ar.result().lcMessages()));
          });
      case "execute" -> execute(m, b);
      case "describe" -> describe(m, b);
      case "cancel" -> {
        Entry e = entries.get(b.getString("sessionId", ""));
        if (e != null) {
          e.session().cancel();
        }
        m.reply(new JsonObject().put("canceled", e != null));
      }
      case "close" -> {
        Entry e = entries.remove(b.getString("sessionId", ""));
        (e == null ? Future.<Void>succeededFuture() : e.session().close())
            .onComplete(ar -> m.reply(new JsonObject().put("closed", true)));
      }
      default -> m.fail(400, "unknown op");
    }
  }

  private void execute(Message<JsonObject> m, JsonObject b) {
    Entry e = entries.get(b.getString("sessionId", ""));
    if (e == null) {
      fail(m, SnapsyncException.error(SqlState.ADMIN_SHUTDOWN, "cluster.backend_gone",
          nodeName), "en");
      return;
    }
    Session s = e.session();
    JsonArray params = b.getJsonArray("params");
    Future<List<StatementResult>> run = params == null ? s.execute(b.getString("sql"))
        : s.execute(b.getString("sql"), params.getList()).map(List::of);
    run.onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(new JsonObject().put("results", ResultCodec.encode(ar.result()))
            .put("transactionStatus", s.transactionStatus().name())
            .put("lcMessages", s.lcMessages()));
      } else {
        fail(m, ar.cause(), s.lcMessages(), s);
      }
    });
  }

  private void describe(Message<JsonObject> m, JsonObject b) {
    Entry e = entries.get(b.getString("sessionId", ""));
    if (e == null) {
      fail(m, SnapsyncException.error(SqlState.ADMIN_SHUTDOWN, "cluster.backend_gone",
          nodeName), "en");
      return;
    }
    e.session().describe(b.getString("sql")).onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(new JsonObject().put("results", ResultCodec.encode(List.of(
            new StatementResult(ar.result(), List.of(), "", List.of())))));
      } else {
        fail(m, ar.cause(), e.session().lcMessages(), e.session());
      }
    });
  }

  private void fail(Message<JsonObject> m, Throwable t, String lc) {
    fail(m, t, lc, null);
  }

  private void fail(Message<JsonObject> m, Throwable t, String lc, Session s) {
    SnapsyncException e = SnapsyncException.from(t);
    JsonObject j = e.toJson(catalog, lc);
    List<StatementResult> done = new ArrayList<>();
    for (Object o : e.completedResults()) {
      if (o instanceof StatementResult r) {
        done.add(r);
      }
    }
    j.put("completedResults", ResultCodec.encode(done));
    if (s != null) {
      j.put("transactionStatus", s.transactionStatus().name()).put("lcMessages", s.lcMessages());
    }
    m.fail(422, j.encode());
  }
}
