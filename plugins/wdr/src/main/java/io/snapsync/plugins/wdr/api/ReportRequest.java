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
 * @param lcMessages the language of the page's headers and labels ({@code lc_messages} of the
 *     caller; null is English)
 */
public record ReportRequest(Long beginSnapshotId, Long endSnapshotId, String type, String scope,
    String nodeName, String lcMessages) {

  /** A request for an English page. */
  public ReportRequest(Long beginSnapshotId, Long endSnapshotId, String type, String scope,
      String nodeName) {
    this(beginSnapshotId, endSnapshotId, type, scope, nodeName, null);
  }

  /** The same request, its page in the language of {@code lc}. */
  public ReportRequest inLanguage(String lc) {
    return new ReportRequest(beginSnapshotId, endSnapshotId, type, scope, nodeName, lc);
  }

  public JsonObject toJson() {
    return new JsonObject().put("begin", beginSnapshotId).put("end", endSnapshotId)
        .put("type", type).put("scope", scope).put("node", nodeName)
        .put("lc_messages", lcMessages);
  }

  public static ReportRequest fromJson(JsonObject j) {
    return new ReportRequest(j.getLong("begin"), j.getLong("end"), j.getString("type"),
        j.getString("scope"), j.getString("node"), j.getString("lc_messages"));
  }
}
