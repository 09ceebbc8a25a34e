package io.snapsync.core.settings.impl;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingsRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's settings. Node value = definition default, overridden by the config file
 * ({@link #applyConfig}), overridden by {@code ALTER SYSTEM} values persisted in
 * {@code <data dir>/snapsync.auto.conf.json} ({@link #attach}).
 *
 * <p>{@code ALTER SYSTEM} persists and applies locally, then publishes
 * {@code {name, value, origin}} on {@value #CHANGED_ADDRESS}; every other node applies and
 * persists it. Nodes that join later read only their own file (documented limitation).
 */
public final class SettingsRegistryImpl implements SettingsRegistry {

  /** Event-bus address of {@code ALTER SYSTEM} changes (publish, JSON). */
  public static final String CHANGED_ADDRESS = SettingsRegistry.CHANGED_ADDRESS;
  /** Hazelcast map of the cluster's ALTER SYSTEM values: name to {@code {"value": text|null}}. */
  public static final String CLUSTER_MAP = "snapsync.settings.alter-system";

  /** 55P02, PostgreSQL's cant_change_runtime_param. */
  public static final String CANT_CHANGE_RUNTIME_PARAM = io.snapsync.core.error.SqlState.CANT_CHANGE_RUNTIME_PARAM;

  private static final Logger LOG = LoggerFactory.getLogger(SettingsRegistryImpl.class);

  private record Rule(UnaryOperator<String> canonical, String allowed) {
  }

  private final Map<String, SettingDefinition> defs = new ConcurrentSkipListMap<>();
  private final Map<String, SettingValues.Value> values = new ConcurrentHashMap<>();
  private final Map<String, SettingValues.Value> configured = new ConcurrentHashMap<>();
  private final Map<String, Rule> rules = new ConcurrentHashMap<>();
  private final Map<String, java.util.function.BinaryOperator<String>> relative =
      new ConcurrentHashMap<>();
  private final Set<String> readOnly = ConcurrentHashMap.newKeySet();
  /** Config-file values of settings not registered yet: name to {text, file}. */
  private final Map<String, String[]> pendingConfig = new ConcurrentHashMap<>();
  /** ALTER SYSTEM values of settings not registered yet. */
  private final Map<String, String> pendingAuto = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  private volatile Vertx vertx;
  private volatile String nodeName = "";
  private volatile AutoConfFile autoConf;
  private volatile MessageConsumer<JsonObject> consumer;

  /** A registry with no definitions. */
  public SettingsRegistryImpl() {
  }

  /** A registry with the core settings ({@link CoreSettings}). */
  public static SettingsRegistryImpl withCoreSettings() {
    SettingsRegistryImpl r = new SettingsRegistryImpl();
    CoreSettings.registerAll(r);
    ClientSettings.registerAll(r);
    PlannerSettings.registerAll(r);
    return r;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public void register(SettingDefinition definition) {
    String k = key(definition.name());
    SettingValues.Value dflt = SettingValues.parse(definition, definition.defaultValue());
    if (defs.putIfAbsent(k, definition) != null) {
      throw new IllegalStateException("setting " + definition.name() + " is registered twice");
    }
    values.put(k, dflt);
    applyPending(k, definition);
  }

  /** Applies values the config file or ALTER SYSTEM gave before the setting was registered. */
  private void applyPending(String k, SettingDefinition def) {
    String[] fromConfig = pendingConfig.remove(k);
    if (fromConfig != null) {
      try {
        SettingValues.Value v = parse(def, fromConfig[0]);
        configured.put(k, v);
        values.put(k, v);
      } catch (SnapsyncException e) {
        throw ConfigException.of(fromConfig[1], "settings." + fromConfig[2], e);
      }
    }
    String fromAuto = pendingAuto.remove(k);
    if (fromAuto != null) {
      try {
        values.put(k, parse(def, fromAuto));
      } catch (SnapsyncException e) {
        throw ConfigException.of(autoConf.path().toString(), def.name(), e);
      }
    }
  }

  /**
   * Fails with a {@link ConfigException} naming the file and key when the config file set a
   * setting that nothing registered (call once every extension and the database registered).
   */
  public void requireNoPending() {
    for (Map.Entry<String, String[]> e : pendingConfig.entrySet()) {
      String[] v = e.getValue();
      throw ConfigException.of(v[1], "settings." + v[2], SnapsyncException.error(
          SqlState.UNDEFINED_OBJECT, "settings.unrecognized", v[2]));
    }
    pendingAuto.keySet().forEach(k -> LOG.warn("{}: ignoring unknown setting {}",
        autoConf == null ? AutoConfFile.FILE_NAME : autoConf.path(), k));
    pendingAuto.clear();
  }

  /** A canonicalizer for a string setting (returns null for an invalid value). */
  public void validator(String name, UnaryOperator<String> canonical, String allowedForHint) {
    rules.put(key(name), new Rule(canonical, allowedForHint));
    SettingDefinition d = defs.get(key(name));
    if (d != null) {
      values.put(key(name), parse(d, d.defaultValue()));
    }
  }

  /**
   * A setting whose {@code SET} value is read against the session's current one (DateStyle:
   * {@code DMY} alone keeps the output style): {@code merge(current, given)} gives the new
   * text, or null to leave the value to the validator as given.
   */
  public void relative(String name, java.util.function.BinaryOperator<String> merge) {
    relative.put(key(name), merge);
  }

  /** {@code given} read against {@code current} for a {@link #relative} setting. */
  String merged(SettingDefinition def, String current, String given) {
    java.util.function.BinaryOperator<String> m = relative.get(key(def.name()));
    if (m == null || given == null) {
      return given;
    }
    String v = m.apply(current, given);
    return v == null ? given : v;
  }

  /** Marks a setting that neither SET nor ALTER SYSTEM may change. */
  public void readOnly(String name) {
    readOnly.add(key(name));
  }

  public boolean isReadOnly(String name) {
    return readOnly.contains(key(name));
  }

  @Override
  public Optional<SettingDefinition> definition(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(defs.get(key(name)));
  }

  /** The definition or 42704 {@code unrecognized configuration parameter}. */
  public SettingDefinition require(String name) {
    return definition(name).orElseThrow(() -> SnapsyncException.error(SqlState.UNDEFINED_OBJECT,
        "settings.unrecognized", name));
  }

  @Override
  public Collection<SettingDefinition> definitions() {
    return List.copyOf(defs.values());
  }

  SettingValues.Value parse(SettingDefinition def, String value) {
    Rule rule = rules.get(key(def.name()));
    if (rule == null || def.type() != SettingDefinition.Type.STRING) {
      return SettingValues.parse(def, value);
    }
    String c = value == null ? null : rule.canonical().apply(value);
    if (c == null) {
      throw SettingValues.invalid(def, value).withHint("settings.hint.available",
          rule.allowed());
    }
    return new SettingValues.Value(c, 0);
  }

  SettingValues.Value nodeValueOf(String name) {
    SettingValues.Value v = values.get(key(require(name).name()));
    return v;
  }

  @Override
  public String nodeValue(String name) {
    return nodeValueOf(name).text();
  }

  @Override
  public String validate(String name, String value) {
    return parse(require(name), value).text();
  }

  @Override
  public long nodeLong(String name) {
    return nodeValueOf(name).number();
  }

  @Override
  public boolean nodeBool(String name) {
    return nodeValueOf(name).number() != 0;
  }

  @Override
  public void addListener(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /**
   * Applies the config file's {@code settings} section; a bad value fails with a
   * {@link ConfigException} naming {@code file} and {@code settings.<name>}. Names not
   * registered yet wait for their registration ({@link #requireNoPending} reports leftovers).
   */
  public void applyConfig(JsonObject settings, String file) {
    if (settings == null) {
      return;
    }
    for (String name : settings.fieldNames()) {
      Object raw = settings.getValue(name);
      String text = raw instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(raw);
      Optional<SettingDefinition> known = definition(name);
      if (known.isEmpty()) {
        // an extension or the database may register it later (see requireNoPending)
        pendingConfig.put(key(name), new String[] {text, file, name});
        continue;
      }
      try {
        SettingValues.Value v = parse(known.get(), text);
        configured.put(key(name), v);
        set(key(name), v);
      } catch (SnapsyncException e) {
        throw ConfigException.of(file, "settings." + name, e);
      }
    }
  }

  /**
   * Loads {@code ALTER SYSTEM} values from {@code <dataDirectory>/snapsync.auto.conf.json}
   * (blocking) and, when {@code vertx} is given, listens for changes from other nodes.
   */
  public Future<Void> attach(Vertx vx, String node, Path dataDirectory) {
    this.vertx = vx;
    this.nodeName = node;
    this.autoConf = new AutoConfFile(dataDirectory.resolve(AutoConfFile.FILE_NAME));
    return vx.executeBlocking(() -> {
      loadAutoConf();
      return null;
    }, false).compose(v -> {
      consumer = io.snapsync.core.cluster.ClusterTrust.forVertx(vx).<JsonObject>consumer(vx,
          CHANGED_ADDRESS, msg -> onRemoteChange(msg.body()));
      return consumer.completion();
    }).compose(v -> syncFromCluster());
  }

  /**
   * A node joining a running cluster takes the {@code ALTER SYSTEM} values the cluster holds
   * (a Hazelcast map kept by every {@code ALTER SYSTEM}), so that changes made while it was
   * down reach it too. The map dies with the whole cluster; then each node's file rules.
   */
  private Future<Void> syncFromCluster() {
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    return vertx.sharedData().<String, String>getAsyncMap(CLUSTER_MAP)
        .compose(io.vertx.core.shareddata.AsyncMap::entries)
        .compose(entries -> {
          List<Future<Void>> applied = new ArrayList<>();
          var trust = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
          entries.forEach((name, json) -> {
            JsonObject v = new JsonObject(json);
            if (trust.sealed(CLUSTER_MAP + "/" + name, v)) {
              applied.add(applyFromCluster(name, v.getString("value")));
            } else {
              LOG.warn("ignoring an unsealed cluster ALTER SYSTEM value of {}", name);
            }
          });
          return Future.all(applied).<Void>mapEmpty();
        })
        .recover(e -> {
          LOG.warn("cannot read the cluster's ALTER SYSTEM values: {}", e.toString());
          return Future.succeededFuture();
        });
  }

  private Future<Void> applyFromCluster(String name, String value) {
    Optional<SettingDefinition> def = definition(name);
    if (def.isEmpty()) {
      if (value == null) {
        pendingAuto.remove(key(name));
      } else {
        pendingAuto.put(key(name), value);
      }
      return Future.succeededFuture();
    }
    SettingValues.Value parsed;
    try {
      parsed = value == null ? null : parse(def.get(), value);
    } catch (SnapsyncException e) {
      LOG.warn("ignoring invalid cluster ALTER SYSTEM value of {}: {}", name, e.getMessage());
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      autoConf.update(def.get().name(), parsed == null ? null : parsed.text());
      applyAltered(key(name), parsed);
      return null;
    }, true).mapEmpty();
  }

  /** Stops listening for cluster changes. */
  public Future<Void> detach() {
    MessageConsumer<JsonObject> c = consumer;
    consumer = null;
    return c == null ? Future.succeededFuture() : c.unregister();
  }

  private void loadAutoConf() {
    AutoConfFile f = autoConf;
    Map<String, String> stored = f.read();
    for (Map.Entry<String, String> e : stored.entrySet()) {
      Optional<SettingDefinition> def = definition(e.getKey());
      if (def.isEmpty()) {
        pendingAuto.put(key(e.getKey()), e.getValue());
        continue;
      }
      try {
        set(key(e.getKey()), parse(def.get(), e.getValue()));
      } catch (SnapsyncException ex) {
        throw ConfigException.of(f.path().toString(), e.getKey(), ex);
      }
    }
  }

  @Override
  public Future<Void> alterSystem(String name, String value) {
    SettingDefinition def;
    SettingValues.Value parsed;
    try {
      def = require(name);
      if (readOnly.contains(key(name))) {
        throw SnapsyncException.error(CANT_CHANGE_RUNTIME_PARAM,
            "settings.cannot_change", def.name());
      }
      parsed = value == null ? null : parse(def, value);
    } catch (SnapsyncException e) {
      return Future.failedFuture(e);
    }
    String k = key(def.name());
    String text = parsed == null ? null : parsed.text();
    Vertx vx = vertx;
    if (vx == null) {
      applyAltered(k, parsed);
      return Future.succeededFuture();
    }
    return vx.executeBlocking(() -> {
      autoConf.update(def.name(), text);
      applyAltered(k, parsed);
      return null;
    }, true).compose(v -> rememberInCluster(vx, k, text)).map(v -> {
      io.snapsync.core.cluster.ClusterTrust.forVertx(vx).publish(vx, CHANGED_ADDRESS,
          new JsonObject().put("name", def.name()).put("value", text).put("origin", nodeName));
      return null;
    });
  }

  private static Future<Void> rememberInCluster(Vertx vx, String k, String text) {
    if (!vx.isClustered()) {
      return Future.succeededFuture();
    }
    return vx.sharedData().<String, String>getAsyncMap(CLUSTER_MAP)
        .compose(m -> m.put(k, io.snapsync.core.cluster.ClusterTrust.forVertx(vx)
            .seal(CLUSTER_MAP + "/" + k, new JsonObject().put("value", text)).encode()))
        .recover(e -> {
          LOG.warn("cannot record ALTER SYSTEM {} in the cluster: {}", k, e.toString());
          return Future.succeededFuture();
        });
  }

  private void onRemoteChange(JsonObject body) {
    if (body == null || nodeName.equals(body.getString("origin"))) {
      return;
    }
    String name = body.getString("name");
    if (name == null) {
      return;
    }
    applyFromCluster(name, body.getString("value"))
        .onFailure(e -> LOG.warn("cannot apply ALTER SYSTEM {}", name, e));
  }

  private void applyAltered(String k, SettingValues.Value parsed) {
    if (parsed == null) {
      SettingValues.Value c = configured.get(k);
      SettingDefinition def = defs.get(k);
      set(k, c != null ? c : parse(def, def.defaultValue()));
    } else {
      set(k, parsed);
    }
  }

  private void set(String k, SettingValues.Value v) {
    SettingValues.Value old = values.put(k, v);
    if (old == null || !old.text().equals(v.text())) {
      String name = defs.get(k).name();
      for (BiConsumer<String, String> l : listeners) {
        try {
          l.accept(name, v.text());
        } catch (RuntimeException e) {
          LOG.warn("settings listener failed for {}", name, e);
        }
      }
    }
  }

  /** Snapshot of every node value, for {@code SHOW ALL} on a node and WDR. */
  public Map<String, String> nodeValues() {
    Map<String, String> m = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SettingDefinition d : new ArrayList<>(defs.values())) {
      m.put(d.name(), values.get(key(d.name())).text());
    }
    return m;
  }
}
