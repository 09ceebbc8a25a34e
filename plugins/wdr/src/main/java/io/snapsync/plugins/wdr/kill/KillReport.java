package io.snapsync.plugins.wdr.kill;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a kill found on each coordinator it addressed, by node name. Immutable.
 *
 * @param nodes node name to its result
 * @param timeoutMillis the bound the kill waited for
 */
public record KillReport(Map<String, Result> nodes, long timeoutMillis) {

  /** One coordinator's answer. */
  public enum Result {
    /** The worker has stopped (or was not running). */
    STOPPED,
    /** The node answered but its worker did not stop within the bound. */
    NOT_STOPPED,
    /** No answer within the bound (or no worker control there). */
    NO_ANSWER,
    /** The node left the cluster while the kill waited for it. */
    LEFT
  }

  public KillReport {
    nodes = java.util.Collections.unmodifiableMap(new TreeMap<>(nodes));
  }

  /** Whether every addressed worker stopped. */
  public boolean allStopped() {
    return nodes.values().stream().allMatch(r -> r == Result.STOPPED);
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject();
    nodes.forEach((k, v) -> j.put(k, v.name()));
    return new JsonObject().put("nodes", j).put("timeoutMillis", timeoutMillis);
  }
}
