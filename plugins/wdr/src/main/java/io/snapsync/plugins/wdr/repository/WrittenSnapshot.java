package io.snapsync.plugins.wdr.repository;

import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot as stored, with the request outcomes written in the same batch (their request
 * ids and the snapshot id filled in): a crash leaves both or neither.
 *
 * @param info the snapshot's header
 * @param outcomes the outcomes of the requests it served, in the order given
 */
public record WrittenSnapshot(SnapshotInfo info, List<RequestOutcome> outcomes) {

  /** The header's JSON with an {@code outcomes} array. */
  public JsonObject toJson() {
    JsonArray a = new JsonArray();
    outcomes.forEach(o -> a.add(o.toJson()));
    return info.toJson().put("outcomes", a);
  }

  public static WrittenSnapshot fromJson(JsonObject j) {
    List<RequestOutcome> out = new ArrayList<>();
    JsonArray a = j.getJsonArray("outcomes", new JsonArray());
    a.forEach(o -> out.add(RequestOutcome.fromJson((JsonObject) o)));
    JsonObject header = j.copy();
    header.remove("outcomes");
    return new WrittenSnapshot(SnapshotInfo.fromJson(header), out);
  }

  /** Outcomes as they travel in a request ({@code items}). */
  public static JsonArray items(List<RequestOutcome> outcomes) {
    JsonArray a = new JsonArray();
    outcomes.forEach(o -> a.add(o.toJson()));
    return a;
  }

  public static List<RequestOutcome> fromItems(JsonArray a) {
    List<RequestOutcome> out = new ArrayList<>();
    if (a != null) {
      a.forEach(o -> out.add(RequestOutcome.fromJson((JsonObject) o)));
    }
    return out;
  }
}
