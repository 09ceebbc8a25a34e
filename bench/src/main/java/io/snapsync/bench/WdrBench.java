package io.snapsync.bench;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.plugin.ExtensionContextImpl;
import io.snapsync.core.stats.ActivityStats;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.impl.WdrExtension;
import io.snapsync.plugins.wdr.repository.WdrRepository;
import io.snapsync.plugins.wdr.impl.WdrSettings;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * WDR cost on one embedded node (real RocksDB with synced writes, real collectors): time and
 * bytes of one snapshot with 10,000 distinct statements tracked, and report generation over
 * 192 hourly snapshots (8 days). A main harness (a snapshot is seconds of work, not a JMH
 * microbenchmark): {@code java -cp bench/target/benchmarks.jar io.snapsync.bench.WdrBench
 * [snapshots]}.
 */
public final class WdrBench {

  private WdrBench() {
  }

  public static void main(String[] args) throws Exception {
    int snapshots = args.length > 0 ? Integer.parseInt(args[0]) : 192;
    Path dir = Files.createTempDirectory("wdr-bench");
    Vertx vertx = Vertx.vertx();
    MutableClock clock = new MutableClock(1767225600000L);
    ActivityStats stats = new ActivityStats(clock, 10_000);
    Store store = Store.open(StoreOptions.defaults(dir.resolve("db"))
        .withKvSpaces(List.of(WdrRepository.SPACE)).withClock(clock));
    NodeServicesImpl services = NodeServicesImpl.builder(vertx).dataDirectory(dir)
        .users(FileUserDirectory.load(vertx, dir.resolve(FileUserDirectory.FILE_NAME), null,
            "bench")).clock(clock)
        .node(new NodeInfo("cn1", true, true)).service(Clock.class, clock).stats(stats)
        .service(Store.class, store).build();
    ExtensionContextImpl ctx = new ExtensionContextImpl(services,
        new JsonObject().put("tickMillis", 0), new io.snapsync.core.plugin.Collectors(),
        java.util.Optional::empty);
    WdrExtension wdr = new WdrExtension();
    wdr.register(ctx);
    wdr.start(ctx).await();
    services.settings().alterSystem(WdrSettings.RETENTION, "15").await();
    var service = wdr.node().service();

    for (int i = 0; i < 10_000; i++) {
      stats.statement("SELECT c" + i + " FROM t" + (i % 97) + " WHERE id = ?", "SELECT",
          1000 + i, 1);
    }
    long[] nanos = new long[snapshots];
    long bytes = 0;
    for (int s = 0; s < snapshots; s++) {
      for (int i = 0; i < 2_000; i++) {
        int q = (s * 2_000 + i) % 10_000;
        stats.statement("SELECT c" + q + " FROM t" + (q % 97) + " WHERE id = ?", "SELECT",
            5000 + i, 1);
        stats.committed();
      }
      clock.advance(Duration.ofHours(1));
      long t0 = System.nanoTime();
      long id = service.requestSnapshot("bench").await().outcome().await().snapshotId();
      nanos[s] = System.nanoTime() - t0;
      if (s == 0) {
        for (JsonObject d : wdr.node().repository().data(id).await().values()) {
          bytes += d.toBuffer().length();
        }
      }
    }
    long stored = 0;
    try (var it = store.space(WdrRepository.SPACE).scan(new byte[] {'d'}, new byte[] {'e'})) {
      if (it.hasNext()) {
        stored = it.next().value().length;
      }
    }
    long disk = size(dir.resolve("db"));
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf("snapshots taken: %d (10,000 statements tracked)%n", snapshots);
    System.out.printf("one snapshot: p50 %.1f ms, p90 %.1f ms, max %.1f ms (collect + write + "
            + "record)%n", sorted[snapshots / 2] / 1e6, sorted[snapshots * 9 / 10] / 1e6,
        sorted[snapshots - 1] / 1e6);
    System.out.printf("one snapshot: %d bytes of JSON, %d bytes stored (deflated); store on "
        + "disk after %d: %.1f MB%n", bytes, stored, snapshots, disk / 1e6);

    for (String type : List.of("summary", "all")) {
      long best = Long.MAX_VALUE;
      WdrReport r = null;
      for (int k = 0; k < 5; k++) {
        long t0 = System.nanoTime();
        r = service.report(new ReportRequest(1L, (long) snapshots, type, "cluster", null))
            .await();
        best = Math.min(best, System.nanoTime() - t0);
      }
      System.out.printf("report %s over snapshots 1..%d: best of 5 %.1f ms, html %d bytes, "
          + "json %d bytes%n", type, snapshots, best / 1e6, r.html().length(),
          r.json().encode().length());
    }
    long t0 = System.nanoTime();
    int listed = service.listSnapshots().await().size();
    System.out.printf("list %d snapshot headers: %.1f ms%n", listed,
        (System.nanoTime() - t0) / 1e6);
    wdr.stop().await();
    store.close();
    vertx.close().await();
  }

  /** A clock the harness moves by an hour per snapshot. */
  static final class MutableClock extends Clock {
    private final java.util.concurrent.atomic.AtomicLong millis;

    MutableClock(long start) {
      millis = new java.util.concurrent.atomic.AtomicLong(start);
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.ofEpochMilli(millis.get());
    }
  }

  private static long size(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
