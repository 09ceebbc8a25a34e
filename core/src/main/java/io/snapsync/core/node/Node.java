package io.snapsync.core.node;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.cluster.ClusterTrust;
import io.snapsync.core.config.ConfigException;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.eventbus.Addresses;
import io.snapsync.core.eventbus.EventBusApi;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.node.impl.SqlLayer;
import io.snapsync.core.plugin.Collectors;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.plugin.PluginException;
import io.snapsync.core.plugin.PluginLoader;
import io.snapsync.core.plugin.PluginOrder;
import io.snapsync.core.security.impl.NodeUsers;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running snapsync node: Vert.x (clustered over Hazelcast when {@code cluster.enabled}),
 * metrics, catalog, settings, users, plugins, the store and SQL layer (data nodes), the
 * event-bus API (coordinators). Start with {@link #start}; stop with {@link #close}.
 *
 * <p>Start order: the whole configuration is checked first ({@code StartupCheck}: settings,
 * users, free ports) without any side effect; then Vert.x; data directory, catalog, settings, users (initial admin); plugins
 * {@code register}; config-file settings, then {@code ALTER SYSTEM} values; store, database and
 * sessions; event-bus API; plugins {@code start}. Any failure closes what was opened and fails
 * the returned future with a message naming the cause (file and key, or plugin).
 */
public final class Node {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);

  private final NodeConfig config;
  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;
  private NodeServicesImpl services;
  private Path initialPasswordFile;
  private final List<PluginLoader.Found> plugins = new ArrayList<>();
  private final List<PluginLoader.Found> startedPlugins = new ArrayList<>();
  private final Collectors collectors = new Collectors();
  private Store store;
  private SqlLayer sql;
  private EventBusApi api;
  private io.snapsync.core.cluster.ClusterMembership membership;
  private io.snapsync.core.cluster.RemoteSessionManager remoteSessions;
  private io.snapsync.core.cluster.BackendEndpoint backend;
  private NodeUsers users;
  private String apiDeployment;
  private volatile boolean closed;

  private Node(NodeConfig config, Vertx vertx, HazelcastClusterManager clusterManager) {
    this.config = config;
    this.vertx = vertx;
    this.clusterManager = clusterManager;
  }

  /** Starts a node with the system clock. */
  public static Future<Node> start(NodeConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** Starts a node; {@code clock} drives schedules, timeouts and statistics. */
  public static Future<Node> start(NodeConfig config, Clock clock) {
    MeterRegistry registry = new SimpleMeterRegistry();
    VertxOptions options = new VertxOptions();
    if (config.metricsEnabled()) {
      options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    }
    // The result is a context-free promise: a failed start closes Vert.x, after which
    // callbacks bound to its contexts would never run.
    Promise<Node> result = Promise.promise();
    Future<Node> created;
    try {
      // Everything is checked before the first side effect (trust material, cluster join,
      // data directory, admin password).
      io.snapsync.core.node.impl.StartupCheck.run(config);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    io.snapsync.core.cluster.TrustMaterial trust = null;
    if (config.clusterEnabled()) {
      try {
        trust = io.snapsync.core.cluster.TrustMaterial.of(config);
      } catch (RuntimeException e) {
        return Future.failedFuture(new ConfigException(config.source(), "cluster.trust",
            String.valueOf(e.getMessage())));
      }
      trust.apply(options.getEventBusOptions());
    }
    var builder = Vertx.builder().with(options);
    if (config.metricsEnabled()) {
      builder.withMetrics(new MicrometerMetricsFactory(registry));
    }
    byte[] secret = trust == null ? null : trust.secret().orElseThrow();
    if (config.clusterEnabled()) {
      HazelcastClusterManager mgr = new HazelcastClusterManager(ClusterConfigs.hazelcast(config));
      created = builder.withClusterManager(mgr).buildClustered()
          .map(vx -> new Node(config, vx, mgr));
    } else {
      created = Future.succeededFuture(new Node(config, builder.build(), null));
    }
    created.onComplete(c -> {
      if (c.failed()) {
        result.fail(c.cause());
        return;
      }
      Node node = c.result();
      node.boot(clock, registry, secret).onComplete(b -> {
        if (b.succeeded()) {
          result.complete(node);
        } else {
          node.close().onComplete(x -> result.fail(b.cause()));
        }
      });
    });
    return result.future();
  }

  private Future<Node> boot(Clock clock, MeterRegistry registry, byte[] secret) {
    NodeInfo info = new NodeInfo(config.name(), config.role().coordinator(),
        config.role().dataNode());
    return vertx.executeBlocking(() -> {
      Path dataDir = config.dataDirectory().toAbsolutePath();
      Files.createDirectories(dataDir);
      users = NodeUsers.open(vertx, config, dataDir, clusterManager != null,
          () -> membership.liveDataNode());
      initialPasswordFile = users.initialPasswordFile().orElse(null);
      services = NodeServicesImpl.builder(vertx).node(info).clock(clock).dataDirectory(dataDir)
          .catalog(MessageCatalog.withCoreBundles())
          .settings(SettingsRegistryImpl.withCoreSettings())
          .users(users.directory())
          .stats(new ActivityStats(clock, 5000))
          .service(MeterRegistry.class, registry)
          .service(NodeConfig.class, config)
          .service(Collectors.class, collectors)
          .service(io.snapsync.core.login.LoginThrottle.class,
              io.snapsync.core.login.LoginThrottle.defaults(clock))
          .build();
      services.registerService(Node.class, this);
      ClusterTrust trust = secret == null ? ClusterTrust.ephemeral(services.catalog())
          : ClusterTrust.of(secret, Clock.systemUTC(), services.catalog());
      ClusterTrust.install(vertx, trust);
      services.registerService(ClusterTrust.class, trust);
      membership = io.snapsync.core.cluster.ClusterMembership.install(vertx, services);
      registerPlugins();
      services.settings().applyConfig(config.settings(), config.source());
      return null;
    }, false)
        .compose(v -> checkUniqueName())
        .compose(v -> services.settings().attach(vertx, info.name(), services.dataDirectory()))
        .compose(v -> info.dataNode() ? openDatabase() : Future.succeededFuture())
        .compose(v -> clusterSessions())
        .compose(v -> users.start(clusterManager != null))
        .compose(v -> deployApi())
        .compose(v -> membership.join())
        .compose(v -> startPlugins())
        .map(v -> {
          services.settings().requireNoPending();
          watchMembership();
          LOG.info("node {} ({}) started; data directory {}", info.name(), info.roleName(),
              services.dataDirectory());
          return this;
        });
  }

  /** Fails when another member of the cluster already answers on this node's addresses. */
  private Future<Void> checkUniqueName() {
    if (clusterManager == null) {
      return Future.succeededFuture();
    }
    String name = config.name();
    return vertx.eventBus().request(Addresses.node(name, Addresses.API),
        new JsonObject().put("op", "ping"), new DeliveryOptions().setSendTimeout(2000))
        .transform(ar -> {
          if (ar.succeeded() || (ar.cause() instanceof ReplyException re
              && re.failureType() == ReplyFailure.RECIPIENT_FAILURE)) {
            return Future.failedFuture(new ConfigException(config.source(), "node.name",
                MessageCatalog.english(io.snapsync.core.error.Message.of(
                    "core.node.duplicate_name", name, config.clusterName()))));
          }
          return Future.succeededFuture();
        });
  }

  private void registerPlugins() {
    plugins.addAll(PluginOrder.of(PluginLoader.discover(Node.class.getClassLoader(),
        config.pluginDirectory())));
    for (PluginLoader.Found f : plugins) {
      try {
        f.extension().register(context(f));
      } catch (RuntimeException | LinkageError e) {
        throw PluginException.failed(f.extension().name(), "register", e);
      }
    }
  }

  private ExtensionContextImpl context(PluginLoader.Found f) {
    JsonObject cfg = config.pluginConfig(f.extension().name());
    int port = config.port(f.extension().name());
    if (port >= 0 && !cfg.containsKey("port")) {
      cfg.put("port", port);
    }
    if (!cfg.containsKey("host")) {
      cfg.put("host", config.bindAddress());
    }
    return new ExtensionContextImpl(services, cfg, collectors,
        () -> sessions().filter(sm -> services.node().coordinator()));
  }

  private Future<Void> openDatabase() {
    return vertx.executeBlocking(() -> {
      StoreOptions opts = StoreOptions.defaults(services.dataDirectory().resolve("store"))
          .withKvSpaces(io.snapsync.core.sql.Database.KV_SPACES)
          .withSyncCommits(services.settings().nodeBool("synchronous_commit"))
          .withClock(services.clock());
      store = Store.open(opts);
      services.registerService(Store.class, store);
      sql = SqlLayer.open(store, services);
      if (sql != null) {
        services.registerService(SessionManager.class, sql.sessions());
      }
      return null;
    }, false);
  }

  /**
   * A data node serves backend sessions to coordinators without storage; such a coordinator
   * runs its sessions there (io.snapsync.core.cluster).
   */
  private Future<Void> clusterSessions() {
    if (sql != null) {
      backend = new io.snapsync.core.cluster.BackendEndpoint(vertx, config.name(),
          sql.sessions(), services.catalog());
      return backend.start(membership);
    }
    if (services.node().coordinator()) {
      remoteSessions = new io.snapsync.core.cluster.RemoteSessionManager(services, membership,
          config.requestTimeoutMillis());
      services.registerService(SessionManager.class, remoteSessions);
    }
    return Future.succeededFuture();
  }

  private Future<Void> deployApi() {
    Optional<SessionManager> sm = sessions().filter(s -> services.node().coordinator());
    api = new EventBusApi(services, sm.orElse(null), config.maxMessageBytes(), 1000);
    api.setForwardTimeoutMillis(config.requestTimeoutMillis());
    services.registerService(EventBusApi.class, api);
    return vertx.deployVerticle(api).map(id -> {
      apiDeployment = id;
      return null;
    });
  }

  private Future<Void> startPlugins() {
    Future<Void> chain = Future.succeededFuture();
    for (PluginLoader.Found f : plugins) {
      chain = chain.compose(v -> {
        Future<Void> started;
        try {
          started = f.extension().start(context(f));
        } catch (RuntimeException | LinkageError e) {
          started = Future.failedFuture(e);
        }
        return started.recover(e -> Future.failedFuture(startFailure(f, e)))
            .map(ok -> {
              startedPlugins.add(f);
              return null;
            });
      });
    }
    return chain;
  }

  /** A listener that could not bind names its port and address; other failures the plugin. */
  private RuntimeException startFailure(PluginLoader.Found f, Throwable e) {
    String name = f.extension().name();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.BindException) {
        JsonObject cfg = config.pluginConfig(name);
        int port = cfg.getValue("port") instanceof Number n ? n.intValue() : config.port(name);
        String host = cfg.getValue("host") instanceof String h ? h : config.bindAddress();
        return new ConfigException(config.source(), "ports." + name, MessageCatalog.english(
            io.snapsync.core.error.Message.of("harden.port_in_use", port, host,
                String.valueOf(t.getMessage()))));
      }
    }
    return PluginException.failed(name, "start", e);
  }

  private void watchMembership() {
    if (clusterManager == null || api == null) {
      return;
    }
    clusterManager.getHazelcastInstance().getCluster().addMembershipListener(
        new MembershipListener() {
          @Override
          public void memberAdded(MembershipEvent e) {
          }

          @Override
          public void memberRemoved(MembershipEvent e) {
            String id = e.getMember().getAttribute("__vertx.nodeId");
            if (id != null) {
              vertx.runOnContext(v -> api.nodeLeft(id));
            }
          }
        });
  }

  public NodeConfig config() {
    return config;
  }

  public Vertx vertx() {
    return vertx;
  }

  public NodeServicesImpl services() {
    return services;
  }

  public NodeInfo info() {
    return services.node();
  }

  /**
   * The node's session manager: the local SQL layer's on a data node; on a coordinator
   * without storage, sessions run over the data node (registered as the
   * {@code SessionManager.class} service, which an extension may also provide).
   */
  public Optional<SessionManager> sessions() {
    if (sql != null) {
      return Optional.ofNullable(sql.sessions());
    }
    return services == null ? Optional.empty() : services.service(SessionManager.class);
  }

  /** The event-bus API verticle, when this node serves sessions. */
  public Optional<EventBusApi> api() {
    return Optional.ofNullable(api);
  }

  /** The endpoint serving backend sessions to coordinators, on a data node. */
  public Optional<io.snapsync.core.cluster.BackendEndpoint> backend() {
    return Optional.ofNullable(backend);
  }

  /** The store of a data node. */
  public Optional<Store> store() {
    return Optional.ofNullable(store);
  }

  /** The file holding the initial admin password, when this start created it. */
  public Optional<Path> initialPasswordFile() {
    return Optional.ofNullable(initialPasswordFile);
  }

  /** Extensions loaded, by name. */
  public List<String> pluginNames() {
    return plugins.stream().map(f -> f.extension().name()).toList();
  }

  /** Stops plugins, sessions, the SQL layer, the store and Vert.x (leaving the cluster). */
  public synchronized Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    Future<Void> chain = Future.succeededFuture();
    List<PluginLoader.Found> reversed = new ArrayList<>(startedPlugins);
    java.util.Collections.reverse(reversed);
    for (PluginLoader.Found f : reversed) {
      chain = chain.compose(v -> safe(() -> f.extension().stop()));
    }
    if (membership != null) {
      chain = chain.compose(v -> safe(membership::leave));
    }
    if (apiDeployment != null) {
      chain = chain.compose(v -> safe(() -> vertx.undeploy(apiDeployment)));
    }
    if (backend != null) {
      chain = chain.compose(v -> safe(backend::stop));
    }
    if (users != null) {
      chain = chain.compose(v -> safe(users::stop));
    }
    chain = chain.compose(v -> sessions().map(sm -> safe(sm::closeAll))
        .orElse(Future.succeededFuture()));
    chain = chain.compose(v -> vertx.executeBlocking(() -> {
      if (sql != null) {
        try {
          sql.close();
        } catch (Exception e) {
          LOG.warn("closing the database failed", e);
        }
      }
      if (store != null) {
        store.close();
      }
      return null;
    }, false).<Void>mapEmpty().otherwiseEmpty());
    if (services != null) {
      chain = chain.compose(v -> safe(() -> services.settings().detach()));
    }
    Promise<Void> done = Promise.promise();
    chain.onComplete(ar -> {
      // Vert.x is closed from a thread of its own, so that completion does not depend on the
      // contexts being closed.
      Thread t = new Thread(() -> vertx.close().onComplete(c -> {
        PluginLoader.close(plugins);
        done.complete();
      }), "snapsync-node-close");
      t.setDaemon(true);
      t.start();
    });
    return done.future();
  }

  private static Future<Void> safe(java.util.function.Supplier<Future<?>> step) {
    try {
      return step.get().<Void>mapEmpty().recover(e -> {
        LOG.warn("shutdown step failed", e);
        return Future.succeededFuture();
      });
    } catch (RuntimeException e) {
      LOG.warn("shutdown step failed", e);
      return Future.succeededFuture();
    }
  }
}
