package io.snapsync.storage.impl;

import io.snapsync.storage.CommitHistory;
import io.snapsync.storage.DurablePin;
import io.snapsync.storage.Holdback;
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
import java.nio.file.Files;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * records) and one per key space. Commits go through the {@link CommitPipeline}; row locks
 * live in the {@link LockTable}; pins and open transactions' snapshots in the
 * {@link PinRegistry}, which bounds the {@link Reclaimer}.
 */
public final class RocksStore implements Store {

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
  private final Versions versions = Versions.create();
  private final CommitPipeline commits;
  private final TxidAllocator txids;
  private final Reclaimer reclaimer;
  private final PreparedTransactions prepared;
  private final DurablePins durablePins;
  private final Map<String, RocksKvSpace> spaces = new LinkedHashMap<>();

  private RocksStore(StoreOptions options, RocksHandles handles) {
    this.options = options;
    this.h = handles;
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "snapsync-store-timer");
      t.setDaemon(true);
      return t;
    });
    // Lock waits are mostly granted before their timeout: drop cancelled timeouts at once.
    timer.setRemoveOnCancelPolicy(true);
    this.scheduler = timer;
    this.locks = new LockTable(scheduler, options.lockTimeoutMillis());
    this.pins = new PinRegistry(options.clock());
    this.commits = new CommitPipeline(h, guard, versions, options.clock());
    this.txids = new TxidAllocator(h, guard);
    this.reclaimer = new Reclaimer(h, guard, versions);
    this.prepared = new PreparedTransactions(h, guard, locks, commits, options.clock());
    this.durablePins = new DurablePins(h, guard, pins);
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
      txids.recover();
      commits.recover(versions.scan(h.db, h.mvcc));
      prepared.recover();
      durablePins.recover();
    } catch (RocksDBException e) {
      throw io("recovery at open: " + options.directory(), e);
    } catch (IOException e) {
      throw new StorageException(Kind.IO, "decode prepared transaction: " + options.directory(),
          e);
    }
  }

  // ---------------------------------------------------------------- snapshots, transactions

  @Override
  public Snapshot latestSnapshot() {
    checkOpen();
    return new Snapshot(commits.lastSeq());
  }

  @Override
  public SnapshotPin pin(Snapshot snapshot) {
    checkOpen();
    checkNotFuture(snapshot);
    return pins.pin(snapshot);
  }

  @Override
  public SnapshotPin pinLatest() {
    checkOpen();
    return pins.pinLatest(commits::lastSeq);
  }

  @Override
  public DurablePin pinDurable(String name, Snapshot snapshot, byte[] attachment) {
    checkOpen();
    checkNotFuture(snapshot);
    return durablePins.pin(name, snapshot, attachment);
  }

  @Override
  public List<DurablePin> durablePins() {
    checkOpen();
    return durablePins.list();
  }

  @Override
  public StoreTransaction begin(Snapshot snapshot) {
    checkOpen();
    checkNotFuture(snapshot);
    RocksTransaction tx = new RocksTransaction(this, txids.next(), snapshot);
    pins.addTransaction(snapshot.commitSeq());
    open.add(tx);
    return tx;
  }

  @Override
  public StoreTransaction begin() {
    checkOpen();
    long txid = txids.next();
    long seq = pins.addTransactionAtLatest(commits::lastSeq);
    RocksTransaction tx = new RocksTransaction(this, txid, new Snapshot(seq));
    open.add(tx);
    return tx;
  }

  void checkNotFuture(Snapshot snapshot) {
    long last = commits.lastSeq();
    if (snapshot.commitSeq() > last || snapshot.commitSeq() < 0) {
      throw new IllegalArgumentException("snapshot " + snapshot.commitSeq()
          + " is not a snapshot of this store (last commit " + last + ")");
    }
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
    return commits.apply(writes, b -> { });
  }

  /** Commit seq of the newest committed version of {@code key}, or -1. */
  long newestVersionSeq(byte[] key) {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] k = Versions.seekNewest(it, key);
      return k == null ? -1 : KeyCodec.seqOf(k);
    } catch (RocksDBException e) {
      throw io("read newest version at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  byte[] latestCommitted(byte[] key) {
    guard.enter();
    try (RocksIterator it = h.db.newIterator(h.mvcc)) {
      byte[] v = Versions.newestValue(it, key);
      return v == null || KeyCodec.isTombstone(v) ? null : KeyCodec.payload(v);
    } catch (RocksDBException e) {
      throw io("read latest committed row at " + h.path, e);
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
      NavigableMap<byte[], byte[]> overlay, byte[] attachment) {
    prepared.prepare(tx, gid, owner, overlay, attachment);
  }

  @Override
  public List<PreparedTransaction> preparedTransactions() {
    checkOpen();
    return prepared.list();
  }

  @Override
  public void commitPrepared(String gid) {
    checkOpen();
    prepared.commit(gid);
  }

  @Override
  public void rollbackPrepared(String gid) {
    checkOpen();
    prepared.rollback(gid);
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
      throw io("write batch to key spaces at " + h.path, e);
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
    checkOpen();
    return reclaimer.reclaim(() -> pins.horizon(Math.min(commits.lastSeq(),
        commits.times().horizonAndPrune())));
  }

  @Override
  public CommitHistory history() {
    checkOpen();
    return commits.times();
  }

  @Override
  public List<Holdback> holdback(List<Snapshot> snapshots) {
    checkOpen();
    guard.enter();
    try {
      return Holdbacks.compute(h, snapshots);
    } catch (RocksDBException e) {
      throw io("count the versions snapshots hold back at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public io.snapsync.storage.RangeUsage usage(byte[] from, byte[] to) {
    checkOpen();
    guard.enter();
    try {
      return RangeUsages.compute(h, from, to);
    } catch (RocksDBException e) {
      throw io("count the versions of a key range at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public StoreStats stats() {
    guard.enter();
    try {
      return new StoreStats(pins.livePins(), pins.oldestPinAgeMillis(),
          Math.max(0, versions.pending.get()), versions.reclaimed.get(), commits.lastSeq(),
          h.rocksdbStats(), locks.waiters());
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
      throw io("bare scan of mvcc at " + h.path, e);
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
    return commits.lastSeq();
  }

  String path() {
    return h.path;
  }

  RocksDB db() {
    return h.db;
  }

  WriteOptions commitWriteOptions() {
    return h.commitWrite;
  }

  WriteOptions unsyncedWriteOptions() {
    return h.plainWrite;
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
    locks.close(new StorageException(Kind.CLOSED, "store is closing"));
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
