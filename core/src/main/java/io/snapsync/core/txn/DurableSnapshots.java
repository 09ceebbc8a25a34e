package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.storage.DurablePin;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.Store;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Durable snapshots: exported snapshots with a lease, each held by a {@link DurablePin} of the
 * store (persisted, restored and honoured by reclaim at open) whose attachment is the
 * snapshot's JSON record. Leases run on the injected clock; {@link #expireDue()} (called by the
 * database's reclaim timer and at open) releases the ended ones, and an import of an ended one
 * fails as unknown. Export, renew, release and expire are appended to the snapshot log.
 *
 * <p>Thread-safe (guarded by {@code this}); every method is blocking (worker threads only).
 */
public final class DurableSnapshots {

  /**
   * Durable ids: two dashes and a trailing {@code D}, so never the one-dash, decimal-counter
   * shape {@code %016X-%d} of {@code pg_export_snapshot()}, yet inside the characters
   * {@code SET TRANSACTION SNAPSHOT} accepts.
   */
  static final Pattern ID_SHAPE = Pattern.compile("[0-9A-F]{16}-[0-9A-F]{16}-D");

  private final Store store;
  private final SnapshotLog log;
  private final Clock clock;
  private final LongSupplier maxLeaseSeconds;
  private final LongSupplier maxPerUser;
  /** The setting {@code snapshot_history_retention} in seconds; negative: leave the store's. */
  private final LongSupplier historySeconds;
  private final TreeMap<String, Entry> live = new TreeMap<>();

  public DurableSnapshots(Store store, SnapshotLog log, Clock clock, LongSupplier maxLeaseSeconds,
      LongSupplier maxPerUser) {
    this(store, log, clock, maxLeaseSeconds, maxPerUser, () -> -1);
  }

  /** As above, applying {@code historySeconds} to the store's history window before use. */
  public DurableSnapshots(Store store, SnapshotLog log, Clock clock, LongSupplier maxLeaseSeconds,
      LongSupplier maxPerUser, LongSupplier historySeconds) {
    this.historySeconds = historySeconds;
    this.store = store;
    this.log = log;
    this.clock = clock;
    this.maxLeaseSeconds = maxLeaseSeconds;
    this.maxPerUser = maxPerUser;
    for (DurablePin p : store.durablePins()) {
      if (ID_SHAPE.matcher(p.name()).matches()) {
        DurableSnapshot d = DurableSnapshot.fromJson(new JsonObject(Buffer.buffer(
            p.attachment())));
        live.put(d.id(), new Entry(d, p));
      }
    }
    expireDue();
  }

  /** True for an id of the durable shape. */
  public static boolean isDurableId(String id) {
    return ID_SHAPE.matcher(id).matches();
  }

  /** Exports {@code snapshot} with a lease; checks the lease and the owner's cap. */
  public synchronized String export(Snapshot snapshot, long exporterTxid, String owner,
      String node, IsolationLevel isolation, boolean readOnly, Interval lease) {
    long leaseMillis = checkLease(lease);
    expireDue();
    checkCap(owner);
    long now = clock.millis();
    DurableSnapshot d = new DurableSnapshot(newId(snapshot), snapshot, exporterTxid, owner, node,
        isolation, readOnly, SnapshotRegistry.DATABASE, now, now + leaseMillis, null);
    return keep(d);
  }

  /**
   * A durable snapshot of the state committed at {@code momentMillis}, inside the history
   * window of the store; a REPEATABLE READ, read-only snapshot (no transaction exported it, so
   * no serializable transaction vouches for it: SERIALIZABLE importers get 0A000, as for any
   * non-serializable export).
   */
  public synchronized String exportAt(long momentMillis, String owner, String node,
      Interval lease) {
    long leaseMillis = checkLease(lease);
    expireDue();
    checkCap(owner);
    long seconds = historySeconds.getAsLong();
    if (seconds >= 0) {
      store.history().setRetention(java.time.Duration.ofSeconds(seconds));
    }
    Snapshot snapshot = PastMoments.snapshotAt(store.history(), momentMillis, clock.millis());
    long now = clock.millis();
    DurableSnapshot d = new DurableSnapshot(newId(snapshot), snapshot, 0L, owner, node,
        IsolationLevel.REPEATABLE_READ, true, SnapshotRegistry.DATABASE, now, now + leaseMillis,
        momentMillis);
    try {
      return keep(d);
    } catch (io.snapsync.storage.StorageException e) {
      if (e.kind() != io.snapsync.storage.StorageException.Kind.SERIALIZATION_FAILURE) {
        throw e;
      }
      // Reclaim moved the window's start past the moment between lookup and pin.
      throw PastMoments.tooOld(store.history(), momentMillis);
    }
  }

  private String newId(Snapshot snapshot) {
    return String.format(Locale.ROOT, "%016X-%016X-D", snapshot.commitSeq(),
        ThreadLocalRandom.current().nextLong());
  }

  private void checkCap(String owner) {
    long max = maxPerUser.getAsLong();
    long held = live.values().stream().filter(e -> e.snapshot.owner().equals(owner)).count();
    if (held >= max) {
      throw SnapsyncException.error(SqlState.PROGRAM_LIMIT_EXCEEDED, "durable.too_many", owner,
          max).withHint("durable.too_many.hint");
    }
  }

  private String keep(DurableSnapshot d) {
    DurablePin pin = store.pinDurable(d.id(), d.snapshot(), d.toJson().toBuffer().getBytes());
    live.put(d.id(), new Entry(d, pin));
    log.append("export", d.asExported(), d.exporterTxid(), d.owner());
    return d.id();
  }

  /** Sets the lease to end {@code lease} from now; returns the new end. */
  public synchronized Instant renew(String id, Interval lease, String user, boolean sysadmin) {
    long leaseMillis = checkLease(lease);
    Entry e = liveEntry(id);
    checkOwner(e.snapshot, user, sysadmin, "durable.not_owner.renew");
    DurableSnapshot renewed = e.snapshot.withLeaseEnd(clock.millis() + leaseMillis);
    e.pin.attach(renewed.toJson().toBuffer().getBytes());
    e.snapshot = renewed;
    log.append("renew", renewed.asExported(), renewed.exporterTxid(), user);
    return Instant.ofEpochMilli(renewed.leaseEndMillis());
  }

  /** Releases a live durable snapshot; false when none has that id (also ended ones). */
  public synchronized boolean release(String id, String user, boolean sysadmin) {
    expireDue();
    Entry e = live.get(id);
    if (e == null) {
      return false;
    }
    checkOwner(e.snapshot, user, sysadmin, "durable.not_owner.release");
    end(e, "release", user);
    return true;
  }

  /** Releases every snapshot whose lease has ended; returns how many. */
  public synchronized int expireDue() {
    long now = clock.millis();
    List<Entry> due = new ArrayList<>();
    for (Entry e : live.values()) {
      if (e.snapshot.expiredAt(now)) {
        due.add(e);
      }
    }
    for (Entry e : due) {
      end(e, "expire", e.snapshot.owner());
    }
    return due.size();
  }

  /** The live (lease not ended) durable snapshots in id order. */
  public synchronized List<DurableSnapshot> live() {
    long now = clock.millis();
    List<DurableSnapshot> out = new ArrayList<>();
    for (Entry e : live.values()) {
      if (!e.snapshot.expiredAt(now)) {
        out.add(e.snapshot);
      }
    }
    return out;
  }

  /** Check 5 of an import: the live snapshot of {@code id}, else 42704. */
  synchronized DurableSnapshot lookup(String id) {
    return liveEntry(id).snapshot;
  }

  /** Check 9 of an import: a new pin for the importer, else 55000 (ended since lookup). */
  synchronized SnapshotPin pinForImport(String id) {
    Entry e = live.get(id);
    if (e == null || e.snapshot.expiredAt(clock.millis())) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "snapshot.could_not_import").withDetail("durable.ended.detail", id);
    }
    return store.pin(e.snapshot.snapshot());
  }

  private Entry liveEntry(String id) {
    Entry e = live.get(id);
    if (e == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "snapshot.not_exist", id);
    }
    if (e.snapshot.expiredAt(clock.millis())) {
      Instant end = Instant.ofEpochMilli(e.snapshot.leaseEndMillis());
      end(e, "expire", e.snapshot.owner());
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "snapshot.not_exist", id)
          .withDetail("durable.expired.detail", end.toString());
    }
    return e;
  }

  private void end(Entry e, String event, String user) {
    live.remove(e.snapshot.id());
    e.pin.close();
    log.append(event, e.snapshot.asExported(), e.snapshot.exporterTxid(), user);
  }

  private long checkLease(Interval lease) {
    long millis = LeaseIntervals.toMillis(lease);
    if (millis <= 0) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "durable.lease_not_positive");
    }
    long maxSeconds = maxLeaseSeconds.getAsLong();
    if (millis > maxSeconds * 1000L) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "durable.lease_too_long",
          maxSeconds).withHint("durable.lease_too_long.hint");
    }
    return millis;
  }

  private static void checkOwner(DurableSnapshot d, String user, boolean sysadmin,
      String messageId) {
    if (!sysadmin && !d.owner().equals(user)) {
      throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, messageId, d.id());
    }
  }

  private static final class Entry {
    DurableSnapshot snapshot;
    final DurablePin pin;

    Entry(DurableSnapshot snapshot, DurablePin pin) {
      this.snapshot = snapshot;
      this.pin = pin;
    }
  }
}
