package io.snapsync.core.plugin;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.core.spi.Collector;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.SystemTable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** One extension's view of the node. Thread-safe (delegates to thread-safe registries). */
public final class ExtensionContextImpl implements ExtensionContext {

  private final NodeServicesImpl services;
  private final JsonObject config;
  private final Collectors collectors;
  private final Supplier<Optional<SessionManager>> sessions;

  public ExtensionContextImpl(NodeServicesImpl services, JsonObject config, Collectors collectors,
      Supplier<Optional<SessionManager>> sessions) {
    this.services = services;
    this.config = config;
    this.collectors = collectors;
    this.sessions = sessions;
  }

  @Override
  public Vertx vertx() {
    return services.vertx();
  }

  @Override
  public NodeInfo node() {
    return services.node();
  }

  @Override
  public java.time.Clock clock() {
    return services.clock();
  }

  @Override
  public io.snapsync.core.spi.SystemTableRegistry systemTables() {
    return services.systemTables();
  }

  @Override
  public io.snapsync.core.spi.FunctionCall callAs(String user, String lcMessages) {
    return io.snapsync.core.spi.StandardFunctionCall.byUser(services, user, lcMessages,
        List.of());
  }

  @Override
  public JsonObject config() {
    return config.copy();
  }

  @Override
  public Path dataDirectory() {
    return services.dataDirectory();
  }

  @Override
  public void addFunction(SqlFunction function) {
    services.functions().add(function);
  }

  @Override
  public void addSetting(SettingDefinition definition) {
    services.settings().register(definition);
  }

  @Override
  public void addCatalog(ClassLoader loader, String bundleBase) {
    services.catalog().addBundle(loader, bundleBase);
  }

  @Override
  public void addSystemTable(SystemTable table) {
    services.systemTables().add(table);
  }

  @Override
  public void addCollector(Collector collector) {
    collectors.add(collector);
  }

  @Override
  public List<Collector> collectors() {
    return collectors.all();
  }

  @Override
  public void setAuthorizationProvider(AuthorizationProvider provider) {
    services.setAuthorization(provider);
  }

  @Override
  public <T> void registerService(Class<T> type, T service) {
    services.registerService(type, service);
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return services.service(type);
  }

  @Override
  public MessageCatalog catalog() {
    return services.catalog();
  }

  @Override
  public SettingsRegistry settings() {
    return services.settings();
  }

  @Override
  public UserDirectory users() {
    return services.users();
  }

  @Override
  public Optional<SessionManager> sessions() {
    return sessions.get();
  }
}
