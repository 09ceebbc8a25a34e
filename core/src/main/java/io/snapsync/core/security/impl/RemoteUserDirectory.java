package io.snapsync.core.security.impl;

import io.snapsync.core.cluster.ClusterTrust;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.UserDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The user directory of a coordinator without storage: the data node's ({@link UsersEndpoint}),
 * so that every coordinator applies the same users, passwords and roles. A copy is kept in
 * memory (for the non-blocking {@link #scramVerifier} and {@link #roles}) and refreshed every
 * {@value FileUserDirectory#WATCH_MILLIS} ms and before every password check; while the data
 * node is unreachable the last copy stays in force. Thread-safe.
 */
public final class RemoteUserDirectory implements UserDirectory {

  private final Vertx vertx;
  private final Supplier<Future<String>> owner;
  private final long timeoutMillis;
  private volatile Map<String, FileUserDirectory.UserEntry> users = Map.of();
  private volatile long version = -1;

  /** @param owner the name of the data node that owns the directory (fails when none is up) */
  public RemoteUserDirectory(Vertx vertx, Supplier<Future<String>> owner, long timeoutMillis) {
    this.vertx = vertx;
    this.owner = owner;
    this.timeoutMillis = timeoutMillis;
  }

  /** Starts the periodic refresh; returns the first one (failed while no data node is up). */
  public Future<Void> start() {
    vertx.setPeriodic(FileUserDirectory.WATCH_MILLIS, FileUserDirectory.WATCH_MILLIS,
        t -> refresh());
    return refresh();
  }

  /** Fetches the owner's directory when it changed. */
  public Future<Void> refresh() {
    return owner.get().compose(dn -> ClusterTrust.forVertx(vertx).<JsonObject>request(vertx,
        UsersEndpoint.address(dn), new JsonObject().put("since", version),
        new DeliveryOptions().setSendTimeout(timeoutMillis))).map(m -> {
          JsonObject r = m.body();
          JsonObject list = r.getJsonObject("users");
          if (list != null) {
            Map<String, FileUserDirectory.UserEntry> fresh = new HashMap<>();
            for (String name : list.fieldNames()) {
              fresh.put(name, FileUserDirectory.parse(name, list.getJsonObject(name),
                  "data node", "users." + name));
            }
            users = Map.copyOf(fresh);
          }
          version = r.getLong("version", -1L);
          return null;
        });
  }

  @Override
  public Future<String> authenticate(String user, String password) {
    return refresh().otherwiseEmpty().compose(v -> vertx.executeBlocking(() -> {
      FileUserDirectory.UserEntry e = user == null ? null : users.get(user);
      if (!FileUserDirectory.matches(e, password)) {
        throw SnapsyncException.error(SqlState.INVALID_PASSWORD, "security.auth_failed",
            String.valueOf(user)).withSeverity(io.snapsync.core.error.Severity.FATAL);
      }
      return user;
    }, false));
  }

  @Override
  public Optional<String> scramVerifier(String user) {
    FileUserDirectory.UserEntry e = user == null ? null : users.get(user);
    return e == null || e.verifier() == null || !e.login() ? Optional.empty()
        : Optional.of(e.verifier().encode());
  }

  @Override
  public Set<String> roles(String user) {
    FileUserDirectory.UserEntry e = user == null ? null : users.get(user);
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
}
