package io.snapsync.storage;

/**
 * A plain, unversioned key space (one RocksDB column family) for system data: the snapshot
 * log, WDR snapshots, request outcomes. Thread-safe; blocking calls for worker threads.
 */
public interface KvSpace {

  String name();

  byte[] get(byte[] key);

  void put(byte[] key, byte[] value);

  /**
   * Like {@link #put} but written to the write-ahead log without waiting for it to reach the
   * disk: it survives a crash of the process (kill -9), not of the machine. For append-only
   * audit records on hot paths (the snapshot log).
   */
  void putUnsynced(byte[] key, byte[] value);

  void delete(byte[] key);

  /** Entries with {@code from <= key < to} in key order ({@code null} bounds are open). */
  CloseableIterator<KeyValue> scan(byte[] from, byte[] to);

  /** Same as {@link #scan} from the last key backwards. */
  CloseableIterator<KeyValue> scanReverse(byte[] from, byte[] to);
}
