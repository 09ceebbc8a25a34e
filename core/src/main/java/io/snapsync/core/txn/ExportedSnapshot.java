package io.snapsync.core.txn;

import io.snapsync.storage.Snapshot;

/**
 * An exported transaction snapshot as the registry records it.
 *
 * @param id {@code %016X-%d}: exporter txid and the export counter of that transaction
 * @param snapshot the exported MVCC snapshot
 * @param exporterTxid the exporting transaction
 * @param sessionId the exporting session
 * @param user the exporting user
 * @param node the node the export was made on
 * @param isolation the exporter's isolation level
 * @param readOnly whether the exporter is a read-only transaction
 * @param database the database name ({@code snapsync})
 * @param exportedAtMillis when, in the node clock's millis
 * @param coordinator the coordinator of the exporting session (the node the user connected
 *     to; {@code node} when the session is local to the data node)
 */
public record ExportedSnapshot(String id, Snapshot snapshot, long exporterTxid, String sessionId,
    String user, String node, IsolationLevel isolation, boolean readOnly, String database,
    long exportedAtMillis, String coordinator) {

  /** An export whose session is local to the data node ({@code coordinator = node}). */
  public ExportedSnapshot(String id, Snapshot snapshot, long exporterTxid, String sessionId,
      String user, String node, IsolationLevel isolation, boolean readOnly, String database,
      long exportedAtMillis) {
    this(id, snapshot, exporterTxid, sessionId, user, node, isolation, readOnly, database,
        exportedAtMillis, node);
  }
}
