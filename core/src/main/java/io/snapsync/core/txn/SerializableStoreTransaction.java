package io.snapsync.core.txn;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;

/**
 * The store transaction of a SERIALIZABLE transaction: every read is a predicate read and
 * every write a possible conflict for the {@link SerializableTracker}. This is the one hook of
 * serializable snapshot isolation: anything that reads table data (sequential and key-range
 * scans, key look-ups, index scans, joins and subqueries, uniqueness checks) reads through the
 * session's {@link StoreTransaction}, so its key range is recorded here; a scan records the
 * whole range it asked for, even when the caller stops early. Index scans need nothing more:
 * an index range read here conflicts with an index entry another transaction writes.
 *
 * <p>Not thread-safe, like the transaction it wraps.
 */
final class SerializableStoreTransaction implements StoreTransaction {

  private final StoreTransaction inner;
  private final SerializableTracker tracker;
  private final SerializableXact xact;

  SerializableStoreTransaction(StoreTransaction inner, SerializableTracker tracker,
      SerializableXact xact) {
    this.inner = inner;
    this.tracker = tracker;
    this.xact = xact;
    tracker.bindTxid(xact, inner.txid());
  }

  SerializableXact xact() {
    return xact;
  }

  @Override
  public long txid() {
    return inner.txid();
  }

  @Override
  public Snapshot snapshot() {
    return inner.snapshot();
  }

  @Override
  public void setSnapshot(Snapshot snapshot) {
    inner.setSnapshot(snapshot);
  }

  @Override
  public Snapshot useLatestSnapshot() {
    return inner.useLatestSnapshot();
  }

  @Override
  public byte[] get(byte[] key) {
    tracker.read(xact, key, null, true);
    return inner.get(key);
  }

  @Override
  public CloseableIterator<KeyValue> scan(byte[] from, byte[] to) {
    tracker.read(xact, from, to, false);
    return inner.scan(from, to);
  }

  @Override
  public Future<Void> lock(byte[] key, boolean failIfChangedSinceSnapshot) {
    return inner.lock(key, failIfChangedSinceSnapshot);
  }

  @Override
  public byte[] latestCommitted(byte[] key) {
    return inner.latestCommitted(key);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    tracker.write(xact, key);
    inner.put(key, value);
  }

  @Override
  public void delete(byte[] key) {
    tracker.write(xact, key);
    inner.delete(key);
  }

  @Override
  public int savepoint() {
    return inner.savepoint();
  }

  @Override
  public void rollbackTo(int savepoint) {
    inner.rollbackTo(savepoint);
  }

  @Override
  public boolean isReadOnly() {
    return inner.isReadOnly();
  }

  /** Checks for dangerous structures first (40001), then commits and reports the order. */
  @Override
  public long commit() {
    try {
      tracker.preCommit(xact);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
    long seq;
    try {
      seq = inner.commit();
    } catch (RuntimeException e) {
      tracker.rolledBack(xact);
      throw e;
    }
    tracker.committed(xact, xact.writes.isEmpty() ? 0 : seq);
    return seq;
  }

  @Override
  public void rollback() {
    try {
      inner.rollback();
    } finally {
      tracker.rolledBack(xact);
    }
  }

  /** Checks like {@link #commit}, then persists the read tracking with the prepared record. */
  @Override
  public void prepare(String gid, String owner, byte[] attachment) {
    try {
      tracker.preCommit(xact);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
    try {
      inner.prepare(gid, owner, tracker.preparedState(xact));
    } catch (RuntimeException e) {
      tracker.rolledBack(xact);
      throw e;
    }
    tracker.prepared(xact, gid);
  }
}
