package io.snapsync.core.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A validated node configuration (see {@code conf/snapsync.yaml} and docs/configuration.md).
 * Built from JSON over {@link #defaults()}: unknown keys, wrong types and out-of-range values
 * fail with a {@link ConfigException} naming the source file and the key. Immutable.
 */
public final class NodeConfig {

  /** The role of a node. */
  public enum Role {
    COORDINATOR, DATANODE, EMBEDDED;

    public boolean coordinator() {
      return this != DATANODE;
    }

    public boolean dataNode() {
      return this != COORDINATOR;
    }
  }

  private static final Set<String> TOP = Set.of("node", "dataDirectory", "bindAddress", "ports",
      "cluster", "security", "eventbus", "settings", "plugins", "pluginDirectory", "metrics");

  /** The known keys of each fixed section ({@code ports} and {@code plugins} are open maps). */
  private static final java.util.Map<String, Set<String>> SECTIONS = java.util.Map.of(
      "node", Set.of("name", "role"),
      "cluster", Set.of("enabled", "name", "host", "port", "members", "trust"),
      "security", Set.of("users", "initialAdminPassword"),
      "eventbus", Set.of("maxMessageBytes", "requestTimeoutMillis"),
      "metrics", Set.of("enabled"));

  private final JsonObject json;
  private final String source;

  private NodeConfig(JsonObject json, String source) {
    this.json = json;
    this.source = source;
  }

  /** The built-in defaults: the embedded node of SPEC "Defaults of the embedded node". */
  public static JsonObject defaultsJson() {
    return new JsonObject()
        .put("node", new JsonObject().put("name", "node1").put("role", "embedded"))
        .put("dataDirectory", "data")
        .put("bindAddress", "127.0.0.1")
        .put("ports", new JsonObject().put("pgwire", 5433).put("console", 8480))
        .put("cluster", new JsonObject().put("enabled", true).put("name", "snapsync")
            .put("host", "127.0.0.1").put("port", 5701)
            .put("members", new JsonArray().add("127.0.0.1:5701"))
            .put("trust", new JsonObject()))
        .put("security", new JsonObject().put("users", new JsonArray()))
        .put("eventbus", new JsonObject().put("maxMessageBytes", 1_048_576)
            .put("requestTimeoutMillis", 30_000))
        .put("settings", new JsonObject())
        .put("plugins", new JsonObject())
        .put("pluginDirectory", "plugins")
        .put("metrics", new JsonObject().put("enabled", true));
  }

  public static NodeConfig defaults() {
    return of(new JsonObject(), "(defaults)");
  }

  /**
   * Validates {@code overrides} merged over the defaults. {@code source} names the file (or
   * {@code (environment)}) in error messages.
   */
  public static NodeConfig of(JsonObject overrides, String source) {
    for (String k : overrides.fieldNames()) {
      if (!TOP.contains(k)) {
        throw new ConfigException(source, k, "unknown key (known: " + String.join(", ",
            new java.util.TreeSet<>(TOP)) + ")");
      }
    }
    JsonObject merged = defaultsJson().mergeIn(overrides, true);
    NodeConfig c = new NodeConfig(merged, source);
    c.validate();
    return c;
  }

  /** This configuration with {@code overrides} merged in (deep), validated again. */
  public NodeConfig with(JsonObject overrides) {
    JsonObject merged = json.copy().mergeIn(overrides, true);
    NodeConfig c = new NodeConfig(merged, source);
    c.validate();
    return c;
  }

  private void validate() {
    SECTIONS.forEach((section, known) -> {
      for (String k : obj(section).fieldNames()) {
        if (!known.contains(k)) {
          throw new ConfigException(source, section + "." + k, "unknown key (known: "
              + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
      }
    });
    name();
    role();
    dataDirectory();
    bindAddress();
    port("ports.pgwire", obj("ports").getValue("pgwire"));
    port("ports.console", obj("ports").getValue("console"));
    clusterEnabled();
    clusterName();
    port("cluster.port", obj("cluster").getValue("port"));
    clusterMembers();
    string("cluster.host", obj("cluster").getValue("host"));
    trust();
    security();
    maxMessageBytes();
    requestTimeoutMillis();
    obj("settings");
    obj("plugins");
    bool("metrics.enabled", obj("metrics").getValue("enabled"));
  }

  private JsonObject obj(String key) {
    Object o = json.getValue(key);
    if (!(o instanceof JsonObject j)) {
      throw new ConfigException(source, key, "must be a map");
    }
    return j;
  }

  private String string(String key, Object v) {
    if (v == null || (v instanceof String s && s.isBlank())) {
      throw new ConfigException(source, key, "must not be empty");
    }
    if (!(v instanceof String) && !(v instanceof Number)) {
      throw new ConfigException(source, key, "must be a string");
    }
    return v.toString();
  }

  private long integer(String key, Object v, long min, long max) {
    long n;
    if (v instanceof Number num && num.doubleValue() == num.longValue()) {
      n = num.longValue();
    } else if (v instanceof String s && s.trim().matches("-?\\d+")) {
      n = Long.parseLong(s.trim());
    } else {
      throw new ConfigException(source, key, "must be an integer between " + min + " and " + max
          + ", got " + v);
    }
    if (n < min || n > max) {
      throw new ConfigException(source, key, "must be an integer between " + min + " and " + max
          + ", got " + n);
    }
    return n;
  }

  private int port(String key, Object v) {
    return (int) integer(key, v, 0, 65535);
  }

  private boolean bool(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      String l = s.trim().toLowerCase(Locale.ROOT);
      if (List.of("true", "on", "yes", "1").contains(l)) {
        return true;
      }
      if (List.of("false", "off", "no", "0").contains(l)) {
        return false;
      }
    }
    throw new ConfigException(source, key, "must be true or false, got " + v);
  }

  /** The file (or description) this configuration came from. */
  public String source() {
    return source;
  }

  public JsonObject toJson() {
    return json.copy();
  }

  public String name() {
    String n = string("node.name", obj("node").getValue("name"));
    if (!n.matches("[A-Za-z0-9_-]+")) {
      throw new ConfigException(source, "node.name",
          "may contain only letters, digits, '_' and '-', got " + n);
    }
    return n;
  }

  public Role role() {
    String r = string("node.role", obj("node").getValue("role"));
    try {
      return Role.valueOf(r.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, "node.role",
          "must be coordinator, datanode or embedded, got " + r);
    }
  }

  public Path dataDirectory() {
    return Path.of(string("dataDirectory", json.getValue("dataDirectory")));
  }

  public String bindAddress() {
    return string("bindAddress", json.getValue("bindAddress"));
  }

  public int pgwirePort() {
    return port("ports.pgwire", obj("ports").getValue("pgwire"));
  }

  public int consolePort() {
    return port("ports.console", obj("ports").getValue("console"));
  }

  /** A port by name ({@code ports.<name>}), or -1 when not configured. */
  public int port(String name) {
    Object v = obj("ports").getValue(name);
    return v == null ? -1 : port("ports." + name, v);
  }

  public boolean clusterEnabled() {
    return bool("cluster.enabled", obj("cluster").getValue("enabled"));
  }

  public String clusterName() {
    return string("cluster.name", obj("cluster").getValue("name"));
  }

  public String clusterHost() {
    return string("cluster.host", obj("cluster").getValue("host"));
  }

  public int clusterPort() {
    return port("cluster.port", obj("cluster").getValue("port"));
  }

  /** TCP-IP members as {@code host:port}. */
  public List<String> clusterMembers() {
    Object v = obj("cluster").getValue("members");
    List<String> out = new ArrayList<>();
    if (v instanceof String s) {
      for (String p : s.split(",")) {
        if (!p.isBlank()) {
          out.add(p.trim());
        }
      }
    } else if (v instanceof JsonArray a) {
      a.forEach(o -> out.add(String.valueOf(o).trim()));
    } else {
      throw new ConfigException(source, "cluster.members", "must be a list of host:port");
    }
    for (int i = 0; i < out.size(); i++) {
      String m = out.get(i);
      int colon = m.lastIndexOf(':');
      if (colon <= 0) {
        throw new ConfigException(source, "cluster.members[" + i + "]",
            "must be host:port, got " + m);
      }
      port("cluster.members[" + i + "]", m.substring(colon + 1));
    }
    return out;
  }

  /** Where the cluster's key material lives ({@code cluster.trust}). */
  public TrustConfig trust() {
    Object t = obj("cluster").getValue("trust");
    if (t != null && !(t instanceof JsonObject)) {
      throw new ConfigException(source, "cluster.trust", "must be a map");
    }
    return TrustConfig.parse((JsonObject) t, dataDirectory(), role(), source);
  }

  private JsonObject security() {
    JsonObject s = obj("security");
    Object users = s.getValue("users");
    if (users != null && !(users instanceof JsonArray)) {
      throw new ConfigException(source, "security.users", "must be a list");
    }
    Object pw = s.getValue("initialAdminPassword");
    if (pw != null && (!(pw instanceof String p) || p.isEmpty())) {
      throw new ConfigException(source, "security.initialAdminPassword",
          "must be a non-empty string");
    }
    return s;
  }

  /** Users listed in the configuration ({@code security.users}). */
  public JsonArray configuredUsers() {
    return security().getJsonArray("users", new JsonArray());
  }

  /** FOR TESTS ONLY: the initial admin's password instead of a random one; null if unset. */
  public String initialAdminPassword() {
    return security().getString("initialAdminPassword");
  }

  public int maxMessageBytes() {
    return (int) integer("eventbus.maxMessageBytes",
        obj("eventbus").getValue("maxMessageBytes"), 1024, 256L * 1024 * 1024);
  }

  public long requestTimeoutMillis() {
    return integer("eventbus.requestTimeoutMillis",
        obj("eventbus").getValue("requestTimeoutMillis"), 1, Integer.MAX_VALUE);
  }

  /** The {@code settings} section (setting name to value). */
  public JsonObject settings() {
    return obj("settings").copy();
  }

  /** The section {@code plugins.<name>} of an extension, or an empty object. */
  public JsonObject pluginConfig(String name) {
    Object o = obj("plugins").getValue(name);
    if (o == null) {
      return new JsonObject();
    }
    if (!(o instanceof JsonObject j)) {
      throw new ConfigException(source, "plugins." + name, "must be a map");
    }
    return j.copy();
  }

  /** The installation's plugin directory (jars loaded at start), or null when unset. */
  public Path pluginDirectory() {
    Object v = json.getValue("pluginDirectory");
    return v == null || v.toString().isBlank() ? null : Path.of(v.toString());
  }

  public boolean metricsEnabled() {
    return bool("metrics.enabled", obj("metrics").getValue("enabled"));
  }

  @Override
  public String toString() {
    JsonObject safe = json.copy();
    JsonObject sec = safe.getJsonObject("security");
    if (sec != null && sec.containsKey("initialAdminPassword")) {
      sec.put("initialAdminPassword", "***");
    }
    return safe.encode();
  }
}
