package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.Node;
import io.snapsync.core.security.impl.ScramVerifier;
import io.snapsync.core.testing.MutableClock;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ten thousand idle event-bus sessions are cheap to hold and to reap. */
class ManySessionsTest {

  static final int N = 10_000;

  @Test
  void tenThousandOpenSessionsAreHeldAndReaped(@TempDir Path dir) {
    // A user whose verifier has 1 PBKDF2 iteration (test only), so that logins are cheap.
    String verifier = ScramVerifier.create("bulk-pw", 1).encode();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Node node = TestNodes.start(dir, new JsonObject().put("security", new JsonObject()
        .put("users", new JsonArray().add(new JsonObject().put("name", "bulk")
            .put("verifier", verifier)))), clock);
    try {
      SnapsyncClient client = TestNodes.client(node);
      EventBusApi api = node.api().orElseThrow();
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long heapBefore = rt.totalMemory() - rt.freeMemory();
      for (int batch = 0; batch < N / 500; batch++) {
        List<Future<SnapsyncClient.ClientSession>> opens = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          opens.add(client.open(null, "bulk", "bulk-pw", null));
        }
        Future.all(opens).await();
      }
      assertEquals(N, api.openSessions());
      System.gc();
      long perSession = (rt.totalMemory() - rt.freeMemory() - heapBefore) / N;
      // generous bound: a session (settings overlay, transaction state, API entry) stays small
      System.out.println("bytes per idle event-bus session: " + perSession);
      assertTrue(perSession < 32_768, "bytes per idle session: " + perSession);

      clock.advance(Duration.ofMinutes(11));
      SnapsyncClient.ClientSession probe = client.open(null, "bulk", "bulk-pw", null).await();
      api.reapIdle(); // the periodic reaper may have done part of it already
      assertEquals(1, api.openSessions());
      probe.close().await();
    } finally {
      node.close().await();
    }
  }
}
