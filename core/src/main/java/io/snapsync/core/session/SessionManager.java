package io.snapsync.core.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Optional;

/**
 * Opens and tracks the sessions of this coordinator. Thread-safe.
 */
public interface SessionManager {

  /**
   * Authenticates {@code user} with {@code password} and opens a session. {@code options} may
   * carry {@code database} (must be {@code snapsync}, else 3D000), {@code lc_messages} and
   * other session settings, and {@code application_name}. Fails 28P01 on bad credentials.
   */
  Future<Session> open(String user, String password, JsonObject options);

  /** Opens a session for a user the caller authenticated itself (e.g. SCRAM over the wire). */
  Future<Session> openAuthenticated(String user, JsonObject options);

  /**
   * Opens a session for an authenticated user on behalf of coordinator {@code sessionNode}
   * (a coordinator without storage whose client session runs its statements here); system
   * tables and functions see that coordinator as the session's node. The default ignores it.
   */
  default Future<Session> openAuthenticated(String user, JsonObject options,
      String sessionNode) {
    return openAuthenticated(user, options);
  }

  Optional<Session> find(String sessionId);

  Collection<Session> sessions();

  /** Closes every session (node shutdown). */
  Future<Void> closeAll();
}
