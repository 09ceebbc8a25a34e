package io.snapsync.core.security.impl;

import io.snapsync.core.cluster.ClusterTrust;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/**
 * The data node's side of the cluster's one user directory: members only ({@link
 * ClusterTrust}) ask {@link #address(String)} with {@code {since: version}} and get {@code
 * {version}} when nothing changed, else {@code {version, users: {name: {verifier, roles}}}}.
 * Verifiers travel only inside signed replies over the TLS event bus, never through Hazelcast.
 */
public final class UsersEndpoint {

  private static final String PREFIX = "snapsync.users.";

  private final Vertx vertx;
  private final String nodeName;
  private final FileUserDirectory users;
  private MessageConsumer<JsonObject> consumer;

  public UsersEndpoint(Vertx vertx, String nodeName, FileUserDirectory users) {
    this.vertx = vertx;
    this.nodeName = nodeName;
    this.users = users;
  }

  /** The address of data node {@code node}'s user directory. */
  public static String address(String node) {
    return PREFIX + node;
  }

  public Future<Void> start() {
    consumer = ClusterTrust.forVertx(vertx).consumer(vertx, address(nodeName), this::handle);
    return consumer.completion();
  }

  public Future<Void> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void handle(Message<JsonObject> m) {
    long since = m.body() == null ? -1 : m.body().getLong("since", -1L);
    // The file may have changed since the last periodic check: look first (blocking).
    vertx.executeBlocking(() -> {
      users.refresh();
      return null;
    }, false).onComplete(ar -> {
      long version = users.version();
      JsonObject reply = new JsonObject().put("version", version);
      if (version != since) {
        JsonObject list = new JsonObject();
        users.entries().forEach(e -> list.put(e.name(), e.toJson()));
        reply.put("users", list);
      }
      m.reply(reply);
    });
  }
}
