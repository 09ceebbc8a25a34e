package io.snapsync.core.cluster;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.eventbus.ApiErrors;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof of cluster membership on internal event-bus traffic and in Hazelcast map entries: an
 * HMAC-SHA256 with the cluster secret over the address, every header, a timestamp, a nonce and
 * the body (docs/cluster.md). Internal senders use {@link #request} and {@link #publish};
 * internal consumers register through {@link #consumer}, which refuses an unsigned, forged,
 * stale or replayed message with {@code fail(401, 28000 cluster.not_member)} (a publish is
 * dropped) and signs the replies, which {@link #request} checks in turn. Thread-safe; one per
 * node, registered as a node service.
 */
public final class ClusterTrust {

  public static final String SIGNATURE = "snapsync-sig";
  public static final String TIMESTAMP = "snapsync-ts";
  public static final String NONCE = "snapsync-nonce";
  /** On a reply: the nonce of the request it answers. */
  public static final String ANSWERS = "snapsync-answers";
  /** Messages older or newer than this (member clocks must agree) are refused. */
  public static final long WINDOW_MILLIS = 60_000;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Map<Vertx, ClusterTrust> BY_VERTX = new java.util.WeakHashMap<>();

  private final SecretKeySpec key;
  private final Clock clock;
  private final MessageCatalog catalog;

  /** One initialized Mac per thread (doFinal resets it); getInstance per message costs more. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  private ClusterTrust(byte[] secret, Clock clock, MessageCatalog catalog) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
    this.catalog = catalog;
  }

  /** Trust by {@code secret}; {@code clock} should be the wall clock (not a test clock). */
  public static ClusterTrust of(byte[] secret, Clock clock, MessageCatalog catalog) {
    return new ClusterTrust(secret.clone(), clock, catalog);
  }

  /** Trust by a fresh random secret: for a node that is not clustered. */
  public static ClusterTrust ephemeral(MessageCatalog catalog) {
    byte[] s = new byte[32];
    RANDOM.nextBytes(s);
    return of(s, Clock.systemUTC(), catalog);
  }

  /**
   * The trust of the node running on {@code vertx} ({@link #install}); a Vert.x without a node
   * (a test harness) gets an ephemeral secret of its own, so its parts still trust each other.
   */
  public static ClusterTrust forVertx(Vertx vertx) {
    synchronized (BY_VERTX) {
      return BY_VERTX.computeIfAbsent(vertx,
          v -> ephemeral(io.snapsync.core.catalog.MessageCatalog.withCoreBundles()));
    }
  }

  /** Makes {@code trust} the one {@link #forVertx} returns for {@code vertx}. */
  public static void install(Vertx vertx, ClusterTrust trust) {
    synchronized (BY_VERTX) {
      BY_VERTX.put(vertx, trust);
    }
  }

  /** {@code options} (may be null) with the headers proving membership for this message. */
  public DeliveryOptions sign(String address, Object body, DeliveryOptions options) {
    DeliveryOptions o = options == null ? new DeliveryOptions() : options;
    MultiMap h = o.getHeaders();
    if (h != null) {
      // options reused for another message get a fresh proof, not a second one
      h.remove(SIGNATURE);
      h.remove(TIMESTAMP);
      h.remove(NONCE);
    }
    o.addHeader(TIMESTAMP, Long.toString(clock.millis()));
    o.addHeader(NONCE, nonce());
    o.addHeader(SIGNATURE, mac(address, o.getHeaders(), body));
    return o;
  }

  /** {@link #request(Vertx, String, Object, DeliveryOptions)} with default options. */
  public <T> Future<Message<T>> request(Vertx vertx, String address, Object body) {
    return request(vertx, address, body, null);
  }

  /** A signed request whose reply must be signed too (else it fails 28000). */
  public <T> Future<Message<T>> request(Vertx vertx, String address, Object body,
      DeliveryOptions options) {
    DeliveryOptions o = sign(address, body, options);
    String nonce = o.getHeaders().get(NONCE);
    return vertx.eventBus().<T>request(address, body, o).compose(reply -> {
      if (nonce.equals(reply.headers().get(ANSWERS))
          && valid(replyAddress(nonce), reply.headers(), reply.body())) {
        return Future.succeededFuture(reply);
      }
      return Future.failedFuture(notMember(address));
    });
  }

  /** Publishes {@code body} signed. */
  public void publish(Vertx vertx, String address, Object body) {
    vertx.eventBus().publish(address, body, sign(address, body, null));
  }

  /**
   * Registers {@code handler} on {@code address} for members only: other messages are refused
   * (or dropped when published) before the handler sees them; replies are signed.
   */
  public <T> MessageConsumer<T> consumer(Vertx vertx, String address,
      Handler<Message<T>> handler) {
    Replays replays = new Replays();
    return vertx.eventBus().consumer(address, m -> {
      if (!verify(m, replays)) {
        if (m.replyAddress() != null) {
          m.fail(ApiErrors.UNAUTHORIZED, notMember(address).toJson(catalog, "en").encode());
        }
        return;
      }
      handler.handle(new SignedReplies<>(m, this));
    });
  }

  /**
   * Whether {@code m} carries a valid, fresh proof of membership not seen before by
   * {@code replays} (one per consumer: a publish reaches every consumer once).
   */
  boolean verify(Message<?> m, Replays replays) {
    MultiMap h = m.headers();
    String ts = h.get(TIMESTAMP);
    String nonce = h.get(NONCE);
    if (ts == null || nonce == null || !valid(m.address(), h, m.body())) {
      return false;
    }
    long sent;
    try {
      sent = Long.parseLong(ts);
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.millis();
    if (Math.abs(now - sent) > WINDOW_MILLIS) {
      return false;
    }
    return replays.first(nonce, sent, now);
  }

  /** {@code value} with a {@code sig} field binding it to {@code context} (map and key). */
  public JsonObject seal(String context, JsonObject value) {
    JsonObject v = value.copy();
    v.remove("sig");
    return v.put("sig", mac(context, null, v));
  }

  /** Whether {@code value} was {@link #seal sealed} by a member for {@code context}. */
  public boolean sealed(String context, JsonObject value) {
    if (value == null || !(value.getValue("sig") instanceof String sig)) {
      return false;
    }
    JsonObject v = value.copy();
    v.remove("sig");
    return equal(sig, mac(context, null, v));
  }

  /** The typed refusal of a caller that is not a member. */
  public static SnapsyncException notMember(String address) {
    return SnapsyncException.error(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
        "cluster.not_member", address);
  }

  DeliveryOptions signReply(String requestNonce, Object body, DeliveryOptions options) {
    DeliveryOptions o = options == null ? new DeliveryOptions() : options;
    o.addHeader(ANSWERS, requestNonce == null ? "" : requestNonce);
    return sign(replyAddress(requestNonce), body, o);
  }

  private static String replyAddress(String nonce) {
    return "reply:" + nonce;
  }

  private boolean valid(String address, MultiMap headers, Object body) {
    String sig = headers.get(SIGNATURE);
    return sig != null && equal(sig, mac(address, headers, body));
  }

  private String mac(String address, MultiMap headers, Object body) {
    TreeMap<String, String> sorted = new TreeMap<>();
    if (headers != null) {
      headers.forEach(e -> {
        String k = e.getKey().toLowerCase(java.util.Locale.ROOT);
        if (!k.equals(SIGNATURE)) {
          sorted.merge(k, e.getValue(), (a, b) -> a + "\u0000" + b);
        }
      });
    }
    Mac mac = macs.get();
    update(mac, address);
    sorted.forEach((k, v) -> {
      update(mac, k);
      update(mac, v);
    });
    byte[] b = bodyBytes(body);
    mac.update(Long.toString(b.length).getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update(b);
    return Base64.getEncoder().encodeToString(mac.doFinal());
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static void update(Mac mac, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    mac.update(Long.toString(b.length).getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) 0);
    mac.update(b);
  }

  private static byte[] bodyBytes(Object body) {
    if (body == null) {
      return new byte[0];
    }
    if (body instanceof JsonObject j) {
      return j.encode().getBytes(StandardCharsets.UTF_8);
    }
    if (body instanceof JsonArray a) {
      return a.encode().getBytes(StandardCharsets.UTF_8);
    }
    if (body instanceof Buffer b) {
      return b.getBytes();
    }
    if (body instanceof byte[] b) {
      return b;
    }
    return (body.getClass().getSimpleName() + ":" + body).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
        b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String nonce() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Nonces seen within the window by one consumer. */
  static final class Replays {
    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private volatile long nextPurge;

    boolean first(String nonce, long sent, long now) {
      if (now >= nextPurge || seen.size() >= 100_000) {
        nextPurge = now + 5_000;
        seen.values().removeIf(t -> Math.abs(now - t) > WINDOW_MILLIS);
      }
      return seen.putIfAbsent(nonce, sent) == null;
    }
  }
}
