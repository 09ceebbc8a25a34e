package io.snapsync.core.eventbus;

/**
 * Event-bus addresses of the session API (docs/event-bus-api.md). Each has a cluster-wide form
 * ({@code snapsync.session.open}: any coordinator answers, round-robin) and a node form
 * ({@code snapsync.<node>.session.open}: that node answers). {@code execute} and {@code close}
 * must reach the node that opened the session: use the node form with the {@code node} returned
 * by {@code open}.
 */
public final class Addresses {

  public static final String PREFIX = "snapsync.";
  public static final String OPEN = "session.open";
  public static final String EXECUTE = "session.execute";
  public static final String CLOSE = "session.close";
  /** One address taking {@code {"op": "open"|"execute"|"close"|"ping", ...}}. */
  public static final String API = "api";

  private Addresses() {
  }

  /** {@code snapsync.<suffix>}, answered by any coordinator. */
  public static String cluster(String suffix) {
    return PREFIX + suffix;
  }

  /** {@code snapsync.<node>.<suffix>}, answered by that node. */
  public static String node(String node, String suffix) {
    return PREFIX + node + "." + suffix;
  }
}
