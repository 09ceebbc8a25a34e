package io.snapsync.plugins.wdr.api;

import io.vertx.core.json.JsonObject;

/**
 * A named range of snapshots kept by retention (as AWR baselines).
 *
 * @param name unique name
 * @param beginSnapshotId first snapshot of the range
 * @param endSnapshotId last snapshot of the range
 */
public record Baseline(String name, long beginSnapshotId, long endSnapshotId) {

  public static Baseline fromJson(JsonObject j) {
    return new Baseline(j.getString("name"), j.getLong("begin"), j.getLong("end"));
  }
}
