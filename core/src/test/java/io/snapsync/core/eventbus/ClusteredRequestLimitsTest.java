package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a request from another cluster process whose body the JSON decoder refuses (a
 * string over Jackson's 20-million-character limit) gets the documented 54000 at once instead
 * of no reply; a deeply nested one gets a typed error; the node serves normally after.
 */
class ClusteredRequestLimitsTest {

  @TempDir
  static Path dir;
  static Node node;
  static Vertx service;
  static SnapsyncClient client;

  @BeforeAll
  static void start() {
    String cluster = TestNodes.clusterName();
    List<Integer> ports = List.of(TestNodes.freePort(), TestNodes.freePort());
    node = Node.start(TestNodes.clusterConfig(dir, "node1", "embedded", cluster, ports.get(0),
        ports)).await();
    service = TestNodes.service(cluster, ports.get(1), ports);
    // Before the fix the request got no reply: a timeout, not an ApiException.
    client = new SnapsyncClient(service, 60_000);
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close().await();
    }
    if (node != null) {
      node.close().await();
    }
  }

  private static SnapsyncClient.ApiException refused(JsonObject body) {
    return assertInstanceOf(SnapsyncClient.ApiException.class, assertThrows(Exception.class,
        () -> client.request(Addresses.cluster(Addresses.OPEN), body).await()));
  }

  @Test
  void aTwentyMegabyteStringGets54000() {
    String huge = "x".repeat(20_000_001);
    SnapsyncClient.ApiException e = refused(new JsonObject().put("user", huge)
        .put("password", "p"));
    assertEquals(ApiErrors.TOO_LARGE, e.code());
    assertEquals("54000", e.sqlState());
    assertEquals("harden.eventbus.undecodable_large", e.json().getString("messageId"));
    client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await().close().await();
  }

  @Test
  void aBodyOverTheConfiguredLimitGets54000() {
    SnapsyncClient.ApiException e = refused(new JsonObject().put("user", "x".repeat(2_000_000))
        .put("password", "p"));
    assertEquals(ApiErrors.TOO_LARGE, e.code());
    assertEquals("54000", e.sqlState());
  }

  @Test
  void nestingBeyondTheDecodersDepthIsTyped() {
    String deep = "{\"user\":\"u\",\"password\":\"p\",\"options\":" + "[".repeat(1500)
        + "]".repeat(1500) + "}";
    SnapsyncClient.ApiException e = assertInstanceOf(SnapsyncClient.ApiException.class,
        assertThrows(Exception.class,
            () -> client.request(Addresses.cluster(Addresses.OPEN), deep).await()));
    assertEquals(ApiErrors.BAD_REQUEST, e.code());
    assertEquals("08P01", e.sqlState());
  }
}
