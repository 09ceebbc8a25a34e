package io.snapsync.core.spi;

import io.snapsync.core.node.NodeInfo;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link SqlFunction} sees of one call: its arguments (already converted to the
 * parameters' types, defaults filled in) and a narrow view of the calling session and node.
 */
public interface FunctionCall {

  List<Object> args();

  /** The session user. */
  String user();

  /** True when the session user holds {@code role} (through the authorization provider). */
  boolean hasRole(String role);

  /** The session's {@code lc_messages}. */
  String lcMessages();

  /** A setting as the session sees it. */
  String setting(String name);

  /** The node running the call. */
  NodeInfo node();

  /**
   * The coordinator that owns the calling client session: {@link #node()}'s name for a
   * session opened on this node, the coordinator's name for a backend session a coordinator
   * without storage opened here.
   */
  default String sessionNode() {
    return node().name();
  }

  Vertx vertx();

  /** A node service registered by the core or an extension. */
  <T> Optional<T> service(Class<T> type);

  /**
   * The calling session's implementation object, for built-in functions that need the
   * transaction (e.g. {@code pg_export_snapshot}); extensions should not need it.
   */
  Object sessionInternals();
}
