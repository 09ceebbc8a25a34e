package io.snapsync.storage.impl;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Assigns commit seqs, writes commits and publishes the last commit seq.
 *
 * <p>Group commit: seqs are assigned and batches built one at a time under {@code this}, but the
 * (synced) RocksDB writes run outside the monitor, so concurrent committers share one WAL write
 * and fsync (RocksDB's write groups). Publication is in seq order: a seq becomes
 * {@link #lastSeq()} only when it and every smaller seq are written, and a committer returns
 * only after its seq is published. Hence a snapshot (a published seq) never sees half a commit,
 * and an iterator created after reading {@link #lastSeq()} holds every version up to it.
 */
final class CommitPipeline {

  static final byte[] META_LAST_SEQ = "last_commit_seq".getBytes(
      java.nio.charset.StandardCharsets.UTF_8);

  private final RocksHandles h;
  private final Guard guard;
  private final Versions versions;
  private final SeqPublisher publisher = new SeqPublisher(s -> lastSeq = s);
  private volatile long lastSeq;
  /** Highest seq handed to a committer (guarded by {@code this}); {@code >= lastSeq}. */
  private long assignedSeq;
  private final CommitTimes times;

  CommitPipeline(RocksHandles h, Guard guard, Versions versions, java.time.Clock clock) {
    this.h = h;
    this.guard = guard;
    this.versions = versions;
    this.times = new CommitTimes(h, guard, clock, this);
  }

  /** The commit times of the history window (guarded by this pipeline's monitor). */
  CommitTimes times() {
    return times;
  }

  /** The highest seq handed out; the caller holds this pipeline's monitor. */
  long assignedSeqLocked() {
    return assignedSeq;
  }

  /** Waits until {@code seq} (already assigned) is published. */
  void awaitPublished(long seq) {
    publisher.await(seq);
  }

  /**
   * Loads the last seq at open: the meta value, or a higher seq found in {@code mvcc}
   * (concurrent batches may reach the WAL out of seq order, so the meta value can lag).
   */
  void recover(long maxSeqInData) throws RocksDBException {
    byte[] meta = h.db.get(h.meta, META_LAST_SEQ);
    long seq = Math.max(meta == null ? 0 : KeyCodec.getLong(meta, 0), maxSeqInData);
    synchronized (this) {
      assignedSeq = seq;
    }
    publisher.reset(seq);
    lastSeq = seq;
    times.recover();
  }

  long lastSeq() {
    return lastSeq;
  }

  /**
   * Writes {@code writes} (value null: delete) as versions of a new commit seq, plus what
   * {@code extra} adds to the same batch; returns the seq once it is published.
   */
  long apply(List<Map.Entry<byte[], byte[]>> writes, Consumer<org.rocksdb.WriteBatch> extra) {
    long seq;
    long delta = 0;
    guard.enter();
    try (org.rocksdb.WriteBatch batch = new org.rocksdb.WriteBatch()) {
      synchronized (this) {
        seq = ++assignedSeq;
        try (RocksIterator probe = h.db.newIterator(h.mvcc)) {
          for (Map.Entry<byte[], byte[]> w : writes) {
            boolean put = w.getValue() != null;
            delta += Versions.pendingDelta(Versions.newestValue(probe, w.getKey()), put);
            batch.put(h.mvcc, KeyCodec.encode(w.getKey(), seq),
                put ? KeyCodec.putValue(w.getValue()) : KeyCodec.tombstoneValue());
          }
          extra.accept(batch);
          times.record(seq, batch);
          batch.put(h.meta, META_LAST_SEQ, KeyCodec.longBytes(seq));
        } catch (Throwable e) {
          // A seq must never stay unfinished: later commits wait for it.
          publisher.skip(seq);
          throw e;
        }
      }
      try {
        h.db.write(h.commitWrite, batch);
      } catch (Throwable e) {
        publisher.skip(seq);
        throw e;
      }
      versions.pending.addAndGet(delta);
      publisher.publishAndWait(seq);
      return seq;
    } catch (RocksDBException e) {
      throw RocksStore.io("commit write batch at " + h.path, e);
    } finally {
      guard.exit();
    }
  }
}
