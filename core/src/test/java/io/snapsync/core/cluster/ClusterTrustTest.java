package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.catalog.MessageCatalog;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proof of membership on one local Vert.x: what passes and what is refused. */
class ClusterTrustTest {

  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII);
  static final MessageCatalog CATALOG = MessageCatalog.withCoreBundles();
  Vertx vertx;
  ClusterTrust member;
  final AtomicInteger handled = new AtomicInteger();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    member = ClusterTrust.of(SECRET, Clock.systemUTC(), CATALOG);
    member.<JsonObject>consumer(vertx, "internal", m -> {
      handled.incrementAndGet();
      m.reply(new JsonObject().put("echo", m.body()));
    }).completion().await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private ReplyException refusedRaw(Object body, DeliveryOptions o) {
    return assertThrows(ReplyException.class,
        () -> vertx.eventBus().request("internal", body, o).await());
  }

  @Test
  void memberRequestIsServedAndItsReplyVerified() {
    JsonObject body = new JsonObject().put("n", 1).put("s", "x").put("l", 1L << 40)
        .put("d", 1.5).put("z", "中文");
    JsonObject reply = member.<JsonObject>request(vertx, "internal", body).await().body();
    assertEquals(body, reply.getJsonObject("echo"));
  }

  @Test
  void unsignedForgedOrOtherSecretIsRefusedUnseen() {
    ReplyException e = refusedRaw(new JsonObject(), new DeliveryOptions());
    assertEquals(401, e.failureCode());
    assertEquals("28000", new JsonObject(e.getMessage()).getString("sqlState"));
    DeliveryOptions forged = new DeliveryOptions().addHeader(ClusterTrust.TIMESTAMP,
        Long.toString(System.currentTimeMillis())).addHeader(ClusterTrust.NONCE, "n")
        .addHeader(ClusterTrust.SIGNATURE, "AAAA");
    assertEquals(401, refusedRaw(new JsonObject(), forged).failureCode());
    ClusterTrust other = ClusterTrust.of("another-secret-of-32-bytes-.....".getBytes(
        StandardCharsets.US_ASCII), Clock.systemUTC(), CATALOG);
    assertThrows(ReplyException.class,
        () -> other.request(vertx, "internal", new JsonObject()).await());
    assertEquals(0, handled.get());
  }

  @Test
  void tamperedHeaderOrBodyAndReplaysAreRefused() {
    JsonObject body = new JsonObject().put("cutoff", 5);
    DeliveryOptions signed = member.sign("internal", body,
        new DeliveryOptions().addHeader("action", "list"));
    DeliveryOptions tampered = new DeliveryOptions();
    signed.getHeaders().forEach(h -> tampered.addHeader(h.getKey(),
        h.getKey().equals("action") ? "retention" : h.getValue()));
    assertEquals(401, refusedRaw(body, tampered).failureCode());
    assertEquals(401, refusedRaw(body.copy().put("cutoff", 6), signed).failureCode());
    vertx.eventBus().request("internal", body, signed).await();
    assertEquals(401, refusedRaw(body, signed).failureCode(), "replay");
    assertEquals(1, handled.get());
  }

  @Test
  void reusedOptionsGetAFreshProof() {
    DeliveryOptions o = new DeliveryOptions().setSendTimeout(10_000);
    member.request(vertx, "internal", new JsonObject().put("i", 1), o).await();
    member.request(vertx, "internal", new JsonObject().put("i", 2), o).await();
    assertEquals(2, handled.get());
  }

  @Test
  void staleProofIsRefused() {
    ClusterTrust late = ClusterTrust.of(SECRET, Clock.fixed(Instant.now().minusSeconds(
        ClusterTrust.WINDOW_MILLIS / 1000 + 5), ZoneOffset.UTC), CATALOG);
    JsonObject body = new JsonObject();
    assertEquals(401, refusedRaw(body, late.sign("internal", body, null)).failureCode());
  }

  @Test
  void unsignedReplyFailsTheRequest() {
    vertx.eventBus().<JsonObject>consumer("impostor", m -> m.reply(new JsonObject()))
        .completion().await();
    var e = assertThrows(io.snapsync.core.error.SnapsyncException.class,
        () -> member.request(vertx, "impostor", new JsonObject()).await());
    assertEquals("28000", e.sqlState());
  }

  @Test
  void sealsBindValueMapAndKey() {
    JsonObject v = member.seal("map/a", new JsonObject().put("role", "datanode"));
    assertTrue(member.sealed("map/a", v));
    assertFalse(member.sealed("map/b", v));
    assertFalse(member.sealed("map/a", v.copy().put("role", "coordinator")));
    assertFalse(member.sealed("map/a", new JsonObject().put("role", "datanode")));
  }
}
