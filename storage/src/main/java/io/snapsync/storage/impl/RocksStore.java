package io.snapsync.storage.impl;

import io.snapsync.storage.KvSpace;
import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreStats;
import io.snapsync.storage.StoreTransaction;
import io.snapsync.storage.WriteBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB implementation of {@link Store}: MVCC over a plain {@link RocksDB} with column
 * families {@code default} (meta), {@code mvcc} (versioned rows), {@code prepared} (2PC
 * records) and one per key space.
 *
 * <p>Commits are serialized by {@link #commitLock}: the commit seq is assigned, one WriteBatch
 * (all versions and the new last seq) is written, and only then is {@link #lastSeq} published,
 * so a snapshot never sees half a commit.
 */
public final class RocksStore implements Store {

  static final byte[] META_LAST_SEQ = "last_commit_seq".getBytes(StandardCharsets.UTF_8);
  static final byte[] META_TXID_HW = "txid_high_water".getBytes(StandardCharsets.UTF_8);
  private static final long TXID_BLOCK = 16_384;
  private static final int RECLAIM_BATCH = 1000;

  static {
    RocksDB.loadLibrary();
  }

  private final StoreOptions options;
  private final RocksHandles h;
  private final Guard guard = new Guard();
  private final Set<NativeIterator> iterators = ConcurrentHashMap.newKeySet();
  private final Set<RocksTransaction> open = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private final LockTable locks;
  private final PinRegistry pins;
  private final Map<String, RocksKvSpace> spaces = new LinkedHashMap<>();
  private final Map<String, PreparedRecord> prepared = new LinkedHashMap<>();
  private final Object commitLock = new Object();
  private final Object txidLock = new Object();
  private final Object reclaimLock = new Object();
  private final AtomicLong nextTxid = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong reclaimed = new AtomicLong();
  private volatile long lastSeq;
  /** Highest seq handed to a committer (guarded by commitLock); {@code >= lastSeq}. */
  private long assignedSeq;
  private final SeqPublisher publisher = new SeqPublisher(s -> lastSeq = s);
  private volatile long txidLimit;

  private RocksStore(StoreOptions options, RocksHandles handles) {
    this.options = options;
    this.h = handles;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "snapsync-store-timer");
      t.setDaemon(true);
      return t;
    });
    this.locks = new LockTable(scheduler, options.lockTimeoutMillis());
    this.pins = new PinRegistry(options.clock());
    for (String name : options.kvSpaces()) {
      spaces.put(name, new RocksKvSpace(this, name, h.space(name)));
    }
  }

  /** Opens (creating if needed) the store. Blocking. */
  public static Store open(StoreOptions options) {
    try {
      Files.createDirectories(options.directory());
    } catch (IOException e) {
      throw new StorageException(Kind.IO, "create data directory: " + options.directory(), e);
    }
    RocksHandles handles = RocksHandles.open(options);
    RocksStore store = new RocksStore(options, handles);
    try {
      store.recover();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private void recover() {
    try {
      byte[] last = h.db.get(h.meta, META_LAST_SEQ);
      long seq = last == null ? 0 : KeyCodec.getLong(last, 0);
      byte[] hw = h.db.get(h.meta, META_TXID_HW);
      long start = hw == null ? 1 : KeyCodec.getLong(hw, 0);
      nextTxid.set(start);
      persistTxidLimit(start + TXID_BLOCK);
      long[] counts = scanVersions();
      pending.set(counts[0]);
      // Concurrent batches may reach the WAL out of seq order: the meta value can lag.
      seq = Math.max(seq, counts[1]);
      lastSeq = seq;
      assignedSeq = seq;
      publisher.reset(seq);
      try (RocksIterator it = h.db.newIterator(h.prepared)) {
        for (it.seekToFirst(); it.isValid(); it.next()) {
          PreparedRecord rec = PreparedRecord.decode(it.value());
          prepared.put(rec.gid(), rec);
          for (byte[] k : rec.lockKeys()) {
            locks.grant(rec.txid(), k);
          }
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw io("recovery at open: " + options.directory(), e);
    } catch (IOException e) {
      throw new StorageException(Kind.IO, "decode prepared transaction: " + options.directory(),
          e);
    }
  }

  /**
   * One scan of {@code mvcc}: [0] versions a reclaim without pins would delete (all but each
   * key's newest live version), [1] the highest commit seq present.
   */
  private long[] scanVersions() throws RocksDBException {
    long versions = 0;
    long live = 0;
    long maxSeq = 0;
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] group = null;
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        versions++;
        maxSeq = Math.max(maxSeq, KeyCodec.seqOf(k));
        if (group == null || !KeyCodec.samePrefix(group, k)) {
          group = k;
          if (!KeyCodec.isTombstone(it.value())) {
            live++;
          }
        }
      }
      it.status();
    }
    return new long[] {versions - live, maxSeq};
  }

  private void persistTxidLimit(long limit) throws RocksDBException {
    h.db.put(h.meta, h.syncWrite, META_TXID_HW, KeyCodec.longBytes(limit));
    txidLimit = limit;
  }

  private long newTxid() {
    long id = nextTxid.getAndIncrement();
    if (id >= txidLimit) {
      synchronized (txidLock) {
        guard.enter();
        try {
          while (id >= txidLimit) {
            persistTxidLimit(txidLimit + TXID_BLOCK);
          }
        } catch (RocksDBException e) {
          throw io("persist txid high-water mark", e);
        } finally {
          guard.exit();
        }
      }
    }
    return id;
  }

  // ---------------------------------------------------------------- snapshots, transactions

  @Override
  public Snapshot latestSnapshot() {
    checkOpen();
    return new Snapshot(lastSeq);
  }

  @Override
  public SnapshotPin pin(Snapshot snapshot) {
    checkOpen();
    checkNotFuture(snapshot);
    return pins.pin(snapshot);
  }

  @Override
  public StoreTransaction begin(Snapshot snapshot) {
    checkOpen();
    checkNotFuture(snapshot);
    RocksTransaction tx = new RocksTransaction(this, newTxid(), snapshot);
    pins.addTransaction(snapshot.commitSeq());
    open.add(tx);
    return tx;
  }

  void checkNotFuture(Snapshot snapshot) {
    if (snapshot.commitSeq() > lastSeq || snapshot.commitSeq() < 0) {
      throw new IllegalArgumentException("snapshot " + snapshot.commitSeq()
          + " is not a snapshot of this store (last commit " + lastSeq + ")");
    }
  }

  @Override
  public StoreTransaction begin() {
    checkOpen();
    long txid = newTxid();
    long seq = pins.addTransactionAtLatest(() -> lastSeq);
    RocksTransaction tx = new RocksTransaction(this, txid, new Snapshot(seq));
    open.add(tx);
    return tx;
  }

  @Override
  public SnapshotPin pinLatest() {
    checkOpen();
    return pins.pinLatest(() -> lastSeq);
  }

  /** Called when a transaction ends (commit, rollback, prepare). Idempotent. */
  void forget(RocksTransaction tx) {
    if (open.remove(tx)) {
      pins.removeTransaction(tx.snapshot().commitSeq());
    }
  }

  long commit(NavigableMap<byte[], byte[]> overlay) {
    List<Map.Entry<byte[], byte[]>> writes = new ArrayList<>(overlay.size());
    for (Map.Entry<byte[], byte[]> e : overlay.entrySet()) {
      byte[] v = e.getValue() == RocksTransaction.DELETED ? null : e.getValue();
      writes.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), v));
    }
    return apply(writes, b -> { });
  }

  /**
   * Writes {@code writes} (value null: delete) as versions of a new commit seq, plus whatever
   * {@code extra} adds to the same batch; returns once the seq is published.
   *
   * <p>Group commit: seqs are assigned and batches built one at a time under
   * {@link #commitLock}, but the (synced) RocksDB writes run outside it, so concurrent committers
   * share one WAL write and fsync (RocksDB's write groups). Publication is in seq order: a seq
   * becomes {@link #lastSeq} only when it and every smaller seq are written, and a committer
   * returns only after its seq is published.
   */
  private long apply(List<Map.Entry<byte[], byte[]>> writes,
      Consumer<org.rocksdb.WriteBatch> extra) {
    long seq;
    long superseded = 0;
    org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch();
    guard.enter();
    try {
      synchronized (commitLock) {
        seq = ++assignedSeq;
        try (RocksIterator probe = h.db.newIterator(h.mvcc)) {
          for (Map.Entry<byte[], byte[]> w : writes) {
            byte[] before = newestVersion(probe, w.getKey());
            boolean put = w.getValue() != null;
            batch.put(h.mvcc, KeyCodec.encode(w.getKey(), seq),
                put ? KeyCodec.putValue(w.getValue()) : KeyCodec.tombstoneValue());
            // pending = versions - live newest versions (see countPending)
            superseded += (put ? 0 : 1)
                + (before != null && !KeyCodec.isTombstone(before) ? 1 : 0);
          }
          extra.accept(batch);
          batch.put(h.meta, META_LAST_SEQ, KeyCodec.longBytes(seq));
        } catch (RocksDBException | RuntimeException e) {
          publisher.skip(seq);
          throw e;
        }
      }
      try {
        h.db.write(h.commitWrite, batch);
      } catch (RocksDBException | RuntimeException e) {
        publisher.skip(seq);
        throw e;
      }
      pending.addAndGet(superseded);
      publisher.publishAndWait(seq);
      return seq;
    } catch (RocksDBException e) {
      throw io("commit write batch", e);
    } finally {
      batch.close();
      guard.exit();
    }
  }

  /** The raw value (type byte + payload) of the newest version of {@code key}, or null. */
  private static byte[] newestVersion(RocksIterator it, byte[] key) throws RocksDBException {
    byte[] prefix = KeyCodec.groupPrefix(key);
    it.seek(prefix);
    if (!it.isValid()) {
      it.status();
      return null;
    }
    byte[] k = it.key();
    if (k.length != prefix.length + KeyCodec.SEQ_BYTES
        || !java.util.Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
      return null;
    }
    return it.value();
  }

  /** Commit seq of the newest committed version of {@code key}, or -1. */
  long newestVersionSeq(byte[] key) {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] prefix = KeyCodec.groupPrefix(key);
      it.seek(prefix);
      if (!it.isValid()) {
        it.status();
        return -1;
      }
      byte[] k = it.key();
      if (k.length != prefix.length + KeyCodec.SEQ_BYTES
          || !java.util.Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length)) {
        return -1;
      }
      return KeyCodec.seqOf(k);
    } catch (RocksDBException e) {
      throw io("read newest version", e);
    } finally {
      guard.exit();
    }
  }

  byte[] latestCommitted(byte[] key) {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] v = newestVersion(it, key);
      return v == null || KeyCodec.isTombstone(v) ? null : KeyCodec.payload(v);
    } catch (RocksDBException e) {
      throw io("read latest committed row", e);
    } finally {
      guard.exit();
    }
  }

  /** A cursor over rows visible at {@code seq} with {@code lo <= key < hi} (hi null: open). */
  VisibleCursor visibleCursor(byte[] lo, byte[] hi, long seq) {
    guard.enter();
    try {
      NativeIterator nit = newMvccIterator(lo.length == 0 ? null : KeyCodec.lowerBound(lo),
          hi == null ? null : KeyCodec.upperBound(hi));
      return new VisibleCursor(guard, nit, seq);
    } finally {
      guard.exit();
    }
  }

  /** A tracked iterator over the mvcc CF; caller holds the guard. Bounds are encoded keys. */
  NativeIterator newMvccIterator(byte[] lower, byte[] upper) {
    return newIterator(h.mvcc, lower, upper);
  }

  NativeIterator newIterator(ColumnFamilyHandle cf, byte[] lower, byte[] upper) {
    ReadOptions ro = new ReadOptions();
    Slice lo = lower == null ? null : new Slice(lower);
    Slice hi = upper == null ? null : new Slice(upper);
    if (lo != null) {
      ro.setIterateLowerBound(lo);
    }
    if (hi != null) {
      ro.setIterateUpperBound(hi);
    }
    return new NativeIterator(h.db.newIterator(cf, ro), ro, lo, hi, iterators, guard);
  }

  // ---------------------------------------------------------------- two-phase commit

  void prepare(RocksTransaction tx, String gid, String owner,
      NavigableMap<byte[], byte[]> overlay) {
    synchronized (prepared) {
      if (prepared.containsKey(gid)) {
        throw new StorageException(Kind.DUPLICATE_GID,
            "prepared transaction \"" + gid + "\" exists already");
      }
      PreparedRecord rec = PreparedRecord.of(gid, tx.txid(), tx.snapshot().commitSeq(), owner,
          options.clock().millis(), overlay, locks.heldKeys(tx.txid()));
      guard.enter();
      try {
        h.db.put(h.prepared, h.syncWrite, rec.key(), rec.encode());
      } catch (RocksDBException e) {
        throw io("persist prepared transaction " + gid, e);
      } finally {
        guard.exit();
      }
      prepared.put(gid, rec);
    }
  }

  @Override
  public List<PreparedTransaction> preparedTransactions() {
    checkOpen();
    synchronized (prepared) {
      return prepared.values().stream().map(PreparedRecord::describe).toList();
    }
  }

  @Override
  public void commitPrepared(String gid) {
    PreparedRecord rec = claim(gid);
    try {
      apply(rec.writes(), b -> {
        try {
          b.delete(h.prepared, rec.key());
        } catch (RocksDBException e) {
          throw io("delete prepared record " + gid, e);
        }
      });
    } catch (RuntimeException e) {
      unclaim(rec);
      throw e;
    }
    locks.releaseAll(rec.txid());
  }

  @Override
  public void rollbackPrepared(String gid) {
    PreparedRecord rec = claim(gid);
    guard.enter();
    try {
      h.db.delete(h.prepared, h.syncWrite, rec.key());
    } catch (RocksDBException e) {
      unclaim(rec);
      throw io("delete prepared record " + gid, e);
    } finally {
      guard.exit();
    }
    locks.releaseAll(rec.txid());
  }

  private PreparedRecord claim(String gid) {
    checkOpen();
    synchronized (prepared) {
      PreparedRecord rec = prepared.remove(gid);
      if (rec == null) {
        throw new StorageException(Kind.UNKNOWN_GID,
            "prepared transaction \"" + gid + "\" does not exist");
      }
      return rec;
    }
  }

  private void unclaim(PreparedRecord rec) {
    synchronized (prepared) {
      prepared.put(rec.gid(), rec);
    }
  }

  // ---------------------------------------------------------------- key spaces

  @Override
  public KvSpace space(String name) {
    checkOpen();
    KvSpace s = spaces.get(name);
    if (s == null) {
      throw new IllegalArgumentException("no key space \"" + name + "\" (opened: "
          + spaces.keySet() + ")");
    }
    return s;
  }

  @Override
  public WriteBatch newBatch() {
    return new RocksWriteBatch();
  }

  @Override
  public void write(WriteBatch batch) {
    RocksWriteBatch b = (RocksWriteBatch) batch;
    guard.enter();
    try (org.rocksdb.WriteBatch wb = b.toNative(this)) {
      h.db.write(h.commitWrite, wb);
    } catch (RocksDBException e) {
      throw io("write batch to key spaces", e);
    } finally {
      guard.exit();
    }
  }

  ColumnFamilyHandle handleOf(KvSpace space) {
    RocksKvSpace s = spaces.get(space.name());
    if (s != space) {
      throw new IllegalArgumentException("key space " + space.name() + " is not of this store");
    }
    return s.handle();
  }

  // ---------------------------------------------------------------- reclaim, stats

  @Override
  public long reclaim() {
    synchronized (reclaimLock) {
      guard.enter();
      try (RocksIterator it = h.db.newIterator(h.mvcc);
          org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
        long horizon = pins.horizon(lastSeq);
        long deleted = 0;
        byte[] group = null;
        boolean decided = false;
        for (it.seekToFirst(); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (group == null || !KeyCodec.samePrefix(group, k)) {
            group = k;
            decided = false;
          }
          if (KeyCodec.seqOf(k) > horizon) {
            continue;
          }
          // The newest version at or below the horizon stays unless it is a tombstone; every
          // older one goes.
          boolean drop = decided || KeyCodec.isTombstone(it.value());
          decided = true;
          if (drop) {
            batch.delete(h.mvcc, k);
            deleted++;
            if (batch.count() >= RECLAIM_BATCH) {
              h.db.write(h.plainWrite, batch);
              batch.clear();
            }
          }
        }
        it.status();
        if (batch.count() > 0) {
          h.db.write(h.plainWrite, batch);
        }
        reclaimed.addAndGet(deleted);
        pending.addAndGet(-deleted);
        return deleted;
      } catch (RocksDBException e) {
        throw io("reclaim of old versions", e);
      } finally {
        guard.exit();
      }
    }
  }

  @Override
  public StoreStats stats() {
    guard.enter();
    try {
      return new StoreStats(pins.livePins(), pins.oldestPinAgeMillis(),
          Math.max(0, pending.get()), reclaimed.get(), lastSeq, h.rocksdbStats());
    } finally {
      guard.exit();
    }
  }

  /**
   * Counts the entries of the {@code mvcc} column family with a bare RocksDB iterator (reading
   * every key and value), without any MVCC logic: the baseline of the scan benchmark.
   */
  public long bareMvccScan() {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      long n = 0;
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] k = it.key();
        byte[] v = it.value();
        if (k.length + v.length >= 0) {
          n++;
        }
      }
      it.status();
      return n;
    } catch (RocksDBException e) {
      throw io("bare scan of mvcc", e);
    } finally {
      guard.exit();
    }
  }

  // ---------------------------------------------------------------- plumbing

  Guard guard() {
    return guard;
  }

  LockTable locks() {
    return locks;
  }

  PinRegistry pins() {
    return pins;
  }

  long lastSeq() {
    return lastSeq;
  }

  RocksDB db() {
    return h.db;
  }

  WriteOptions commitWriteOptions() {
    return h.commitWrite;
  }

  private void checkOpen() {
    if (guard.isClosed()) {
      throw new StorageException(Kind.CLOSED, "store is closed: " + options.directory());
    }
  }

  static StorageException io(String what, RocksDBException e) {
    String status = e.getStatus() == null ? e.getMessage()
        : e.getStatus().getCodeString() + ": " + e.getMessage();
    return new StorageException(Kind.IO, what + ": " + status, e);
  }

  /**
   * Closes in a fixed order: pending lock waits fail, open transactions roll back, the timer
   * stops, then (with no operation running) iterators, column family handles, the DB, options
   * and statistics. Prepared transactions stay on disk.
   */
  @Override
  public void close() {
    locks.failAll(new StorageException(Kind.CLOSED, "store is closing"));
    for (RocksTransaction tx : new ArrayList<>(open)) {
      tx.rollback();
    }
    if (!guard.closeExclusive()) {
      return;
    }
    try {
      scheduler.shutdownNow();
      for (NativeIterator nit : new ArrayList<>(iterators)) {
        nit.closeNative();
      }
      h.close();
    } finally {
      guard.releaseExclusive();
    }
  }
}
