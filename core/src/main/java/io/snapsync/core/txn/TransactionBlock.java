package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.error.StorageErrors;
import io.snapsync.core.session.TransactionStatus;
import io.snapsync.core.sql.parse.Stmt.TxnModes;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One session's transaction state machine: no transaction, an implicit (autocommit) one, an
 * explicit block, or a failed block; isolation and access mode, the snapshot and its pin,
 * the lazily begun store transaction, savepoints and exported snapshots.
 *
 * <p>Not thread-safe: the owning session runs one statement at a time. Methods that touch the
 * store are blocking (worker threads only).
 */
public final class TransactionBlock {

  private final Store store;
  private final SnapshotRegistry registry;
  private final ActivityStats stats;
  private final String sessionId;
  private final String user;
  private final String node;
  private final Clock clock;
  /** The coordinator of the session (the node the user connected to). */
  private String coordinator;
  /** What the transaction waits on now ({@code Lock:row}, {@code IO:commit}), else null. */
  private volatile String waitEvent;

  private TransactionState state = TransactionState.NONE;
  private IsolationLevel isolation = IsolationLevel.READ_COMMITTED;
  private boolean readOnly;
  private boolean deferrable;
  private Snapshot snapshot;
  private SnapshotPin pin;
  private StoreTransaction txn;
  private boolean queried;
  private boolean imported;
  private final List<SavepointEntry> savepoints = new ArrayList<>(0);
  private List<String> exports = List.of();
  private int exportCounter;
  private final DeletedKeys deleted = new DeletedKeys();
  /** The running statement's cancellation (failed once cancelled), or null between them. */
  private java.util.function.Supplier<io.vertx.core.Future<Void>> cancellation = () -> null;
  /** Run when the transaction ends (table-lock release); see {@link #onEnd}. */
  private List<Runnable> endActions = List.of();
  /** True while {@link #end} runs after a successful PREPARE TRANSACTION. */
  private boolean prepared;
  private EndListener endListener;
  /** The SSI state of a SERIALIZABLE transaction once it has a snapshot, else null. */
  private SerializableXact serializable;

  /** A named savepoint; {@code handle} is -1 until the store transaction exists. */
  private static final class SavepointEntry {
    final String name;
    int handle;

    SavepointEntry(String name, int handle) {
      this.name = name;
      this.handle = handle;
    }
  }

  public TransactionBlock(Store store, SnapshotRegistry registry, ActivityStats stats,
      String sessionId, String user, String node, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.registry = registry;
    this.stats = stats;
    this.sessionId = sessionId;
    this.user = user;
    this.node = node;
    this.coordinator = node;
  }

  /** The wait event this transaction waits on now ({@code <type>:<event>}), or null. */
  public String waitEvent() {
    return waitEvent;
  }

  /** Marks the start ({@code event}) or end ({@code null}) of a wait (pg_stat_activity). */
  public void waiting(String event) {
    this.waitEvent = event;
  }

  /** The coordinator the session's user connected to, named in exports and imports. */
  public void coordinator(String name) {
    this.coordinator = name == null ? node : name;
  }

  /**
   * Where waits of this transaction (a DEFERRABLE one's wait for a safe snapshot) learn that
   * the statement was cancelled or timed out.
   */
  public void cancellation(java.util.function.Supplier<io.vertx.core.Future<Void>> c) {
    this.cancellation = c;
  }

  private void checkCanceled() {
    io.vertx.core.Future<Void> f = cancellation.get();
    if (f != null && f.failed()) {
      throw f.cause() instanceof SnapsyncException e ? e
          : SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.query_canceled");
    }
  }

  /** The exported-snapshot registry this transaction exports to and imports from. */
  public SnapshotRegistry registry() {
    return registry;
  }

  public TransactionStatus status() {
    return switch (state) {
      case NONE, IMPLICIT -> TransactionStatus.IDLE;
      case BLOCK -> TransactionStatus.IN_BLOCK;
      case FAILED -> TransactionStatus.FAILED;
    };
  }

  /** The lifecycle state (none, implicit, block, failed). */
  public TransactionState state() {
    return state;
  }

  public boolean inBlock() {
    return state.explicit();
  }

  public boolean isFailed() {
    return state == TransactionState.FAILED;
  }

  public boolean isActive() {
    return state.active();
  }

  public IsolationLevel isolation() {
    return isolation;
  }

  public boolean readOnly() {
    return readOnly;
  }

  public boolean deferrable() {
    return deferrable;
  }

  public boolean inSubtransaction() {
    return !savepoints.isEmpty();
  }

  /** Starts a transaction (explicit: BEGIN; otherwise the implicit one of a statement). */
  public void begin(boolean explicitBlock, IsolationLevel iso, boolean ro, boolean defer) {
    state = state.to(explicitBlock ? TransactionState.BLOCK : TransactionState.IMPLICIT);
    isolation = iso;
    readOnly = ro;
    deferrable = defer;
    queried = false;
    imported = false;
    exportCounter = 0;
  }

  /** Turns the implicit transaction of the current statement into an explicit block. */
  public void promoteToBlock(TxnModes modes) {
    state = state.to(TransactionState.BLOCK);
    applyModes(modes);
  }

  /** SET TRANSACTION: changes the modes before the first query. */
  public void setModes(TxnModes modes) {
    if (modes.isolation() != null && modes.isolation() != isolation && (queried || imported)) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "sql.set_isolation_late");
    }
    if (modes.readOnly() != null && !modes.readOnly() && readOnly && queried) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "sql.set_readwrite_late");
    }
    applyModes(modes);
  }

  private void applyModes(TxnModes modes) {
    if (modes.isolation() != null) {
      isolation = modes.isolation() == IsolationLevel.READ_UNCOMMITTED
          ? IsolationLevel.READ_COMMITTED : modes.isolation();
    }
    if (modes.readOnly() != null) {
      readOnly = modes.readOnly();
    }
    if (modes.deferrable() != null) {
      deferrable = modes.deferrable();
    }
  }

  /**
   * Prepares a query of this transaction: READ COMMITTED takes a new snapshot, REPEATABLE READ
   * and SERIALIZABLE keep the first one (or the imported one). Blocking.
   */
  public void startQuery() {
    if (snapshot == null && isolation == IsolationLevel.SERIALIZABLE) {
      SerializableTracker.Registration r = registry.serializable().begin(readOnly, deferrable,
          store::pinLatest, this::checkCanceled);
      serializable = r.xact();
      pin = r.pin();
      snapshot = pin.snapshot();
      if (txn != null) {
        txn.setSnapshot(snapshot);
      }
    } else if (snapshot == null || !isolation.snapshotPerTransaction()) {
      SnapshotPin p = store.pinLatest();
      Snapshot s = p.snapshot();
      if (pin != null) {
        pin.close();
      }
      snapshot = s;
      pin = p;
      if (txn != null) {
        txn.setSnapshot(s);
      }
    }
    queried = true;
  }

  /** The snapshot of the current query (after {@link #startQuery}). */
  public Snapshot snapshot() {
    return snapshot;
  }

  /** The store transaction, begun on first use. Blocking. */
  public StoreTransaction storeTxn() {
    if (txn == null) {
      if (snapshot == null) {
        startQuery();
      }
      txn = store.begin(snapshot);
      if (serializable != null) {
        txn = new SerializableStoreTransaction(txn, registry.serializable(), serializable);
      }
      for (SavepointEntry s : savepoints) {
        if (s.handle < 0) {
          s.handle = txn.savepoint();
        }
      }
    }
    return txn;
  }

  /** The store transaction if begun, else null. */
  public StoreTransaction storeTxnIfBegun() {
    return txn;
  }

  /** Fails 25006 when the transaction is read-only. */
  public void checkWritable(String command) {
    if (readOnly) {
      throw SnapsyncException.error(SqlState.READ_ONLY_SQL_TRANSACTION, "sql.read_only",
          command.toUpperCase(Locale.ROOT));
    }
  }

  /** pg_export_snapshot(): registers the current snapshot and returns its id. Blocking. */
  public String exportSnapshot() {
    if (inSubtransaction()) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION,
          "snapshot.export_in_subtransaction");
    }
    StoreTransaction t = storeTxn();
    String id = String.format(Locale.ROOT, "%016X-%d", t.txid(), ++exportCounter);
    registry.register(new ExportedSnapshot(id, snapshot, t.txid(), sessionId, user, node,
        isolation, readOnly, SnapshotRegistry.DATABASE, clock.millis(), coordinator));
    if (exports.isEmpty()) {
      exports = new ArrayList<>(2);
    }
    exports.add(id);
    stats.snapshotExported();
    return id;
  }

  /** True when this transaction exported a snapshot that is still registered. */
  public boolean hasExports() {
    return !exports.isEmpty();
  }

  /**
   * SET TRANSACTION SNAPSHOT inside a block: checks 2 to 9 of SPEC section 4 and installs the
   * snapshot with the importer's own pin. Blocking.
   */
  public void importSnapshot(String id) {
    if (queried || imported || inSubtransaction()) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "snapshot.import_not_first");
    }
    if (!isolation.snapshotPerTransaction()) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "snapshot.import_isolation");
    }
    SnapshotPin p = registry.importSnapshot(id, isolation, readOnly);
    if (pin != null) {
      pin.close();
    }
    pin = p;
    snapshot = p.snapshot();
    if (isolation == IsolationLevel.SERIALIZABLE) {
      if (serializable != null) {
        registry.serializable().release(serializable);
      }
      serializable = registry.serializable().imported(snapshot.commitSeq(), exporterTxid(id));
      if (txn != null) {
        txn.rollback();
        txn = null;
      }
    }
    if (txn != null) {
      txn.setSnapshot(snapshot);
    }
    imported = true;
    registry.logImport(new ExportedSnapshot(id, null, storeTxn().txid(), sessionId, user, node,
        isolation, readOnly, SnapshotRegistry.DATABASE, 0L, coordinator));
    stats.snapshotImported();
  }

  /**
   * SET TRANSACTION SNAPSHOT outside a block: PostgreSQL warns (25P01, the caller's part) and
   * still runs the import checks of the implicit transaction, which ends at once, so nothing
   * lasts. Blocking.
   */
  public static void checkImportOutsideBlock(SnapshotRegistry registry, String id,
      IsolationLevel isolation, boolean readOnly) {
    if (!isolation.snapshotPerTransaction()) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "snapshot.import_isolation");
    }
    registry.importSnapshot(id, isolation, readOnly).close();
  }

  public void savepoint(String name) {
    savepoints.add(new SavepointEntry(name, txn == null ? -1 : txn.savepoint()));
  }

  /** RELEASE: drops the savepoint and every later one. */
  public void release(String name) {
    int i = find(name);
    savepoints.subList(i, savepoints.size()).clear();
  }

  /** ROLLBACK TO: undoes writes after the savepoint, keeps it, leaves the failed state. */
  public void rollbackTo(String name) {
    int i = find(name);
    SavepointEntry s = savepoints.get(i);
    if (txn != null) {
      if (s.handle < 0) {
        s.handle = txn.savepoint();
      }
      txn.rollbackTo(s.handle);
    }
    savepoints.subList(i + 1, savepoints.size()).clear();
    if (state == TransactionState.FAILED) {
      state = state.to(TransactionState.BLOCK);
    }
  }

  private int find(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name.equals(name)) {
        return i;
      }
    }
    throw SnapsyncException.error(SqlState.INVALID_SAVEPOINT_SPECIFICATION,
        "sql.savepoint_not_exist", name);
  }

  /**
   * An error happened in the current statement: an implicit transaction rolls back; a block
   * becomes failed (without savepoints its exported snapshots die at once, as in PostgreSQL,
   * where the aborted transaction stops running). Blocking.
   */
  public void fail() {
    if (!state.active()) {
      return;
    }
    if (!state.explicit()) {
      rollback();
      return;
    }
    if (state != TransactionState.FAILED) {
      state = state.to(TransactionState.FAILED);
    }
    if (savepoints.isEmpty()) {
      releaseExports();
    }
  }

  /**
   * True when ending the transaction now (commit or rollback) touches no disk and reads
   * nothing: it wrote nothing, has no SERIALIZABLE state and no cursor to read or close (the
   * release of its exported snapshots is logged later, {@link SnapshotRegistry#release}). Such
   * an end may run on an event loop: it only releases in-memory state (snapshot pins, row and
   * table locks).
   */
  public boolean endsWithoutIo() {
    return (txn == null || txn.isReadOnly()) && serializable == null
        && (endListener == null || endListener.endsAtOnce());
  }

  /** Commits (a failed block rolls back instead); returns false if it rolled back. Blocking. */
  public boolean commit() {
    if (state == TransactionState.FAILED) {
      rollback();
      return false;
    }
    if (endListener != null) {
      try {
        endListener.beforeCommit();
      } catch (RuntimeException e) {
        rollback();
        throw e;
      }
    }
    try {
      if (txn != null) {
        long t0 = System.nanoTime();
        boolean writes = !txn.isReadOnly();
        waitEvent = writes ? "IO:commit" : null;
        try {
          txn.commit();
        } finally {
          waitEvent = null;
        }
        if (writes) {
          long took = System.nanoTime() - t0;
          stats.waited("IO:commit", took);
          stats.phases().commitLatency(took);
        }
      }
      stats.committed();
    } catch (StorageException e) {
      endQuietly();
      throw StorageErrors.translate(e);
    } finally {
      end();
    }
    return true;
  }

  public void rollback() {
    if (!state.active()) {
      return;
    }
    try {
      if (txn != null) {
        txn.rollback();
      }
      stats.rolledBack();
    } finally {
      end();
    }
  }

  /** PREPARE TRANSACTION: 0A000 (and rollback) when snapshots were exported. Blocking. */
  public void prepare(String gid) {
    if (hasExports()) {
      rollback();
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "snapshot.prepare_exported");
    }
    try {
      storeTxn().prepare(gid, user);
      txn = null;
      prepared = true;
    } catch (StorageException e) {
      rollback();
      throw StorageErrors.translate(e, gid);
    } finally {
      end();
    }
  }

  private void endQuietly() {
    try {
      if (txn != null) {
        txn.rollback();
      }
    } catch (RuntimeException ignored) {
      // already failing
    }
  }

  private void releaseExports() {
    if (!exports.isEmpty()) {
      List<String> ids = exports;
      exports = List.of();
      registry.release(ids);
    }
  }

  /** The exporter's txid from an id of shape {@code 000000000000002A-1}; -1 for others. */
  private static long exporterTxid(String id) {
    int dash = id.indexOf('-');
    try {
      return dash == 16 ? Long.parseUnsignedLong(id.substring(0, dash), 16) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the transaction is ending by PREPARE TRANSACTION (for {@link #onEnd} actions). */
  public boolean endingPrepared() {
    return prepared;
  }

  /** Runs {@code action} when this transaction ends (commit, rollback or prepare). */
  public void onEnd(Runnable action) {
    if (endActions.isEmpty()) {
      endActions = new ArrayList<>(1);
    }
    endActions.add(action);
  }

  /**
   * What the session does when its transaction ends (SQL cursors: holdable ones are read to
   * the end before the commit, the others closed after the end). Called on the thread that
   * ends the transaction; {@code beforeCommit} may fail the commit (the transaction then rolls
   * back).
   */
  public interface EndListener {
    void beforeCommit();

    void ended();

    /** True when {@link #beforeCommit} and {@link #ended} have nothing to do now. */
    default boolean endsAtOnce() {
      return false;
    }
  }

  /** Sets the listener of the ends of this session's transactions (one; null for none). */
  public void endListener(EndListener l) {
    this.endListener = l;
  }

  private void end() {
    if (endListener != null) {
      endListener.ended();
    }
    if (!endActions.isEmpty()) {
      List<Runnable> actions = endActions;
      endActions = List.of();
      actions.forEach(Runnable::run);
    }
    prepared = false;
    if (serializable != null) {
      registry.serializable().release(serializable);
      serializable = null;
    }
    releaseExports();
    if (pin != null) {
      pin.close();
      pin = null;
    }
    txn = null;
    snapshot = null;
    if (state.active()) {
      state = state.to(TransactionState.NONE);
    }
    queried = false;
    imported = false;
    savepoints.clear();
    deleted.clear();
  }

  /** Records that this transaction deleted {@code key} (for primary-key checks). */
  public void markDeleted(byte[] key) {
    deleted.add(key);
  }

  /** True when this transaction deleted {@code key} (see {@link DeletedKeys}). */
  public boolean wasDeleted(byte[] key) {
    return deleted.contains(key);
  }

  /** The transaction number if a store transaction was begun, else 0. */
  public long txidIfBegun() {
    return txn == null ? 0 : txn.txid();
  }
}
