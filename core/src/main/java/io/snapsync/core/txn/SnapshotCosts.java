package io.snapsync.core.txn;

import io.snapsync.storage.Holdback;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every live exported snapshot (transaction, durable, past moment) costs: the row versions
 * and bytes it keeps from reclaim (computed by the store in one scan), how many imports it had
 * (from the snapshot log, so counted across restarts), and the age of the oldest state it pins
 * (now minus the moment for a past-moment snapshot, minus the export time otherwise).
 * Blocking (worker threads only).
 */
public final class SnapshotCosts {

  /**
   * One live snapshot's cost.
   *
   * @param id the snapshot id
   * @param kind {@code transaction}, {@code durable} or {@code past moment}
   * @param owner the exporting user
   * @param importers imports logged so far
   * @param holdback versions and bytes kept from reclaim because of it
   * @param oldestStateAgeMillis age of the oldest state it pins
   */
  public record Cost(String id, String kind, String owner, long importers, Holdback holdback,
      long oldestStateAgeMillis) {
  }

  private SnapshotCosts() {
  }

  /** The costs of every live snapshot of {@code registry}, by id. */
  public static Map<String, Cost> of(SnapshotRegistry registry, DurableSnapshots durable,
      SnapshotLog log, Store store, long nowMillis) {
    List<String> ids = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    List<Long> since = new ArrayList<>();
    for (ExportedSnapshot s : registry.exported()) {
      ids.add(s.id());
      kinds.add("transaction");
      owners.add(s.user());
      snapshots.add(s.snapshot());
      since.add(s.exportedAtMillis());
    }
    for (DurableSnapshot d : durable == null ? List.<DurableSnapshot>of() : durable.live()) {
      ids.add(d.id());
      kinds.add(d.kind());
      owners.add(d.owner());
      snapshots.add(d.snapshot());
      since.add(d.momentMillis() != null ? d.momentMillis() : d.createdAtMillis());
    }
    Map<String, Long> imports = importsById(log);
    List<Holdback> held = store.holdback(snapshots);
    Map<String, Cost> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      out.put(ids.get(i), new Cost(ids.get(i), kinds.get(i), owners.get(i),
          imports.getOrDefault(ids.get(i), 0L), held.get(i),
          Math.max(0, nowMillis - since.get(i))));
    }
    return out;
  }

  private static Map<String, Long> importsById(SnapshotLog log) {
    Map<String, Long> n = new HashMap<>();
    for (JsonObject j : log.entries()) {
      if ("import".equals(j.getString("event")) && j.getString("id") != null) {
        n.merge(j.getString("id"), 1L, Long::sum);
      }
    }
    return n;
  }
}
