package io.snapsync.plugins.wdr.api;

import io.vertx.core.json.JsonObject;

/**
 * Arguments of {@code generate_wdr_report}, as given (validated by the report service).
 *
 * @param beginSnapshotId first snapshot
 * @param endSnapshotId second snapshot (greater than the first)
 * @param type {@code summary}, {@code detail} or {@code all}
 * @param scope {@code cluster} or {@code node}
 * @param nodeName the node of a node-scoped report (null for cluster)
 */
public record ReportRequest(Long beginSnapshotId, Long endSnapshotId, String type, String scope,
    String nodeName) {

  public JsonObject toJson() {
    return new JsonObject().put("begin", beginSnapshotId).put("end", endSnapshotId)
        .put("type", type).put("scope", scope).put("node", nodeName);
  }

  public static ReportRequest fromJson(JsonObject j) {
    return new ReportRequest(j.getLong("begin"), j.getLong("end"), j.getString("type"),
        j.getString("scope"), j.getString("node"));
  }
}
