package io.snapsync.storage;

import java.util.List;

/**
 * The database storage: MVCC rows for transactions plus unversioned key spaces for system
 * data, on one RocksDB instance. The only entry point to RocksDB in snapsync.
 *
 * <p>Thread-safe. Every method may do I/O: call from worker threads, never an event loop.
 * The opener closes the store; closing rolls back open transactions (prepared ones stay).
 */
public interface Store extends AutoCloseable {

  /** Opens (creating if needed) the store in {@code options.directory()}. Blocking. */
  static Store open(StoreOptions options) {
    return io.snapsync.storage.impl.RocksStore.open(options);
  }

  /** A snapshot of everything committed so far. */
  Snapshot latestSnapshot();

  /**
   * Keeps the versions visible to {@code snapshot} until the pin is closed. Fails like
   * {@link #begin(Snapshot)} when the snapshot is older than a reclaim that ran meanwhile.
   */
  SnapshotPin pin(Snapshot snapshot);

  /**
   * Starts a transaction with a new txid reading {@code snapshot}. The snapshot must come from
   * this store; if a {@link #reclaim()} ran since it was taken and nothing kept it (a pin or a
   * transaction using it), the call fails with {@link StorageException.Kind#SERIALIZATION_FAILURE}
   * (snapshot too old) rather than read a partly reclaimed state. {@link #begin()} never does.
   */
  StoreTransaction begin(Snapshot snapshot);

  /**
   * Starts a transaction reading the latest snapshot, registered atomically with respect to
   * reclaim (use this rather than {@code begin(latestSnapshot())}).
   */
  default StoreTransaction begin() {
    return begin(latestSnapshot());
  }

  /** Pins the latest snapshot, atomically with respect to reclaim. */
  default SnapshotPin pinLatest() {
    return pin(latestSnapshot());
  }

  /**
   * Pins {@code snapshot} persistently under {@code name} (synced to disk before returning),
   * atomically with respect to reclaim; fails like {@link #pin} for a reclaimed snapshot and
   * with {@link IllegalArgumentException} when a durable pin of that name exists.
   */
  DurablePin pinDurable(String name, Snapshot snapshot, byte[] attachment);

  /** The live durable pins, including those restored at open, in name order. */
  List<DurablePin> durablePins();

  /** Prepared transactions, including those recovered at open. */
  List<PreparedTransaction> preparedTransactions();

  /** Commits a prepared transaction; {@link StorageException.Kind#UNKNOWN_GID} if none. */
  void commitPrepared(String gid);

  /** Rolls back a prepared transaction; {@link StorageException.Kind#UNKNOWN_GID} if none. */
  void rollbackPrepared(String gid);

  /** The unversioned key space named in {@link StoreOptions#kvSpaces()}. */
  KvSpace space(String name);

  /** A new batch for {@link #write}. */
  WriteBatch newBatch();

  /** Applies the batch atomically and durably. */
  void write(WriteBatch batch);

  /** Removes versions no pinned snapshot (nor the latest) can see; returns how many. */
  long reclaim();

  /** The history window: commit times and reclaim's time-based horizon. */
  CommitHistory history();

  /**
   * What each of {@code snapshots} keeps from reclaim (one scan of the row versions), in the
   * same order. Blocking; cost grows with the number of versions.
   */
  List<Holdback> holdback(List<Snapshot> snapshots);

  StoreStats stats();

  /**
   * The live rows, the versions pending reclaim and the stored bytes of the user keys
   * {@code from <= key < to} (one scan of their versions). Blocking.
   */
  RangeUsage usage(byte[] from, byte[] to);

  @Override
  void close();
}
