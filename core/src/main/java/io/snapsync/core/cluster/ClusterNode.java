package io.snapsync.core.cluster;

import io.vertx.core.json.JsonObject;

/**
 * A node of the cluster as {@link ClusterMembership} sees it.
 *
 * @param name node name from its configuration
 * @param role {@code coordinator}, {@code datanode} or {@code coordinator+datanode}
 * @param address the Hazelcast member address ({@code host:port}), or {@code local}
 * @param nodeId the Vert.x node id (event-bus identity)
 * @param local whether this is the node answering
 * @param up whether the node is a live cluster member (false: it left or crashed)
 */
public record ClusterNode(String name, String role, String address, String nodeId,
    boolean local, boolean up) {

  /** Whether the node accepts sessions and runs a snapshot worker. */
  public boolean coordinator() {
    return role.startsWith("coordinator");
  }

  /** Whether the node holds the database. */
  public boolean dataNode() {
    return role.endsWith("datanode");
  }

  /** {@code up} or {@code left}. */
  public String state() {
    return up ? "up" : "left";
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("role", role).put("address", address)
        .put("nodeId", nodeId).put("local", local).put("state", state());
  }
}
