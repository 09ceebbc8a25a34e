package io.snapsync.core.cluster;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions of a coordinator without storage: the user is authenticated here, statements run
 * in a backend session on the data node ({@link BackendEndpoint}) over the event bus with a
 * timeout, coordinator-only functions run here ({@link CoordinatorCalls}). A lost data node
 * gives 08006 ({@code cluster.datanode_lost}); the next statement opens a new backend session
 * once a data node is back. Thread-safe.
 */
public final class RemoteSessionManager implements SessionManager {

  private final NodeServices services;
  private final ClusterMembership membership;
  private final long timeoutMillis;
  private final Map<String, RemoteSession> sessions = new ConcurrentHashMap<>();

  public RemoteSessionManager(NodeServices services, ClusterMembership membership,
      long timeoutMillis) {
    this.services = services;
    this.membership = membership;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<Session> open(String user, String password, JsonObject options) {
    return SessionManagerImpl.authenticateThen(services, user, password,
        u -> openAuthenticated(u, options));
  }

  @Override
  public Future<Session> openAuthenticated(String user, JsonObject options) {
    JsonObject opts = options == null ? new JsonObject() : options.copy();
    RemoteSession s = new RemoteSession(this, user, opts);
    return s.connect().map(v -> {
      sessions.put(s.id(), s);
      return (Session) s;
    });
  }

  @Override
  public Optional<Session> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  @Override
  public Collection<Session> sessions() {
    return new ArrayList<>(sessions.values());
  }

  @Override
  public Future<Void> closeAll() {
    List<Future<Void>> all = new ArrayList<>();
    sessions.values().forEach(s -> all.add(s.close()));
    return Future.join(new ArrayList<Future<?>>(all)).mapEmpty();
  }

  void closed(RemoteSession s) {
    sessions.remove(s.id());
  }

  NodeServices services() {
    return services;
  }

  /** Sends {@code body} to the data node's backend; maps transport failures to 08006. */
  Future<JsonObject> backend(String dataNode, JsonObject body) {
    return ClusterTrust.forVertx(services.vertx()).<JsonObject>request(services.vertx(),
            BackendEndpoint.address(dataNode), body,
            new DeliveryOptions().setSendTimeout(timeoutMillis))
        .map(io.vertx.core.eventbus.Message::body)
        .recover(e -> Future.failedFuture(e instanceof SnapsyncException s ? s
            : mapFailure(dataNode, e)));
  }

  /** The live data node's name; fails 08006 when there is none. */
  Future<String> dataNode() {
    return membership.liveDataNode();
  }

  String callerId() {
    return membership.selfId();
  }

  static Throwable mapFailure(String dataNode, Throwable e) {
    if (e instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      try {
        return RemoteSession.fromFailure(new JsonObject(re.getMessage()));
      } catch (RuntimeException notJson) {
        return SnapsyncException.error(SqlState.INTERNAL_ERROR, "internal.error",
            re.getMessage());
      }
    }
    return SnapsyncException.error(SqlState.CONNECTION_FAILURE, "cluster.datanode_lost",
        dataNode, String.valueOf(e.getMessage())).withCause(e);
  }
}
