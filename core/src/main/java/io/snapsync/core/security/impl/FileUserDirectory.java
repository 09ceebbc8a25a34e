package io.snapsync.core.security.impl;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.UserDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users from {@code <data dir>/users.json} (written by the node and by
 * {@code snapsync passwd}) plus read-only users listed in the configuration
 * ({@code security.users}). Only SCRAM-SHA-256 verifiers are stored, never passwords.
 *
 * <p>File shape: {@code {"users": {"<name>": {"verifier": "SCRAM-SHA-256$...", "roles":
 * ["SYSADMIN"]}}}}. Thread-safe; file access and hashing are blocking and run on worker
 * threads when called through {@link #authenticate}.
 *
 * <p>Changes by another process ({@code snapsync passwd}) take effect for every login and every
 * role check: {@link #authenticate} re-reads a changed file first, and a node's directory checks
 * the file's identity, size and modification time every {@value #WATCH_MILLIS} ms on a worker
 * thread, so that {@link #scramVerifier} and {@link #roles}, which must not block (the
 * PostgreSQL protocol asks them on its event loop), answer from the current file.
 */
public final class FileUserDirectory implements UserDirectory {

  public static final String FILE_NAME = "users.json";

  /**
   * One user or role: its verifier (null: no password, it cannot log in by password), its admin
   * roles ({@link Roles}), whether it may log in, and the roles it is a member of (created by
   * {@code CREATE ROLE}; privileges granted to them apply to it).
   */
  public record UserEntry(String name, ScramVerifier verifier, Set<String> roles, boolean login,
      Set<String> memberOf) {
    public UserEntry {
      roles = Set.copyOf(roles);
      memberOf = Set.copyOf(memberOf);
    }

    /** A user who may log in, member of no role. */
    public UserEntry(String name, ScramVerifier verifier, Set<String> roles) {
      this(name, verifier, roles, true, Set.of());
    }

    /** The entry as the users file and {@link UsersEndpoint} carry it. */
    public JsonObject toJson() {
      JsonObject j = new JsonObject();
      if (verifier != null) {
        j.put("verifier", verifier.encode());
      }
      j.put("roles", new JsonArray(List.copyOf(roles)));
      if (!login) {
        j.put("login", false);
      }
      if (!memberOf.isEmpty()) {
        j.put("member_of", new JsonArray(List.copyOf(new java.util.TreeSet<>(memberOf))));
      }
      return j;
    }
  }

  /** Used to spend the same time on unknown users as on known ones. */
  private static final ScramVerifier DUMMY = ScramVerifier.create("dummy-password", 4096);

  private final Vertx vertx;
  private final Path file;
  private volatile Map<String, UserEntry> users = Map.of();
  private final Map<String, UserEntry> configured = new ConcurrentHashMap<>();
  private volatile Object loadedStamp = "unread";
  /** Incremented whenever the users may have changed (for {@link UsersEndpoint}). */
  private volatile long version;
  /** How often a node's directory checks whether the users file changed. */
  public static final long WATCH_MILLIS = 200;

  private FileUserDirectory(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  /**
   * Reads {@code usersFile} (if present) and the configured users (blocking). Errors name the
   * file and the user.
   */
  public static FileUserDirectory load(Vertx vertx, Path usersFile, JsonArray configuredUsers,
      String configSource) {
    FileUserDirectory d = new FileUserDirectory(vertx, usersFile);
    if (configuredUsers != null) {
      for (int i = 0; i < configuredUsers.size(); i++) {
        Object o = configuredUsers.getValue(i);
        String key = "security.users[" + i + "]";
        if (!(o instanceof JsonObject j)) {
          throw new ConfigException(configSource, key, "must be an object {name, verifier, roles}");
        }
        UserEntry e = parse(j.getString("name"), j, configSource, key);
        d.configured.put(e.name(), e);
      }
    }
    d.reload();
    if (vertx != null) {
      vertx.setPeriodic(WATCH_MILLIS, WATCH_MILLIS, t -> {
        try {
          vertx.executeBlocking(() -> {
            d.reloadIfChanged();
            return null;
          }, false);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
          vertx.cancelTimer(t);
        }
      });
    }
    return d;
  }

  /** Re-reads the users file (blocking). */
  public synchronized void reload() {
    version++;
    loadedStamp = stamp();
    Map<String, UserEntry> fromFile = readFile(file);
    Map<String, UserEntry> all = new java.util.HashMap<>(configured);
    all.putAll(fromFile);
    users = Map.copyOf(all);
  }

  /** The file's identity (a rewrite by atomic move is a new inode), size and mtime. */
  private Object stamp() {
    try {
      if (!Files.exists(file)) {
        return "absent";
      }
      var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return java.util.Arrays.asList(a.fileKey(), a.size(), a.lastModifiedTime().toString());
    } catch (IOException e) {
      return "unreadable";
    }
  }

  /** Re-reads the file if another process changed it (blocking). */
  public void refresh() {
    reloadIfChanged();
  }

  /** A number that changes whenever the users may have changed. */
  public long version() {
    return version;
  }

  /** Every user known now (file and configuration). */
  public java.util.Collection<UserEntry> entries() {
    return users.values();
  }

  /** Re-reads the file when another process ({@code snapsync passwd}) changed it. Blocking. */
  private void reloadIfChanged() {
    if (!stamp().equals(loadedStamp)) {
      try {
        reload();
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(FileUserDirectory.class)
            .warn("keeping the users loaded before: {}", e.getMessage());
      }
    }
  }

  private static Map<String, UserEntry> readFile(Path file) {
    Map<String, UserEntry> m = new java.util.TreeMap<>();
    if (!Files.exists(file)) {
      return m;
    }
    JsonObject root;
    try {
      root = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (DecodeException e) {
      throw new ConfigException(file.toString(), "(file)", "not a JSON object: " + e.getMessage());
    }
    JsonObject list = root.getJsonObject("users", new JsonObject());
    for (String name : list.fieldNames()) {
      Object o = list.getValue(name);
      if (!(o instanceof JsonObject j)) {
        throw new ConfigException(file.toString(), "users." + name, "must be an object");
      }
      m.put(name, parse(name, j, file.toString(), "users." + name));
    }
    return m;
  }

  static UserEntry parse(String name, JsonObject j, String source, String key) {
    if (name == null || name.isBlank()) {
      throw new ConfigException(source, key + ".name", "missing user name");
    }
    ScramVerifier v;
    try {
      v = j.getValue("verifier") == null ? null
          : ScramVerifier.parse(j.getString("verifier"));
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new ConfigException(source, key + ".verifier",
          "must be a SCRAM-SHA-256 verifier (" + e.getMessage() + ")");
    }
    Set<String> roles = new LinkedHashSet<>();
    JsonArray r = j.getJsonArray("roles", new JsonArray());
    for (Object o : r) {
      String role = String.valueOf(o);
      if (!role.equals(Roles.SYSADMIN) && !role.equals(Roles.MONADMIN)) {
        throw new ConfigException(source, key + ".roles",
            "unknown role " + role + " (SYSADMIN or MONADMIN)");
      }
      roles.add(role);
    }
    Set<String> memberOf = new LinkedHashSet<>();
    j.getJsonArray("member_of", new JsonArray()).forEach(o -> memberOf.add(String.valueOf(o)));
    return new UserEntry(name, v, roles, j.getBoolean("login", true), memberOf);
  }

  /**
   * Adds a user or sets its password and roles, and rewrites the users file with mode 600
   * (blocking: hashes and writes).
   */
  public synchronized void setPassword(String user, String password, Collection<String> roles) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("empty password");
    }
    ScramVerifier v = ScramVerifier.create(password, ScramVerifier.DEFAULT_ITERATIONS);
    update(all -> {
      UserEntry old = all.get(user);
      all.put(user, new UserEntry(user, v, Set.copyOf(roles), true,
          old == null ? Set.of() : old.memberOf()));
    });
  }

  /**
   * Changes the users and roles (blocking): {@code change} edits a copy of every entry known
   * now (file and configuration; configured entries it leaves unchanged stay in the
   * configuration only), then the users file is rewritten with mode 600 and the change is in
   * force for the next login and role check.
   */
  public synchronized void update(java.util.function.Consumer<Map<String, UserEntry>> change) {
    Map<String, UserEntry> fromFile = readFile(file);
    Map<String, UserEntry> all = new java.util.TreeMap<>(configured);
    all.putAll(fromFile);
    change.accept(all);
    JsonObject list = new JsonObject();
    all.values().forEach(e -> {
      if (fromFile.containsKey(e.name()) || !e.equals(configured.get(e.name()))) {
        list.put(e.name(), e.toJson());
      }
    });
    SecureFiles.writePrivate(file, new JsonObject().put("users", list).encodePrettily());
    users = Map.copyOf(all);
    loadedStamp = stamp();
    version++;
  }

  public Path file() {
    return file;
  }

  @Override
  public java.util.Set<String> userNames() {
    return users.keySet();
  }

  /** Number of users known (file and configuration). */
  public int size() {
    return users.size();
  }

  @Override
  public Future<String> authenticate(String user, String password) {
    return vertx.executeBlocking(() -> {
      reloadIfChanged();
      UserEntry e = user == null ? null : users.get(user);
      if (!matches(e, password)) {
        throw SnapsyncException.error(SqlState.INVALID_PASSWORD, "security.auth_failed",
            String.valueOf(user)).withSeverity(io.snapsync.core.error.Severity.FATAL);
      }
      return user;
    }, false);
  }

  /**
   * Whether {@code password} is {@code e}'s (blocking: hashes); spends the same time on an
   * unknown user.
   */
  static boolean matches(UserEntry e, String password) {
    if (e == null || e.verifier() == null || !e.login() || password == null
        || password.isEmpty()) {
      DUMMY.matches("x" + password);
      return false;
    }
    return e.verifier().matches(password);
  }

  @Override
  public Optional<String> scramVerifier(String user) {
    UserEntry e = users.get(user);
    return e == null || e.verifier() == null || !e.login() ? Optional.empty()
        : Optional.of(e.verifier().encode());
  }

  @Override
  public Set<String> roles(String user) {
    UserEntry e = users.get(user);
    return e == null ? Set.of() : e.roles();
  }

  @Override
  public boolean exists(String user) {
    return user != null && users.containsKey(user);
  }

  @Override
  public Set<String> memberOf(String user) {
    return Memberships.closure(users, user);
  }

  /** The entry of {@code name}, or null. */
  public UserEntry entry(String name) {
    return name == null ? null : users.get(name);
  }
}
