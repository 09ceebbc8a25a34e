package io.snapsync.core.sql;

import io.snapsync.core.node.NodeServices;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.core.sql.builtin.BuiltinFunctions;
import io.snapsync.core.sql.builtin.DurableSnapshotFunctions;
import io.snapsync.core.sql.builtin.SystemTables;
import io.snapsync.core.sql.exec.Executor;
import io.snapsync.core.txn.DurableSnapshots;
import io.snapsync.core.txn.SnapshotLog;
import io.snapsync.core.txn.SnapshotRegistry;
import io.snapsync.storage.Store;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The SQL database on a {@link Store}: tables and rows in the MVCC data, the exported-snapshot
 * registry and the snapshot log (kv space {@value #SNAPSHOT_LOG_SPACE}), the built-in
 * functions and system tables, the worker pool that runs store work off the event loop, and a
 * periodic reclaim of row versions no snapshot needs any more.
 *
 * <p>Thread-safe. {@link #open} and {@link #close} are blocking; the caller owns the store.
 */
public final class Database implements AutoCloseable {

  /** Kv space of the snapshot log. */
  public static final String SNAPSHOT_LOG_SPACE = "snapshot_log";
  /** Kv space of system data. */
  public static final String SYSTEM_SPACE = "system";
  /** The kv spaces the store must be opened with. */
  public static final List<String> KV_SPACES = List.of(SYSTEM_SPACE, SNAPSHOT_LOG_SPACE, "wdr");
  /**
   * Worker threads for blocking store work. More than the cores: long scans (a parallel dump)
   * must not hold every thread while short writes wait (measured in bench/).
   */
  static final int WORKERS = 16;
  /** How often superseded row versions no snapshot needs are reclaimed. */
  static final long RECLAIM_PERIOD_MS = 10_000;

  private final Store store;
  private final NodeServices services;
  private final SnapshotLog log;
  private final SnapshotRegistry registry;
  private final DurableSnapshots durable;
  private final WorkerExecutor worker;
  private final Executor executor;
  private final io.snapsync.core.sql.exec.RowIds rowIds;
  private final long reclaimTimer;
  private final io.snapsync.core.txn.TableLocks tableLocks = new io.snapsync.core.txn.TableLocks();
  private final io.snapsync.core.txn.HoldbackWarnings holdbackWarnings =
      new io.snapsync.core.txn.HoldbackWarnings();

  private Database(Store store, NodeServices services) {
    this.store = store;
    this.services = services;
    SettingsRegistry settings = services.settings();
    registerSettings(settings);
    this.log = new SnapshotLog(store.space(SNAPSHOT_LOG_SPACE), store.space(SYSTEM_SPACE),
        services.clock(),
        () -> settings.nodeLong("snapshot_log_retention_days"));
    log.releaseOrphans();
    this.durable = new DurableSnapshots(store, log, services.clock(),
        () -> settings.nodeLong("snapshot_max_lease"),
        () -> settings.nodeLong("snapshot_max_durable_per_user"),
        () -> settings.nodeLong(io.snapsync.core.txn.SnapshotHistory.SETTING));
    this.registry = new SnapshotRegistry(store, log, durable);
    this.worker = services.vertx().createSharedWorkerExecutor("snapsync-sql", WORKERS);
    log.drainer(() -> blocking(() -> {
      log.drain();
      return null;
    }).onFailure(t -> org.slf4j.LoggerFactory.getLogger(Database.class)
        .warn("writing snapshot log events failed", t)));
    this.rowIds = new io.snapsync.core.sql.exec.RowIds(store.space(SYSTEM_SPACE));
    this.executor = new Executor(this);
    io.snapsync.core.txn.SnapshotHistory.follow(store.history(), settings, this::blocking);
    this.reclaimTimer = services.vertx().setPeriodic(RECLAIM_PERIOD_MS,
        id -> blocking(() -> {
          durable.expireDue();
          io.snapsync.core.txn.SnapshotHistory.apply(store.history(), settings);
          long n = store.reclaim();
          warnHoldback();
          return n;
        }));
  }

  /** Logs a WARNING for each snapshot newly above {@code snapshot_holdback_warning}. */
  public List<io.snapsync.core.error.Message> warnHoldback() {
    long kb = services.settings().nodeLong("snapshot_holdback_warning");
    return holdbackWarnings.check(kb <= 0 ? java.util.Map.of()
        : io.snapsync.core.txn.SnapshotCosts.of(registry, durable, log, store,
            services.clock().millis()), kb);
  }

  /**
   * Opens the database on {@code store} (opened with {@link #KV_SPACES}): registers the
   * built-in functions, system tables and the {@code snapshot_log_retention_days} setting.
   * Transaction-exported snapshots never survive a restart; durable ones do (their pins are
   * restored by the store). Prepared transactions are recovered by the store. Blocking.
   */
  public static Database open(Store store, NodeServices services) {
    Database db = new Database(store, services);
    io.snapsync.core.sql.ddl.TempTables.dropLeftovers(store, services.node().name());
    BuiltinFunctions.registerAll(services.functions(), services.clock());
    DurableSnapshotFunctions.registerAll(services.functions());
    SystemTables.registerAll(db, services.systemTables());
    io.snapsync.core.sql.cursor.CursorTables.register(services.systemTables());
    io.snapsync.core.sql.catalog.PgCatalog.registerAll(db, services.systemTables(), services);
    return db;
  }

  /** Registers the database's node settings (idempotent); the start-up check uses it too. */
  public static void registerSettings(SettingsRegistry s) {
    registerIfAbsent(s, SettingDefinition.integer("snapshot_log_retention_days",
        SettingDefinition.Level.NODE, 30, 0, 36500, "d",
        "snapshot.setting.snapshot_log_retention_days"));
    registerIfAbsent(s, SettingDefinition.integer("snapshot_max_lease",
        SettingDefinition.Level.NODE, 86_400, 1, 366L * 86_400, "s",
        "durable.setting.snapshot_max_lease"));
    registerIfAbsent(s, SettingDefinition.integer("snapshot_max_durable_per_user",
        SettingDefinition.Level.NODE, 16, 0, 1_000_000, "",
        "durable.setting.snapshot_max_durable_per_user"));
    registerIfAbsent(s, SettingDefinition.integer(io.snapsync.core.txn.SnapshotHistory.SETTING,
        SettingDefinition.Level.NODE, 0, 0, 366L * 86_400, "s",
        "durable.setting.snapshot_history_retention"));
    registerIfAbsent(s, SettingDefinition.integer("snapshot_holdback_warning",
        SettingDefinition.Level.NODE, 0, 0, Integer.MAX_VALUE, "kB",
        "durable.setting.snapshot_holdback_warning"));
    registerIfAbsent(s, SettingDefinition.enumeration("default_transaction_isolation",
        SettingDefinition.Level.SESSION, "read committed",
        List.of("serializable", "repeatable read", "read committed", "read uncommitted"),
        "sql.setting.default_transaction_isolation"));
    registerIfAbsent(s, SettingDefinition.bool("default_transaction_read_only",
        SettingDefinition.Level.SESSION, false, "sql.setting.default_transaction_read_only"));
    registerIfAbsent(s, SettingDefinition.integer("idle_session_timeout",
        SettingDefinition.Level.SESSION, 0, 0, Integer.MAX_VALUE, "ms",
        "sql.setting.idle_session_timeout"));
  }

  private static void registerIfAbsent(SettingsRegistry s, SettingDefinition d) {
    if (s.definition(d.name()).isEmpty()) {
      s.register(d);
    }
  }

  public Store store() {
    return store;
  }

  public NodeServices services() {
    return services;
  }

  public SnapshotRegistry snapshots() {
    return registry;
  }

  /** Durable snapshots (leases, persisted pins). */
  public DurableSnapshots durableSnapshots() {
    return durable;
  }

  /** Hidden row ids of tables without a primary key. */
  public io.snapsync.core.sql.exec.RowIds rowIds() {
    return rowIds;
  }

  /** Table-definition locks (writers vs CREATE INDEX, DROP, ALTER). */
  public io.snapsync.core.txn.TableLocks tableLocks() {
    return tableLocks;
  }

  public SnapshotLog snapshotLog() {
    return log;
  }

  public Executor executor() {
    return executor;
  }

  /** Runs blocking store work on the database's worker pool (unordered). */
  public <T> Future<T> blocking(Callable<T> work) {
    dispatched.increment();
    return worker.executeBlocking(() -> {
      boolean outer = !IN_TASK.get();
      IN_TASK.set(Boolean.TRUE);
      try {
        return work.call();
      } finally {
        if (outer) {
          IN_TASK.set(Boolean.FALSE);
        }
      }
    }, false);
  }

  /**
   * Like {@link #blocking}, but runs {@code work} at once on the calling thread when that thread
   * is already running a task of this pool (a worker): a statement whose steps all complete at
   * once then takes one hop instead of one per step. From an event loop (or any other thread)
   * it is {@link #blocking}. The returned future is complete when it ran at once.
   */
  public <T> Future<T> blockingInline(Callable<T> work) {
    if (!IN_TASK.get()) {
      return blocking(work);
    }
    try {
      return Future.succeededFuture(work.call());
    } catch (Throwable e) {
      return Future.failedFuture(e);
    }
  }

  /** Tasks handed to the worker pool so far (hops; tests and metrics). */
  public long dispatched() {
    return dispatched.sum();
  }

  /** True on a thread that is running a {@link #blocking} task now. */
  public static boolean inWorkerTask() {
    return IN_TASK.get();
  }

  private final java.util.concurrent.atomic.LongAdder dispatched =
      new java.util.concurrent.atomic.LongAdder();
  private static final ThreadLocal<Boolean> IN_TASK = ThreadLocal.withInitial(() -> false);

  @Override
  public void close() {
    services.vertx().cancelTimer(reclaimTimer);
    log.drain();
    worker.close();
  }
}
