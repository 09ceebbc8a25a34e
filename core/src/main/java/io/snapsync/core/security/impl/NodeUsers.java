package io.snapsync.core.security.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.Message;
import io.snapsync.core.security.UserDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user directory of a node, one per cluster: a node with storage owns its users file
 * (creating the initial admin on first start) and, when clustered, serves it to coordinators
 * without storage ({@link UsersEndpoint}); such a coordinator uses the data node's
 * ({@link RemoteUserDirectory}) and keeps no users file.
 */
public final class NodeUsers {

  private static final Logger LOG = LoggerFactory.getLogger(NodeUsers.class);

  private final Vertx vertx;
  private final String nodeName;
  private final FileUserDirectory file;
  private final RemoteUserDirectory remote;
  private final Path initialPasswordFile;
  private UsersEndpoint endpoint;

  private NodeUsers(Vertx vertx, String nodeName, FileUserDirectory file,
      RemoteUserDirectory remote, Path initialPasswordFile) {
    this.vertx = vertx;
    this.nodeName = nodeName;
    this.file = file;
    this.remote = remote;
    this.initialPasswordFile = initialPasswordFile;
  }

  /**
   * Opens the directory of {@code config}'s node (blocking).
   *
   * @param clustered whether the node's Vert.x is clustered
   * @param dataNode the name of a live data node (for a coordinator without storage)
   */
  public static NodeUsers open(Vertx vertx, NodeConfig config, Path dataDirectory,
      boolean clustered, Supplier<Future<String>> dataNode) {
    if (!config.role().dataNode() && clustered) {
      return new NodeUsers(vertx, config.name(), null,
          new RemoteUserDirectory(vertx, dataNode, config.requestTimeoutMillis()), null);
    }
    FileUserDirectory users = FileUserDirectory.load(vertx,
        dataDirectory.resolve(FileUserDirectory.FILE_NAME), config.configuredUsers(),
        config.source());
    Path created = InitialAdmin.ensure(users, dataDirectory, config.initialAdminPassword())
        .orElse(null);
    if (created != null) {
      LOG.info(MessageCatalog.english(Message.of("core.node.initial_admin", InitialAdmin.USER,
          created)));
    }
    return new NodeUsers(vertx, config.name(), users, null, created);
  }

  public UserDirectory directory() {
    return file != null ? file : remote;
  }

  /** The file holding the initial admin password, when this start created it. */
  public Optional<Path> initialPasswordFile() {
    return Optional.ofNullable(initialPasswordFile);
  }

  /** Serves or fetches the cluster's users once the node's membership exists. */
  public Future<Void> start(boolean clustered) {
    if (remote != null) {
      return remote.start().otherwise(e -> {
        LOG.warn("no data node to read the users from yet: {}", e.getMessage());
        return null;
      });
    }
    if (clustered) {
      endpoint = new UsersEndpoint(vertx, nodeName, file);
      return endpoint.start();
    }
    return Future.succeededFuture();
  }

  public Future<Void> stop() {
    return endpoint == null ? Future.succeededFuture() : endpoint.stop();
  }
}
