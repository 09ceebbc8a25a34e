package io.snapsync.bench.load;

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.eventbus.SnapsyncClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A clustered Vert.x client that joins the node's Hazelcast cluster and talks to it over the
 * event bus ({@link SnapsyncClient}): the statement round trip and the many-session memory
 * workload use it.
 */
final class EventBusBench implements AutoCloseable {

  private final Vertx vertx;
  private final SnapsyncClient client;
  private final String user;
  private final String password;

  private EventBusBench(Vertx vertx, String user, String password) {
    this.vertx = vertx;
    this.client = new SnapsyncClient(vertx, 60_000);
    this.user = user;
    this.password = password;
  }

  static EventBusBench join(String clusterName, int clientPort, List<String> members,
      java.nio.file.Path trustDir, String user, String password) {
    Vertx vertx = ClusterConfigs.clusteredVertx(
        ClusterConfigs.hazelcast(clusterName, "127.0.0.1", clientPort, members),
        io.snapsync.core.cluster.TrustMaterial.service(trustDir)).await();
    return new EventBusBench(vertx, user, password);
  }

  /** (4b) SELECT 1 over the event bus, one session per client. */
  ClosedLoop.ClientFactory selectOne() {
    return i -> {
      SnapsyncClient.ClientSession s = client.open(null, user, password, null).await();
      return new ClosedLoop.Client() {
        @Override
        public void op() {
          s.execute("SELECT 1").await();
        }

        @Override
        public void close() {
          s.close().await();
        }
      };
    };
  }

  /** Opens {@code n} sessions, at most 32 opening at once. */
  List<SnapsyncClient.ClientSession> open(int n) throws InterruptedException {
    List<SnapsyncClient.ClientSession> out = new ArrayList<>();
    List<Future<SnapsyncClient.ClientSession>> pending = new ArrayList<>();
    Semaphore inFlight = new Semaphore(32);
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      pending.add(client.open(null, user, password, null).onComplete(ar -> inFlight.release()));
    }
    for (Future<SnapsyncClient.ClientSession> f : pending) {
      out.add(f.await());
    }
    return out;
  }

  /** Runs {@code sql} on every session, at most 64 at once. */
  static void runOnAll(List<SnapsyncClient.ClientSession> sessions, String sql)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    List<Future<?>> pending = new ArrayList<>();
    for (SnapsyncClient.ClientSession s : sessions) {
      inFlight.acquire();
      pending.add(s.execute(sql).onComplete(ar -> inFlight.release()));
    }
    for (Future<?> f : pending) {
      f.await();
    }
  }

  /** Closes every session, at most 64 at once. */
  static void closeAll(List<SnapsyncClient.ClientSession> sessions) throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    List<Future<?>> pending = new ArrayList<>();
    for (SnapsyncClient.ClientSession s : sessions) {
      inFlight.acquire();
      pending.add(s.close().onComplete(ar -> inFlight.release()));
    }
    for (Future<?> f : pending) {
      f.await();
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
