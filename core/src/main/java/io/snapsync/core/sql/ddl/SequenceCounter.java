package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.storage.KvSpace;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The value counter of one sequence, outside transactions as in PostgreSQL (a rolled-back
 * {@code nextval} stays used). Values are reserved in blocks: the first value not yet
 * reserved is persisted (synced) in the system kv space before any value of a block is handed
 * out, so values never repeat across restarts (a restart skips the rest of a block, as a
 * PostgreSQL crash skips cached values). Thread-safe.
 */
final class SequenceCounter {

  /** Values reserved per write of the counter (at least; a larger CACHE reserves more). */
  static final int BLOCK = 32;

  private final KvSpace space;
  private final byte[] key;
  private boolean loaded;
  /** The next value to hand out; {@code exhausted} when it passed the type's range. */
  private long next;
  private boolean exhausted;
  /** Values left in the reserved block. */
  private long remaining;
  /** Whether a value was handed out since creation or {@code setval(..., false)}. */
  private boolean called;
  private long last;

  SequenceCounter(KvSpace space, long id) {
    this.space = space;
    this.key = ("seq/" + id).getBytes(StandardCharsets.UTF_8);
  }

  /** The next value of sequence {@code def}; 2200H past its end without CYCLE. Blocking. */
  synchronized long next(SequenceDef def) {
    load(def);
    long v = next;
    boolean out = exhausted || v > def.max() || v < def.min();
    if (out) {
      if (!def.cycle()) {
        boolean up = def.increment() > 0;
        throw SnapsyncException.error(DdlStates.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
            up ? "ddl.seq_max_reached" : "ddl.seq_min_reached", def.name(),
            up ? def.max() : def.min());
      }
      v = def.increment() > 0 ? def.min() : def.max();
      exhausted = false;
      remaining = 0;
    }
    if (remaining == 0) {
      long block = Math.max(BLOCK, def.cache());
      persist(add(v, block * def.increment()));
      remaining = block;
    }
    remaining--;
    called = true;
    last = v;
    try {
      next = Math.addExact(v, def.increment());
    } catch (ArithmeticException e) {
      exhausted = true;
    }
    return v;
  }

  /** {@code setval}: the next value is {@code value} (+ increment when {@code called}). */
  synchronized void set(SequenceDef def, long value, boolean called) {
    long n = called ? add(value, def.increment()) : value;
    persist(n);
    loaded = true;
    next = n;
    exhausted = called && n == value;
    remaining = 0;
    this.called = called;
    last = value;
  }

  /**
   * {@code last_value} and {@code is_called} of {@code SELECT ... FROM seq}: the value last
   * handed out (or set), else the next one; {@code is_called} whether one was.
   */
  synchronized Sequences.State state(SequenceDef def) {
    load(def);
    return new Sequences.State(called ? last : next, called);
  }

  /** The value {@code nextval} would return now (for {@code last_value}). */
  synchronized long peek(SequenceDef def) {
    load(def);
    return next;
  }

  private void load(SequenceDef def) {
    if (loaded) {
      return;
    }
    byte[] b = space.get(key);
    next = b == null ? def.start() : ByteBuffer.wrap(b).getLong();
    remaining = 0;
    // after a restart the next value is the persisted block end: count it as called
    called = b != null && next != def.start();
    last = next - def.increment();
    loaded = true;
  }

  private void persist(long nextFree) {
    space.put(key, ByteBuffer.allocate(8).putLong(nextFree).array());
  }

  private static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return r;
  }
}
