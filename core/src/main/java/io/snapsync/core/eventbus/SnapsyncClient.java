package io.snapsync.core.eventbus;

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.error.SnapsyncException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A small client of the event-bus session API for Vert.x services (in the node's cluster or in
 * the node's own Vert.x). Failures are {@link SnapsyncException}s rebuilt from the reply, with
 * texts rendered by the node in the session's {@code lc_messages}
 * ({@link #renderedMessage}). Thread-safe.
 */
public final class SnapsyncClient {

  private final Vertx vertx;
  private final DeliveryOptions delivery;

  /** Cluster node id of {@code vertx}, sent as {@code callerNode} so sessions die with it. */
  private final String callerNode;

  public SnapsyncClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    this.callerNode = ClusterConfigs.nodeId(vertx);
  }

  /** An open session on one node. */
  public final class ClientSession {
    private final String id;
    private final String node;

    private ClientSession(String id, String node) {
      this.id = id;
      this.node = node;
    }

    public String id() {
      return id;
    }

    /** The node name that owns the session. */
    public String node() {
      return node;
    }

    /** Runs {@code sql}; the reply {@code {results:[...], transactionStatus}}. */
    public Future<JsonObject> execute(String sql) {
      return request(Addresses.node(node, Addresses.EXECUTE),
          new JsonObject().put("sessionId", id).put("sql", sql));
    }

    /** Runs one statement with {@code $1..$n} bound to {@code params}. */
    public Future<JsonObject> execute(String sql, List<Object> params) {
      return request(Addresses.node(node, Addresses.EXECUTE), new JsonObject()
          .put("sessionId", id).put("sql", sql).put("params", new JsonArray(params)));
    }

    /** The rows of the last result of {@code sql}. */
    public Future<JsonArray> rows(String sql) {
      return execute(sql).map(r -> {
        JsonArray results = r.getJsonArray("results");
        return results.getJsonObject(results.size() - 1).getJsonArray("rows");
      });
    }

    public Future<Void> close() {
      return request(Addresses.node(node, Addresses.CLOSE), new JsonObject().put("sessionId", id))
          .mapEmpty();
    }
  }

  /** Opens a session on any coordinator ({@code node == null}) or on the named node. */
  public Future<ClientSession> open(String node, String user, String password,
      JsonObject options) {
    JsonObject body = new JsonObject().put("user", user).put("password", password);
    if (options != null) {
      body.put("options", options);
    }
    if (callerNode != null) {
      body.put("callerNode", callerNode);
    }
    String address = node == null ? Addresses.cluster(Addresses.OPEN)
        : Addresses.node(node, Addresses.OPEN);
    return request(address, body)
        .map(r -> new ClientSession(r.getString("sessionId"), r.getString("node")));
  }

  /** Sends {@code body} to {@code address}; a typed failure becomes a SnapsyncException. */
  public Future<JsonObject> request(String address, Object body) {
    return vertx.eventBus().<JsonObject>request(address, body, delivery)
        .map(m -> m.body())
        .recover(t -> Future.failedFuture(toException(t)));
  }

  /** The {@link SnapsyncException} of a failed reply, or {@code t} itself. */
  public static Throwable toException(Throwable t) {
    if (t instanceof ReplyException re && re.getMessage() != null
        && re.getMessage().startsWith("{")) {
      JsonObject j = new JsonObject(re.getMessage());
      return new ApiException(re.failureCode(), j);
    }
    return t;
  }

  /** The text the node rendered for a failure (in the session's language). */
  public static String renderedMessage(Throwable t) {
    return t instanceof ApiException a ? a.json().getString("message") : t.getMessage();
  }

  /** A typed failure reply: the SnapsyncException plus the code and the reply JSON. */
  public static final class ApiException extends SnapsyncException {
    private final int code;
    private final JsonObject json;

    ApiException(int code, JsonObject json) {
      super(fromJsonState(json), fromJson(json).severity(), fromJson(json).message(),
          fromJson(json).detail(), fromJson(json).hint(), fromJson(json).position(), null);
      this.code = code;
      this.json = json;
    }

    private static String fromJsonState(JsonObject j) {
      return j.getString("sqlState");
    }

    /** The failure code ({@link ApiErrors}). */
    public int code() {
      return code;
    }

    /** The reply body: sqlState, severity, messageId, message, detail?, hint?, results?. */
    public JsonObject json() {
      return json;
    }
  }
}
