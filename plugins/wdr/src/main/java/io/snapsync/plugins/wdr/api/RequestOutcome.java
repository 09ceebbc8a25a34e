package io.snapsync.plugins.wdr.api;

import io.snapsync.core.error.Message;
import io.vertx.core.json.JsonObject;

/**
 * The recorded outcome of one snapshot request, as {@code wdr_snapshot_requests} shows it.
 *
 * @param requestId increasing id assigned when the outcome is recorded (0 before)
 * @param requestedAtMillis when the request arrived (epoch millis)
 * @param requestedBy session user, or {@code periodic} for the schedule
 * @param node the coordinator whose worker handled it
 * @param outcome taken, merged, skipped or failed
 * @param reason why it failed or was skipped, as a catalog message (null otherwise)
 * @param snapshotId the snapshot that served it, or 0
 */
public record RequestOutcome(long requestId, long requestedAtMillis, String requestedBy,
    String node, Outcome outcome, Message reason, long snapshotId) {

  public RequestOutcome withId(long id) {
    return new RequestOutcome(id, requestedAtMillis, requestedBy, node, outcome, reason,
        snapshotId);
  }

  public JsonObject toJson() {
    return new JsonObject().put("request_id", requestId).put("requested_at", requestedAtMillis)
        .put("requested_by", requestedBy).put("node", node).put("outcome", outcome.name())
        .put("reason", reason == null ? null : reason.toJson()).put("snapshot_id", snapshotId);
  }

  public static RequestOutcome fromJson(JsonObject j) {
    return new RequestOutcome(j.getLong("request_id", 0L), j.getLong("requested_at"),
        j.getString("requested_by"), j.getString("node"), Outcome.valueOf(j.getString("outcome")),
        Message.fromJson(j.getJsonObject("reason")), j.getLong("snapshot_id", 0L));
  }
}
