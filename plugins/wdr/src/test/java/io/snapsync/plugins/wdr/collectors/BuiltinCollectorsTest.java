package io.snapsync.plugins.wdr.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in collectors read the node's real services: Micrometer, the store, the JVM. */
class BuiltinCollectorsTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MeterRegistry registry;
  private MutableClock clock;
  private WdrTestNode node;

  @BeforeEach
  void start() {
    registry = new SimpleMeterRegistry();
    vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(
            new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry)).build();
    clock = new MutableClock(1767225600000L);
    node = WdrTestNode.start(vertx, dir, new NodeInfo("cn1", true, true), clock,
        new JsonObject(), List.of());
    node.services.registerService(MeterRegistry.class, registry);
  }

  @AfterEach
  void stop() {
    node.close();
    vertx.close().await();
  }

  private long snapshot() {
    return node.service().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  private static JsonObject row(JsonArray rows, String key, String value) {
    for (Object o : rows) {
      if (value.equals(((JsonObject) o).getString(key))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(value + " not in " + rows.encode());
  }

  @Test
  void eventBusTrafficBetweenSnapshotsIsReported() {
    vertx.eventBus().consumer("bench.echo", m -> m.reply(m.body()));
    long a = snapshot();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 25; i++) {
      vertx.eventBus().request("bench.echo", "x" + i).await();
    }
    long b = snapshot();
    JsonObject r = node.service().report(new ReportRequest(a, b, "detail", "cluster", null))
        .await().json();
    JsonArray eb = r.getJsonArray("event_bus");
    assertTrue(row(eb, "metric", "vertx.eventbus.sent.count").getDouble("delta") >= 25,
        eb.encode());
    assertTrue(row(eb, "metric", "vertx.eventbus.received.count").getDouble("delta") >= 25);
  }

  @Test
  void storageAndPinnedSnapshotsComeFromTheStore() {
    long a = snapshot();
    var snap = node.store.latestSnapshot();
    try (var pin = node.store.pin(snap)) {
      clock.advance(Duration.ofSeconds(30));
      StoreTransaction tx = node.store.begin(node.store.latestSnapshot());
      tx.put("t".getBytes(), "v".getBytes());
      tx.commit();
      long b = snapshot();
      JsonObject r = node.service().report(new ReportRequest(a, b, "all", "cluster", null))
          .await().json();
      JsonArray sync = r.getJsonArray("snapshot_sync");
      assertEquals(1, row(sync, "metric", "live_snapshots_at_end").getLong("value"));
      assertEquals(30_000, row(sync, "metric", "oldest_pinned_age_ms_at_end").getLong("value"));
      JsonArray storage = r.getJsonArray("storage");
      assertTrue(storage.size() > 3, storage.encode());
      assertTrue(row(storage, "metric", "last_commit_seq").getLong("delta") >= 1);
      JsonObject jvm = r.getJsonArray("jvm_host").getJsonObject(0);
      assertTrue(jvm.getLong("threads") > 0);
      assertTrue(jvm.getLong("cpus") > 0);
    }
  }
}
