package io.snapsync.core.txn;

import io.snapsync.storage.Snapshot;
import io.vertx.core.json.JsonObject;

/**
 * A durable exported snapshot: a snapshot with a lease that outlives its exporting transaction
 * and the node's restarts. Immutable; a renewal makes a new value.
 *
 * @param id {@code %016X-%016X-D}: the commit sequence, a random 64-bit tag, and {@code D}
 * @param snapshot the exported MVCC snapshot
 * @param exporterTxid the exporting transaction
 * @param owner the exporting user (who may renew and release it, besides SYSADMIN)
 * @param node the node the export was made on
 * @param isolation the exporter's isolation level
 * @param readOnly whether the exporter was a read-only transaction
 * @param database the database name
 * @param createdAtMillis when it was exported, node clock
 * @param leaseEndMillis when its lease ends, node clock
 * @param momentMillis for a snapshot of a past moment ({@code snapsync_snapshot_at}) the
 *     moment whose committed state it is; null for an exported transaction snapshot
 */
public record DurableSnapshot(String id, Snapshot snapshot, long exporterTxid, String owner,
    String node, IsolationLevel isolation, boolean readOnly, String database,
    long createdAtMillis, long leaseEndMillis, Long momentMillis) {

  /** {@code durable} for an export, {@code past moment} for a snapshot of a past moment. */
  public String kind() {
    return momentMillis == null ? "durable" : "past moment";
  }

  /** True once the lease has ended at {@code nowMillis}. */
  public boolean expiredAt(long nowMillis) {
    return nowMillis >= leaseEndMillis;
  }

  public DurableSnapshot withLeaseEnd(long millis) {
    return new DurableSnapshot(id, snapshot, exporterTxid, owner, node, isolation, readOnly,
        database, createdAtMillis, millis, momentMillis);
  }

  /** The view the import checks and the snapshot log use. */
  public ExportedSnapshot asExported() {
    return new ExportedSnapshot(id, snapshot, exporterTxid, null, owner, node, isolation,
        readOnly, database, createdAtMillis);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("seq", snapshot.commitSeq())
        .put("txid", exporterTxid).put("owner", owner).put("node", node)
        .put("isolation", isolation.text()).put("read_only", readOnly)
        .put("database", database).put("created", createdAtMillis)
        .put("lease_end", leaseEndMillis).put("moment", momentMillis);
  }

  static DurableSnapshot fromJson(JsonObject j) {
    IsolationLevel iso = IsolationLevel.parse(j.getString("isolation", "repeatable read"));
    return new DurableSnapshot(j.getString("id"), new Snapshot(j.getLong("seq")),
        j.getLong("txid", 0L), j.getString("owner"), j.getString("node"),
        iso == null ? IsolationLevel.REPEATABLE_READ : iso, j.getBoolean("read_only", false),
        j.getString("database", SnapshotRegistry.DATABASE), j.getLong("created", 0L),
        j.getLong("lease_end", 0L), j.getLong("moment"));
  }
}
