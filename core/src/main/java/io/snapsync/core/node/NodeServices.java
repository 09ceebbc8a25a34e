package io.snapsync.core.node;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.spi.FunctionRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What the session and SQL layers need from the node, assembled at start-up. Thread-safe.
 */
public interface NodeServices {

  Vertx vertx();

  NodeInfo node();

  Clock clock();

  Path dataDirectory();

  MessageCatalog catalog();

  SettingsRegistry settings();

  /** A fresh per-session settings overlay. */
  SessionSettings newSessionSettings();

  UserDirectory users();

  AuthorizationProvider authorization();

  FunctionRegistry functions();

  io.snapsync.core.spi.SystemTableRegistry systemTables();

  /** Cumulative activity counters of this node. */
  io.snapsync.core.stats.ActivityStats stats();

  <T> Optional<T> service(Class<T> type);
}
