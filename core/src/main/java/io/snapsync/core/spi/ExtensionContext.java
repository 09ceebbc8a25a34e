package io.snapsync.core.spi;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.core.security.UserDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import java.util.Optional;

/**
 * The narrow view of the node an extension gets. {@code add*} methods are for
 * {@link SnapsyncExtension#register}; the rest is usable from {@link SnapsyncExtension#start} on.
 */
public interface ExtensionContext {

  Vertx vertx();

  NodeInfo node();

  /** The node's clock (tests inject one); use it instead of the system clock. */
  java.time.Clock clock();

  /** The system tables of this node (built-in and extensions'), to read without SQL. */
  SystemTableRegistry systemTables();

  /**
   * A call made by the node itself in the name of {@code user} (roles from the user directory,
   * node-level settings, no session), to read a system table or call a function outside any
   * session, e.g. a sampler reading {@code pg_stat_activity}.
   */
  FunctionCall callAs(String user, String lcMessages);

  /** This extension's section of the node configuration ({@code plugins.<name>}), or empty. */
  JsonObject config();

  /** The node's data directory. */
  java.nio.file.Path dataDirectory();

  void addFunction(SqlFunction function);

  void addSetting(SettingDefinition definition);

  /** Adds a message catalog bundle ({@code base.properties}, {@code base_zh_CN.properties}). */
  void addCatalog(ClassLoader loader, String bundleBase);

  /** Adds a read-only system table. */
  void addSystemTable(SystemTable table);

  /** Adds a WDR collector (all nodes run the collectors of their extensions). */
  void addCollector(Collector collector);

  /** Collectors registered so far (built-in and extensions). */
  java.util.List<Collector> collectors();

  /** Replaces the default authorization provider (roles from {@code conf/}). */
  void setAuthorizationProvider(AuthorizationProvider provider);

  /** Makes {@code service} available to functions and other extensions. */
  <T> void registerService(Class<T> type, T service);

  <T> Optional<T> service(Class<T> type);

  MessageCatalog catalog();

  SettingsRegistry settings();

  UserDirectory users();

  /** Sessions of this node (coordinators only; empty on a data node). */
  Optional<SessionManager> sessions();
}
