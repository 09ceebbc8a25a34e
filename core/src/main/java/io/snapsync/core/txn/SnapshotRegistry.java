package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The exported snapshots of the database, by id. Each registration holds its own store pin,
 * closed (and logged) when the exporting transaction ends. An importer looks an id up and takes
 * its own pin atomically with respect to the release ({@link #importSnapshot}).
 *
 * <p>Thread-safe. Methods that log or pin are blocking (worker threads only).
 */
public final class SnapshotRegistry {

  /** The database name sessions use. */
  public static final String DATABASE = "snapsync";

  private static final Pattern ID_CHARS = Pattern.compile("[0-9A-F-]*");
  private static final Pattern ID_SHAPE = Pattern.compile("[0-9A-F]{16}-[1-9][0-9]{0,9}");

  private final Store store;
  private final SnapshotLog log;
  private final Map<String, Registration> live = new ConcurrentHashMap<>();
  /** Durable snapshots, importable by their own id shape; null when the node has none. */
  private final DurableSnapshots durable;
  private final SerializableTracker serializable = new SerializableTracker();
  /** Test hook run between lookup and install (check 9 of SET TRANSACTION SNAPSHOT). */
  volatile Runnable beforeInstall = () -> { };

  public SnapshotRegistry(Store store, SnapshotLog log) {
    this(store, log, null);
  }

  public SnapshotRegistry(Store store, SnapshotLog log, DurableSnapshots durable) {
    this.store = store;
    this.log = log;
    this.durable = durable;
    for (PreparedTransaction p : store.preparedTransactions()) {
      serializable.recoverPrepared(p.gid(), p.txid(), p.attachment());
    }
  }

  /** Registers an export; the registry takes its own pin of {@code s.snapshot()}. */
  public void register(ExportedSnapshot s) {
    Registration r = new Registration(s, store.pin(s.snapshot()));
    live.put(s.id(), r);
    log.append("export", s, s.exporterTxid(), s.user());
  }

  /**
   * Releases every export in {@code ids} (the exporting transaction ended): the ids stop being
   * importable and their pins close at once; the releases are logged later
   * ({@link SnapshotLog#appendLater}), so this never blocks.
   */
  public void release(List<String> ids) {
    for (String id : ids) {
      Registration r = live.remove(id);
      if (r != null) {
        synchronized (r) {
          r.released = true;
          r.pin.close();
        }
        log.appendLater("release", r.snapshot, r.snapshot.exporterTxid(), r.snapshot.user());
      }
    }
  }

  /** The serializable-snapshot-isolation state of the database's SERIALIZABLE transactions. */
  public SerializableTracker serializable() {
    return serializable;
  }

  /** The node's durable snapshots; fails 0A000 when this registry has none. */
  public DurableSnapshots durable() {
    if (durable == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "durable.unavailable");
    }
    return durable;
  }

  public List<ExportedSnapshot> exported() {
    List<ExportedSnapshot> out = new ArrayList<>();
    live.values().forEach(r -> out.add(r.snapshot));
    out.sort((a, b) -> a.id().compareTo(b.id()));
    return out;
  }

  /** Live exports, for leak checks. */
  public int size() {
    return live.size();
  }

  /**
   * Checks 4 to 9 of SET TRANSACTION SNAPSHOT and, when they pass, returns a new pin of the
   * exported snapshot owned by the importer (the caller closes it when its transaction ends).
   */
  public SnapshotPin importSnapshot(String id, IsolationLevel importer, boolean importerReadOnly) {
    if (!ID_CHARS.matcher(id).matches() || id.isEmpty()) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "snapshot.invalid_id", id);
    }
    boolean isDurable = durable != null && DurableSnapshots.isDurableId(id);
    Registration r = ID_SHAPE.matcher(id).matches() ? live.get(id) : null;
    if (r == null && !isDurable) {
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "snapshot.not_exist", id);
    }
    ExportedSnapshot s = isDurable ? durable.lookup(id).asExported() : r.snapshot;
    if (importer == IsolationLevel.SERIALIZABLE && s.isolation() != IsolationLevel.SERIALIZABLE) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "snapshot.serializable_from_non_serializable");
    }
    if (importer == IsolationLevel.SERIALIZABLE && !importerReadOnly && s.readOnly()) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "snapshot.non_readonly_from_readonly");
    }
    if (!DATABASE.equals(s.database())) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "snapshot.different_database");
    }
    beforeInstall.run();
    if (isDurable) {
      return durable.pinForImport(id);
    }
    SnapshotPin pin;
    synchronized (r) {
      if (r.released) {
        throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "snapshot.could_not_import").withDetail("snapshot.could_not_import.detail");
      }
      pin = store.pin(s.snapshot());
    }
    return pin;
  }

  /** Appends the import event of {@code id} by the importing transaction to the log. */
  public void logImport(String id, long importerTxid, String importerUser, String importerNode,
      IsolationLevel importer, boolean importerReadOnly) {
    log.append("import", new ExportedSnapshot(id, null, importerTxid, null, importerUser,
        importerNode, importer, importerReadOnly, DATABASE, 0L), importerTxid, importerUser);
  }

  /** Appends the import event by the importing transaction {@code importer} (id = snapshot's). */
  public void logImport(ExportedSnapshot importer) {
    log.append("import", importer, importer.exporterTxid(), importer.user());
  }

  private static final class Registration {
    final ExportedSnapshot snapshot;
    final SnapshotPin pin;
    boolean released;

    Registration(ExportedSnapshot snapshot, SnapshotPin pin) {
      this.snapshot = snapshot;
      this.pin = pin;
    }
  }
}
