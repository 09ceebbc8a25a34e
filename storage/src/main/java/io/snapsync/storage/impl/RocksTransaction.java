package io.snapsync.storage.impl;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction of {@link RocksStore}: buffered writes (an ordered overlay plus an undo log for
 * savepoints), the snapshot it reads, and the row locks it holds in the store's lock table.
 */
final class RocksTransaction implements StoreTransaction {

  /** Overlay marker of a buffered delete (compared by identity). */
  static final byte[] DELETED = new byte[0];

  private enum State { OPEN, COMMITTED, ROLLED_BACK, PREPARED }

  /** One buffered write and the overlay value it replaced (null: none), for rollbackTo. */
  private record Op(byte[] key, byte[] previous) {
  }

  private final RocksStore store;
  private final long txid;
  private final TreeMap<byte[], byte[]> overlay = new TreeMap<>(KeyCodec.UNSIGNED);
  private final List<Op> undo = new ArrayList<>();
  private volatile Snapshot snapshot;
  private volatile State state = State.OPEN;
  private final PointReader reader;
  /** Scans not closed yet: closed when the transaction ends. */
  private final List<MvccScanIterator> scans = new ArrayList<>();

  RocksTransaction(RocksStore store, long txid, Snapshot snapshot) {
    this.store = store;
    this.txid = txid;
    this.snapshot = snapshot;
    this.reader = new PointReader(store);
  }

  @Override
  public long txid() {
    return txid;
  }

  @Override
  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public void setSnapshot(Snapshot s) {
    checkOpen();
    store.checkNotFuture(s);
    store.pins().moveTransaction(snapshot.commitSeq(), s.commitSeq());
    snapshot = s;
  }

  @Override
  public Snapshot useLatestSnapshot() {
    checkOpen();
    Snapshot s = new Snapshot(store.pins().moveTransactionToLatest(snapshot.commitSeq(),
        store::lastSeq));
    snapshot = s;
    return s;
  }

  @Override
  public byte[] get(byte[] key) {
    checkOpen();
    byte[] own = overlay.get(key);
    if (own != null) {
      return own == DELETED ? null : own.clone();
    }
    return reader.visible(key, snapshot.commitSeq());
  }

  @Override
  public CloseableIterator<KeyValue> scan(byte[] from, byte[] to) {
    checkOpen();
    byte[] lo = from == null ? new byte[0] : from;
    byte[] hi = to != null && KeyCodec.UNSIGNED.compare(lo, to) > 0 ? lo : to;
    NavigableMap<byte[], byte[]> own;
    if (overlay.isEmpty() || (hi != null && KeyCodec.UNSIGNED.compare(lo, hi) == 0)) {
      own = Collections.emptyNavigableMap();
    } else {
      own = new TreeMap<>(hi == null ? overlay.tailMap(lo, true) : overlay.subMap(lo, true, hi,
          false));
    }
    MvccScanIterator scan = new MvccScanIterator(
        store.visibleCursor(lo, hi, snapshot.commitSeq()), own, scans::remove);
    scans.add(scan);
    return scan;
  }

  @Override
  public Future<Void> lock(byte[] key, boolean failIfChangedSinceSnapshot) {
    if (state != State.OPEN) {
      return Future.failedFuture(closedError());
    }
    if (store.guard().isClosed()) {
      return Future.failedFuture(new StorageException(Kind.CLOSED, "store is closed"));
    }
    Future<Void> granted = store.locks().acquire(txid, key);
    if (!failIfChangedSinceSnapshot) {
      return granted;
    }
    byte[] k = key.clone();
    long seq = snapshot.commitSeq();
    return granted.compose(v -> {
      Context ctx = Vertx.currentContext();
      if (ctx != null && Context.isOnEventLoopThread()) {
        // The check reads RocksDB: never on an event loop.
        return ctx.executeBlocking(() -> checkUnchanged(k, seq), false);
      }
      try {
        return Future.succeededFuture(checkUnchanged(k, seq));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private Void checkUnchanged(byte[] key, long seq) {
    long newest = store.newestVersionSeq(key);
    if (newest > seq) {
      throw new StorageException(Kind.SERIALIZATION_FAILURE, "row changed by commit " + newest
          + " after snapshot " + seq + " of transaction " + txid,
          store.latestCommitted(key) == null);
    }
    return null;
  }

  @Override
  public byte[] latestCommitted(byte[] key) {
    checkOpen();
    return store.latestCommitted(key);
  }

  @Override
  public void put(byte[] key, byte[] value) {
    write(key, value.clone());
  }

  @Override
  public void delete(byte[] key) {
    write(key, DELETED);
  }

  private void write(byte[] key, byte[] value) {
    checkOpen();
    byte[] k = key.clone();
    byte[] previous = overlay.put(k, value);
    undo.add(new Op(k, previous));
  }

  @Override
  public int savepoint() {
    checkOpen();
    return undo.size();
  }

  @Override
  public void rollbackTo(int savepoint) {
    checkOpen();
    if (savepoint < 0 || savepoint > undo.size()) {
      throw new IllegalArgumentException("no savepoint " + savepoint + " (writes: "
          + undo.size() + ")");
    }
    for (int i = undo.size() - 1; i >= savepoint; i--) {
      Op op = undo.remove(i);
      if (op.previous() == null) {
        overlay.remove(op.key());
      } else {
        overlay.put(op.key(), op.previous());
      }
    }
  }

  @Override
  public boolean isReadOnly() {
    return overlay.isEmpty();
  }

  @Override
  public long commit() {
    checkOpen();
    try {
      long seq = overlay.isEmpty() ? snapshot.commitSeq() : store.commit(overlay);
      state = State.COMMITTED;
      return seq;
    } catch (RuntimeException e) {
      state = State.ROLLED_BACK;
      throw e;
    } finally {
      end();
    }
  }

  @Override
  public void rollback() {
    if (state != State.OPEN) {
      return;
    }
    state = State.ROLLED_BACK;
    end();
  }

  @Override
  public void prepare(String gid, String owner, byte[] attachment) {
    checkOpen();
    store.locks().cancelWaits(txid);
    store.prepare(this, gid, owner, overlay, attachment);
    state = State.PREPARED;
    closeReaders();
    store.forget(this);
  }

  /** Ends the transaction: its locks go to the next waiters, its snapshot is unpinned. */
  private void end() {
    closeReaders();
    store.locks().releaseAll(txid);
    store.forget(this);
  }

  private void closeReaders() {
    reader.close();
    for (MvccScanIterator scan : new ArrayList<>(scans)) {
      scan.close();
    }
  }

  private void checkOpen() {
    if (state != State.OPEN) {
      throw closedError();
    }
  }

  private StorageException closedError() {
    return new StorageException(Kind.TRANSACTION_CLOSED, "transaction " + txid + " is "
        + state.name().toLowerCase().replace('_', ' '));
  }
}
