package io.snapsync.plugins.wdr.testing;

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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The extension context of a node made of the core's real {@link NodeServicesImpl} (settings,
 * catalog, users, registries, activity statistics), as the node gives it to an extension.
 */
public final class ContextFixture implements ExtensionContext {

  private final NodeServicesImpl services;
  private final JsonObject config;
  private final List<Collector> collectors = new CopyOnWriteArrayList<>();

  public ContextFixture(NodeServicesImpl services, JsonObject config) {
    this.services = services;
    this.config = config;
  }

  public NodeServicesImpl services() {
    return services;
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
  public JsonObject config() {
    return config;
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
    return collectors;
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
    return Optional.empty();
  }
}
