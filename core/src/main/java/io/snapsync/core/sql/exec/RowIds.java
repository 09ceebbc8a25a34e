package io.snapsync.core.sql.exec;

import io.snapsync.storage.KvSpace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hidden row identities of tables without a primary key (PostgreSQL's ctid plays this part).
 * An id is {@code epoch << 40 | counter}: the epoch is a number persisted (synced) in the
 * system kv space and incremented every time the store is opened, so ids never repeat across
 * restarts; the counter is an in-memory atomic, so concurrent transactions never share an id
 * and allocating one never blocks. When a counter runs out (2^40 ids) a new epoch is taken.
 * Ids are never reused, not even those of rolled-back inserts. Thread-safe; one per store.
 */
public final class RowIds {

  static final int COUNTER_BITS = 40;
  private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;
  private static final byte[] EPOCH_KEY = "rowid_epoch".getBytes(StandardCharsets.UTF_8);

  private final KvSpace system;
  private final AtomicLong next = new AtomicLong();
  private volatile long epoch;

  /** Takes a new epoch from {@code system}. Blocking. */
  public RowIds(KvSpace system) {
    this.system = system;
    newEpoch();
  }

  /** A row id no other call (in this or any earlier opening of the store) returned. */
  public long next() {
    while (true) {
      long e = epoch;
      long id = next.getAndIncrement();
      if (id >>> COUNTER_BITS == e && (id & COUNTER_MAX) != COUNTER_MAX) {
        return id;
      }
      synchronized (this) {
        if (epoch == e) {
          newEpoch();
        }
      }
    }
  }

  private synchronized void newEpoch() {
    byte[] b = system.get(EPOCH_KEY);
    long e = b == null ? 1 : ByteBuffer.wrap(b).getLong() + 1;
    system.put(EPOCH_KEY, ByteBuffer.allocate(8).putLong(e).array());
    next.set(e << COUNTER_BITS);
    epoch = e;
  }
}
