package io.snapsync.core.node.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.NodeServices;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.security.impl.UsersAuthorizationProvider;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.settings.impl.SessionSettingsImpl;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.stats.ActivityStats;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authorization.AuthorizationProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's services, assembled by {@link io.snapsync.core.node.Node} or, in tests, by
 * {@link #builder}. Thread-safe. The authorization provider may be replaced by an extension
 * during registration ({@link #setAuthorization}); services may be added at any time.
 */
public final class NodeServicesImpl implements NodeServices {

  private final Vertx vertx;
  private final NodeInfo node;
  private final Clock clock;
  private final Path dataDirectory;
  private final MessageCatalog catalog;
  private final SettingsRegistryImpl settings;
  private final UserDirectory users;
  private final FunctionRegistry functions;
  private final SystemTableRegistry systemTables;
  private final ActivityStats stats;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();
  private volatile AuthorizationProvider authorization;

  private NodeServicesImpl(Builder b) {
    this.vertx = Objects.requireNonNull(b.vertx, "vertx");
    this.node = b.node;
    this.clock = b.clock;
    this.dataDirectory = Objects.requireNonNull(b.dataDirectory, "dataDirectory");
    this.catalog = b.catalog != null ? b.catalog : MessageCatalog.withCoreBundles();
    this.settings = b.settings != null ? b.settings : SettingsRegistryImpl.withCoreSettings();
    this.users = b.users != null ? b.users : FileUserDirectory.load(vertx,
        dataDirectory.resolve(FileUserDirectory.FILE_NAME), null, "(none)");
    this.authorization = b.authorization != null ? b.authorization
        : new UsersAuthorizationProvider(users);
    this.functions = b.functions != null ? b.functions : new FunctionRegistry();
    this.systemTables = b.systemTables != null ? b.systemTables : new SystemTableRegistry();
    this.stats = b.stats != null ? b.stats : new ActivityStats(clock, 5000);
    services.putAll(b.services);
    services.putIfAbsent(ActivityStats.class, stats);
    services.putIfAbsent(MessageCatalog.class, catalog);
  }

  /**
   * A builder; only {@code dataDirectory} is required besides {@code vertx}. Defaults: node
   * {@code node1} (coordinator and data node), system UTC clock, core catalog, core settings,
   * users from {@code <dataDirectory>/users.json} (blocking read), the users' roles as
   * authorization, empty function and system-table registries, fresh statistics.
   */
  public static Builder builder(Vertx vertx) {
    return new Builder(vertx);
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public NodeInfo node() {
    return node;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public MessageCatalog catalog() {
    return catalog;
  }

  @Override
  public SettingsRegistryImpl settings() {
    return settings;
  }

  @Override
  public SessionSettings newSessionSettings() {
    return new SessionSettingsImpl(settings);
  }

  @Override
  public UserDirectory users() {
    return users;
  }

  @Override
  public AuthorizationProvider authorization() {
    return authorization;
  }

  /** Replaces the authorization provider (an extension's). */
  public void setAuthorization(AuthorizationProvider provider) {
    this.authorization = Objects.requireNonNull(provider);
  }

  @Override
  public FunctionRegistry functions() {
    return functions;
  }

  @Override
  public SystemTableRegistry systemTables() {
    return systemTables;
  }

  @Override
  public ActivityStats stats() {
    return stats;
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return Optional.ofNullable(type.cast(services.get(type)));
  }

  /** Makes {@code service} available under {@code type} (replacing any earlier one). */
  public <T> void registerService(Class<T> type, T service) {
    services.put(type, Objects.requireNonNull(service));
  }

  /** Builder of {@link NodeServicesImpl}. Not thread-safe. */
  public static final class Builder {
    private final Vertx vertx;
    private NodeInfo node = new NodeInfo("node1", true, true);
    private Clock clock = Clock.systemUTC();
    private Path dataDirectory;
    private MessageCatalog catalog;
    private SettingsRegistryImpl settings;
    private UserDirectory users;
    private AuthorizationProvider authorization;
    private FunctionRegistry functions;
    private SystemTableRegistry systemTables;
    private ActivityStats stats;
    private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

    private Builder(Vertx vertx) {
      this.vertx = vertx;
    }

    public Builder node(NodeInfo n) {
      this.node = n;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Builder dataDirectory(Path d) {
      this.dataDirectory = d;
      return this;
    }

    public Builder catalog(MessageCatalog c) {
      this.catalog = c;
      return this;
    }

    public Builder settings(SettingsRegistryImpl s) {
      this.settings = s;
      return this;
    }

    public Builder users(UserDirectory u) {
      this.users = u;
      return this;
    }

    public Builder authorization(AuthorizationProvider a) {
      this.authorization = a;
      return this;
    }

    public Builder functions(FunctionRegistry f) {
      this.functions = f;
      return this;
    }

    public Builder systemTables(SystemTableRegistry t) {
      this.systemTables = t;
      return this;
    }

    public Builder stats(ActivityStats s) {
      this.stats = s;
      return this;
    }

    public <T> Builder service(Class<T> type, T service) {
      services.put(type, service);
      return this;
    }

    public NodeServicesImpl build() {
      return new NodeServicesImpl(this);
    }
  }
}
