package io.snapsync.storage.impl;

import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Prepared (two-phase) transactions: persisted in the {@code prepared} column family, kept in
 * memory with their row locks (re-taken at open). The map is guarded by {@code this}; a gid is
 * claimed (removed) before it is finished so two finishers cannot both run.
 */
final class PreparedTransactions {

  private final RocksHandles h;
  private final Guard guard;
  private final LockTable locks;
  private final CommitPipeline commits;
  private final Clock clock;
  private final Map<String, PreparedRecord> records = new LinkedHashMap<>();

  PreparedTransactions(RocksHandles h, Guard guard, LockTable locks, CommitPipeline commits,
      Clock clock) {
    this.h = h;
    this.guard = guard;
    this.locks = locks;
    this.commits = commits;
    this.clock = clock;
  }

  /** Loads the records at open and gives each its row locks back. */
  void recover() throws RocksDBException, IOException {
    try (RocksIterator it = h.db.newIterator(h.prepared)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        PreparedRecord rec = PreparedRecord.decode(it.value());
        synchronized (this) {
          records.put(rec.gid(), rec);
        }
        for (byte[] k : rec.lockKeys()) {
          locks.grant(rec.txid(), k);
        }
      }
      it.status();
    }
  }

  synchronized void prepare(RocksTransaction tx, String gid, String owner,
      NavigableMap<byte[], byte[]> overlay, byte[] attachment) {
    if (records.containsKey(gid)) {
      throw new StorageException(Kind.DUPLICATE_GID,
          "prepared transaction \"" + gid + "\" exists already");
    }
    PreparedRecord rec = PreparedRecord.of(gid, tx.txid(), tx.snapshot().commitSeq(), owner,
        clock.millis(), overlay, locks.heldKeys(tx.txid()), attachment);
    guard.enter();
    try {
      h.db.put(h.prepared, h.syncWrite, rec.key(), rec.encode());
    } catch (RocksDBException e) {
      throw RocksStore.io("persist prepared transaction " + gid + " at " + h.path,
          e);
    } finally {
      guard.exit();
    }
    records.put(gid, rec);
  }

  synchronized List<PreparedTransaction> list() {
    return records.values().stream().map(PreparedRecord::describe).toList();
  }

  /** Writes the versions and deletes the record in one commit, then releases the locks. */
  void commit(String gid) {
    PreparedRecord rec = claim(gid);
    try {
      commits.apply(rec.writes(), b -> {
        try {
          b.delete(h.prepared, rec.key());
        } catch (RocksDBException e) {
          throw RocksStore.io("delete prepared record " + gid + " at " + h.path,
              e);
        }
      });
    } catch (RuntimeException e) {
      unclaim(rec);
      throw e;
    }
    locks.releaseAll(rec.txid());
  }

  void rollback(String gid) {
    PreparedRecord rec = claim(gid);
    guard.enter();
    try {
      h.db.delete(h.prepared, h.syncWrite, rec.key());
    } catch (RocksDBException e) {
      unclaim(rec);
      throw RocksStore.io("delete prepared record " + gid + " at " + h.path, e);
    } finally {
      guard.exit();
    }
    locks.releaseAll(rec.txid());
  }

  private synchronized PreparedRecord claim(String gid) {
    PreparedRecord rec = records.remove(gid);
    if (rec == null) {
      throw new StorageException(Kind.UNKNOWN_GID,
          "prepared transaction \"" + gid + "\" does not exist");
    }
    return rec;
  }

  private synchronized void unclaim(PreparedRecord rec) {
    records.put(rec.gid(), rec);
  }
}
