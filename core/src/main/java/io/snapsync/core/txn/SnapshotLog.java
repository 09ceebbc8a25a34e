package io.snapsync.core.txn;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.KvSpace;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The persistent, append-only snapshot log in the kv space {@code snapshot_log}: key = 8-byte
 * big-endian sequence, value = JSON {@code {seq, event, id, txid, user, node, session,
 * coordinator, isolation, read_only, at}} ({@code event}: export, import, release, and for durable snapshots also
 * renew and expire; {@code at}: ISO-8601 UTC).
 * Entries older than the retention (days, from a supplier so {@code ALTER SYSTEM} applies) are
 * purged when the log is opened and every {@value #PURGE_EVERY} appends.
 *
 * <p>Thread-safe; blocking (worker threads only), except {@link #appendLater}.
 */
public final class SnapshotLog {

  static final int PURGE_EVERY = 256;

  private final KvSpace space;
  private final Clock clock;
  private final LongSupplier retentionDays;
  private final AtomicLong seq = new AtomicLong();

  /** Key of the sequence high-water mark in the system space (kept when the log is purged). */
  static final byte[] HIGH_WATER_KEY = "snapshot_log.seq".getBytes(
      java.nio.charset.StandardCharsets.UTF_8);

  private final KvSpace system;

  public SnapshotLog(KvSpace space, KvSpace system, Clock clock, LongSupplier retentionDays) {
    this.space = space;
    this.system = system;
    byte[] hw = system.get(HIGH_WATER_KEY);
    if (hw != null) {
      seq.set(ByteBuffer.wrap(hw).getLong());
    }
    this.clock = clock;
    this.retentionDays = retentionDays;
    try (CloseableIterator<KeyValue> it = space.scanReverse(null, null)) {
      if (it.hasNext()) {
        seq.set(Math.max(seq.get(), ByteBuffer.wrap(it.next().key()).getLong()));
      }
    }
    purgeExpired();
  }

  /** An event appended by {@link #appendLater}, not yet written. */
  private record Pending(long seq, byte[] value) {
  }

  /** Events of {@link #appendLater} not yet written, in sequence order. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Pending> later =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean drainScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Schedules {@link #drain} on a worker; null: {@link #appendLater} writes at once. */
  private volatile Runnable drainer;

  /** Sets how {@link #appendLater} gets its events written: {@code schedule} runs {@link #drain} on a worker. */
  public void drainer(Runnable schedule) {
    this.drainer = schedule;
  }

  /** Appends one event and returns its sequence number. */
  public long append(String event, ExportedSnapshot s, long txid, String user) {
    long n = seq.incrementAndGet();
    write(n, entry(n, event, s, txid, user));
    return n;
  }

  /**
   * Appends one event without writing it here: its sequence number is taken now and the event
   * is written by the next {@link #drain} (scheduled through the {@link #drainer}), which every
   * reader of the log runs first. Never blocks. Only for events whose loss in a crash the log
   * repairs when it is opened: a release ({@link #releaseOrphans}).
   */
  public long appendLater(String event, ExportedSnapshot s, long txid, String user) {
    Runnable schedule = drainer;
    if (schedule == null) {
      return append(event, s, txid, user);
    }
    long n = seq.incrementAndGet();
    later.add(new Pending(n, entry(n, event, s, txid, user)));
    if (drainScheduled.compareAndSet(false, true)) {
      schedule.run();
    }
    return n;
  }

  /** Writes the events of {@link #appendLater} not written yet. Blocking. */
  public void drain() {
    drainScheduled.set(false);
    synchronized (later) {
      for (Pending p = later.poll(); p != null; p = later.poll()) {
        write(p.seq(), p.value());
      }
    }
  }

  private byte[] entry(long n, String event, ExportedSnapshot s, long txid, String user) {
    JsonObject j = new JsonObject()
        .put("seq", n)
        .put("event", event)
        .put("id", s.id())
        .put("txid", txid)
        .put("user", user)
        .put("node", s.node())
        .put("session", s.sessionId())
        .put("coordinator", s.coordinator())
        .put("isolation", s.isolation().text())
        .put("read_only", s.readOnly())
        .put("at", Instant.ofEpochMilli(clock.millis()).toString());
    return j.toBuffer().getBytes();
  }

  private void write(long n, byte[] value) {
    // WAL-written, not fsynced: an export must not pay a disk sync for its audit record.
    space.putUnsynced(key(n), value);
    if (n % PURGE_EVERY == 0) {
      purgeExpired();
    }
  }

  /**
   * Appends a release for every export the log shows without one: exports die with the
   * process, so at open they are all gone. Returns how many. Blocking.
   */
  public int releaseOrphans() {
    java.util.Map<String, JsonObject> open = new java.util.LinkedHashMap<>();
    for (JsonObject j : entries()) {
      switch (j.getString("event", "")) {
        case "export" -> open.put(j.getString("id"), j);
        case "release", "expire" -> open.remove(j.getString("id"));
        default -> {
        }
      }
    }
    // durable snapshots outlive the process: DurableSnapshots owns their ends
    open.keySet().removeIf(id -> id != null && DurableSnapshots.isDurableId(id));
    for (JsonObject j : open.values()) {
      IsolationLevel iso = IsolationLevel.parse(j.getString("isolation", "repeatable read"));
      ExportedSnapshot s = new ExportedSnapshot(j.getString("id"), null, j.getLong("txid", 0L),
          j.getString("session"), j.getString("user"), j.getString("node"),
          iso == null ? IsolationLevel.REPEATABLE_READ : iso, j.getBoolean("read_only", false),
          SnapshotRegistry.DATABASE, 0L, j.getString("coordinator"));
      append("release", s, s.exporterTxid(), s.user());
    }
    return open.size();
  }

  /** Every entry in sequence order. */
  public List<JsonObject> entries() {
    drain();
    List<JsonObject> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = space.scan(null, null)) {
      while (it.hasNext()) {
        out.add(new JsonObject(io.vertx.core.buffer.Buffer.buffer(it.next().value())));
      }
    }
    return out;
  }

  /** Deletes entries older than the retention; returns how many. 0 days keeps everything. */
  public int purgeExpired() {
    long days = retentionDays.getAsLong();
    if (days <= 0) {
      return 0;
    }
    Instant cutoff = Instant.ofEpochMilli(clock.millis()).minusSeconds(days * 86_400L);
    system.put(HIGH_WATER_KEY, key(seq.get()));
    int n = 0;
    try (CloseableIterator<KeyValue> it = space.scan(null, null)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        JsonObject j = new JsonObject(io.vertx.core.buffer.Buffer.buffer(kv.value()));
        if (!Instant.parse(j.getString("at")).isBefore(cutoff)) {
          break;
        }
        space.delete(kv.key());
        n++;
      }
    }
    return n;
  }

  private static byte[] key(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }
}
