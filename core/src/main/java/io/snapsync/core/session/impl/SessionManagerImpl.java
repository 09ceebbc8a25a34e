package io.snapsync.core.session.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.sql.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The sessions of a coordinator. Idle sessions cost a map entry and a small object; one
 * periodic timer (every {@value #REAP_PERIOD_MS} ms) ends sessions idle longer than their
 * {@code idle_session_timeout} or, in a transaction block,
 * {@code idle_in_transaction_session_timeout}, measured with the node clock.
 */
public final class SessionManagerImpl implements SessionManager {

  static final long REAP_PERIOD_MS = 1000;
  /** Option keys that are not settings. */
  private static final List<String> NOT_SETTINGS = List.of("database", "user", "password");

  private final NodeServices services;
  private final Database db;
  private final Map<String, SessionImpl> sessions = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final long timerId;

  private SessionManagerImpl(NodeServices services, Database db) {
    this.services = services;
    this.db = db;
    this.timerId = services.vertx().setPeriodic(REAP_PERIOD_MS, id -> reapIdle());
    if (services.systemTables().find("pg_stat_activity").isEmpty()) {
      services.systemTables().add(new ActivityTable(this, services.node().name()));
    }
  }

  /** The open sessions (for system tables). */
  Collection<SessionImpl> live() {
    return sessions.values();
  }

  public static SessionManagerImpl create(NodeServices services, Database database) {
    return new SessionManagerImpl(services, database);
  }

  @Override
  public Future<Session> open(String user, String password, JsonObject options) {
    return authenticateThen(services, user, password, u -> openAuthenticated(u, options));
  }

  /**
   * Authenticates {@code user} with {@code password} (counting a failed login in the node's
   * statistics) and then opens the session with {@code open} for the authenticated name.
   */
  public static Future<Session> authenticateThen(NodeServices services, String user,
      String password, Function<String, Future<Session>> open) {
    return services.users().authenticate(user, password)
        .recover(e -> {
          services.stats().loginFailed();
          return Future.failedFuture(e);
        })
        .compose(u -> open.apply(u == null ? user : u));
  }

  @Override
  public Future<Session> openAuthenticated(String user, JsonObject options) {
    return openAuthenticated(user, options, services.node().name());
  }

  @Override
  public Future<Session> openAuthenticated(String user, JsonObject options,
      String sessionNode) {
    JsonObject opts = options == null ? new JsonObject() : options;
    String database = opts.getString("database", "snapsync");
    if (!"snapsync".equals(database)) {
      return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_CATALOG_NAME,
          "sql.database_not_exist", database));
    }
    SessionSettings settings = services.newSessionSettings();
    try {
      if (opts.getValue("lc_messages") != null) {
        settings.setAtStartup("lc_messages", String.valueOf(opts.getValue("lc_messages")));
      }
      for (Map.Entry<String, Object> e : opts) {
        String key = e.getKey();
        if (NOT_SETTINGS.contains(key) || key.equals("lc_messages") || e.getValue() == null) {
          continue;
        }
        try {
          settings.setAtStartup(key, String.valueOf(e.getValue()));
        } catch (SnapsyncException x) {
          if (!SqlState.UNDEFINED_OBJECT.equals(x.sqlState())
              && !SqlState.CANT_CHANGE_RUNTIME_PARAM.equals(x.sqlState())) {
            throw x;
          }
          // clients send parameters we do not keep or that are fixed (server_version, ...)
        }
      }
    } catch (SnapsyncException e) {
      return Future.failedFuture(e);
    }
    String id = services.node().name() + "-" + ids.incrementAndGet();
    SessionImpl s = new SessionImpl(this, db, id, user, settings,
        sessionNode == null ? services.node().name() : sessionNode);
    sessions.put(id, s);
    services.stats().sessionOpened();
    return Future.succeededFuture(s);
  }

  @Override
  public Optional<Session> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  @Override
  public Collection<Session> sessions() {
    return new ArrayList<>(sessions.values());
  }

  public int count() {
    return sessions.size();
  }

  /**
   * Ends the sessions that are idle (no statement queued) for at least their timeout: outside a
   * transaction block {@code idle_session_timeout} (57P05), inside one
   * {@code idle_in_transaction_session_timeout} (25P03, the block rolls back and its locks go),
   * as PostgreSQL does; returns how many. Called by the periodic timer.
   */
  public int reapIdle() {
    long now = services.clock().millis();
    int n = 0;
    for (SessionImpl s : sessions.values()) {
      if (s.closedReason() != null) {
        continue;
      }
      boolean inBlock = s.txn().inBlock();
      long timeout;
      try {
        timeout = s.settings().getLong(inBlock ? "idle_in_transaction_session_timeout"
            : "idle_session_timeout");
      } catch (RuntimeException e) {
        continue;
      }
      if (timeout > 0 && now - s.lastActiveMillis() >= timeout && !s.busy()
          && s.txn().inBlock() == inBlock) {
        s.terminate((inBlock ? SnapsyncException.error(
            SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, "security.idle_in_transaction_timeout")
            : SnapsyncException.error(SqlState.IDLE_SESSION_TIMEOUT, "sql.idle_session_timeout"))
            .withSeverity(io.snapsync.core.error.Severity.FATAL));
        n++;
      }
    }
    return n;
  }

  void removed(SessionImpl s) {
    if (sessions.remove(s.id()) != null) {
      services.stats().sessionClosed();
    }
  }

  @Override
  public Future<Void> closeAll() {
    services.vertx().cancelTimer(timerId);
    List<Future<Void>> all = new ArrayList<>();
    for (SessionImpl s : sessions.values()) {
      all.add(s.close());
    }
    return Future.join(all).mapEmpty();
  }
}
