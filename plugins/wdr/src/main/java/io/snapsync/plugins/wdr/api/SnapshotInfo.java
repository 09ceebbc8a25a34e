package io.snapsync.plugins.wdr.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The header of a stored WDR snapshot.
 *
 * @param snapshotId increasing id
 * @param startMillis when collection started (epoch millis)
 * @param endMillis when collection ended
 * @param trigger {@code periodic} or {@code manual}
 * @param nodes names of the nodes whose data it holds
 * @param failures collectors or nodes that failed: {@code {node: {collector: reason}}}
 */
public record SnapshotInfo(long snapshotId, long startMillis, long endMillis, String trigger,
    List<String> nodes, JsonObject failures) {

  public SnapshotInfo {
    nodes = List.copyOf(nodes);
  }

  public JsonObject toJson() {
    return new JsonObject().put("snapshot_id", snapshotId).put("start_ts", startMillis)
        .put("end_ts", endMillis).put("trigger", trigger).put("nodes", new JsonArray(nodes))
        .put("failures", failures);
  }

  @SuppressWarnings("unchecked")
  public static SnapshotInfo fromJson(JsonObject j) {
    return new SnapshotInfo(j.getLong("snapshot_id"), j.getLong("start_ts"), j.getLong("end_ts"),
        j.getString("trigger"), (List<String>) (List<?>) j.getJsonArray("nodes").getList(),
        j.getJsonObject("failures", new JsonObject()));
  }
}
