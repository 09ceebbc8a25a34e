package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the event-bus session API (issue 18) with random and mutated messages: valid open,
 * execute, close and ping requests with fields dropped, retyped, oversized or replaced by
 * noise; JSON text cut or with flipped characters; random bytes; non-object JSON; on every API
 * address. {@value #CASES_PER_SEED} cases for a fixed seed and as many for a random one, which
 * is printed (replay with {@code -Dfuzz.seed=<seed>}). Asserts: every request gets a reply
 * (a success, or a failure with a known code and a SQLSTATE, never XX000 or a Java text), and a
 * normal client's session is served throughout.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EventBusFuzzTest {

  static final long FIXED_SEED = 0x5eed_0018L;
  static final int CASES_PER_SEED = 5_000;
  private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
  private static final Pattern JAVA_TEXT = Pattern.compile(
      "Exception|java\\.|Cannot invoke|because \"|Index \\d+ out of bounds|\\tat ");
  private static final Set<Integer> CODES = Set.of(ApiErrors.BAD_REQUEST, ApiErrors.UNAUTHORIZED,
      ApiErrors.FORBIDDEN, ApiErrors.NOT_FOUND, ApiErrors.TOO_LARGE, ApiErrors.STATEMENT_ERROR,
      ApiErrors.UNAVAILABLE);
  private static final List<String> SQL = List.of("SELECT 1", "SHOW lc_messages", "BEGIN",
      "ROLLBACK", "COMMIT", "SET lc_messages = 'zh_CN.UTF-8'", "SELECT $1", "SELECT (((",
      "SELECT 1; SELECT 2", "SHOW no_such", "", ";", "SELECT 'x' || $1", "SELECT NULL::int",
      "SELECT current_setting(NULL)", "SELECT 1/0", "VALUES (1), (2)");
  private static final String MUTANTS = "{}[]\",:\\\u0000x1";
  private static final List<String> OPS = List.of("open", "execute", "close", "ping", "OPEN",
      "", "drop", "open\u0000");

  @TempDir
  static Path dir;
  static Node node;
  static SnapsyncClient client;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> sessions = new ArrayList<>();

  @BeforeAll
  static void start() {
    node = TestNodes.start(dir, new JsonObject()
        .put("eventbus", new JsonObject().put("maxMessageBytes", 16_384)));
    client = TestNodes.client(node);
  }

  @AfterAll
  static void stop() {
    node.close().await();
  }

  @Test
  void randomAndMutatedMessagesAreAllAnsweredTyped() {
    long random = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    System.out.println("EventBusFuzzTest seeds: fixed " + FIXED_SEED + ", random " + random
        + " (replay: -Dfuzz.seed=" + random + ")");
    SnapsyncClient.ClientSession normal = client.open(null, TestNodes.ADMIN,
        TestNodes.ADMIN_PASSWORD, null).await();
    long t0 = System.nanoTime();
    run(FIXED_SEED, normal);
    run(random, normal);
    assertServed(normal);
    System.out.println("EventBusFuzzTest: " + 2 * CASES_PER_SEED + " cases in "
        + (System.nanoTime() - t0) / 1_000_000 + " ms; outcomes " + outcomes);
    normal.close().await();
  }

  private void run(long seed, SnapsyncClient.ClientSession normal) {
    Random rnd = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      String address = address(rnd);
      Object body = body(rnd);
      try {
        check(client.request(address, body));
        if (i % 250 == 0) {
          assertServed(normal);
        }
      } catch (AssertionError e) {
        throw new AssertionError("seed " + seed + ", case " + i + " to " + address + ": "
            + shorten(body) + ": " + e.getMessage(), e);
      }
    }
  }

  private void check(Future<JsonObject> reply) {
    reply.transform(ar -> Future.succeededFuture()).await();
    if (reply.succeeded()) {
      String id = reply.result().getString("sessionId");
      if (id != null) {
        sessions.add(id);
      }
      outcomes.merge("ok", 1, Integer::sum);
      return;
    }
    if (!(reply.cause() instanceof SnapsyncClient.ApiException e)) {
      fail("untyped failure (no reply?): " + reply.cause());
      return;
    }
    assertTrue(CODES.contains(e.code()), "code " + e.code() + ": " + e.json());
    String state = e.sqlState();
    assertTrue(state != null && SQLSTATE.matcher(state).matches(), "no SQLSTATE: " + e.json());
    assertNotEquals("XX000", state, e.json().encode());
    String text = e.json().getString("message");
    assertTrue(text != null && !text.isEmpty() && !JAVA_TEXT.matcher(text).find(),
        e.json().encode());
    assertTrue(e.json().getString("messageId") != null, e.json().encode());
    outcomes.merge(e.code() + "/" + state, 1, Integer::sum);
  }

  private static void assertServed(SnapsyncClient.ClientSession s) {
    JsonArray rows = s.rows("SELECT 41 + 1").await();
    assertEquals(42, ((Number) rows.getJsonArray(0).getValue(0)).intValue());
  }

  private static String address(Random rnd) {
    String op = List.of(Addresses.OPEN, Addresses.EXECUTE, Addresses.CLOSE, Addresses.API)
        .get(rnd.nextInt(4));
    return rnd.nextBoolean() ? Addresses.cluster(op) : Addresses.node("node1", op);
  }

  private Object body(Random rnd) {
    JsonObject valid = valid(rnd);
    return switch (rnd.nextInt(10)) {
      case 0, 1, 2 -> valid;
      case 3, 4, 5 -> mutate(valid, rnd);
      case 6 -> textMutation(valid.encode(), rnd);
      case 7 -> Buffer.buffer(noise(rnd, rnd.nextInt(64)));
      case 8 -> List.of("[1,2]", "\"x\"", "null", "42", "true", "{}", "{\"op\":{}}",
          "[" + "[".repeat(2000)).get(rnd.nextInt(8));
      default -> mutate(mutate(valid, rnd), rnd);
    };
  }

  private JsonObject valid(Random rnd) {
    String op = OPS.get(rnd.nextInt(4));
    JsonObject o = new JsonObject().put("op", op);
    switch (op) {
      case "open" -> {
        o.put("user", rnd.nextInt(4) == 0 ? TestNodes.ADMIN : "fuzz" + rnd.nextInt(3))
            .put("password", rnd.nextInt(8) == 0 ? TestNodes.ADMIN_PASSWORD : "wrong");
        if (rnd.nextBoolean()) {
          o.put("options", new JsonObject().put("lc_messages",
              rnd.nextBoolean() ? "zh_CN" : "xx").put("application_name", "fuzz"));
        }
      }
      case "execute" -> {
        o.put("sessionId", sessionId(rnd)).put("sql", SQL.get(rnd.nextInt(SQL.size())));
        if (rnd.nextBoolean()) {
          o.put("params", new JsonArray().add(value(rnd)).add(value(rnd)));
        }
      }
      case "close" -> o.put("sessionId", sessionId(rnd));
      default -> {
      }
    }
    return o;
  }

  private String sessionId(Random rnd) {
    if (!sessions.isEmpty() && rnd.nextInt(3) > 0) {
      return sessions.get(rnd.nextInt(sessions.size()));
    }
    return List.of("node1.nope", "other.x", "", "node1.", ".").get(rnd.nextInt(5));
  }

  private static Object value(Random rnd) {
    return switch (rnd.nextInt(9)) {
      case 0 -> null;
      case 1 -> rnd.nextLong();
      case 2 -> rnd.nextDouble();
      case 3 -> rnd.nextBoolean();
      case 4 -> new JsonObject().put("k", "v");
      case 5 -> new JsonArray().add(1).add("x");
      case 6 -> "x".repeat(rnd.nextInt(20_000));
      case 7 -> new String(noise(rnd, 16), StandardCharsets.ISO_8859_1);
      default -> "text";
    };
  }

  private static JsonObject mutate(JsonObject o, Random rnd) {
    JsonObject m = o.copy();
    List<String> fields = new ArrayList<>(m.fieldNames());
    String field = fields.isEmpty() || rnd.nextInt(4) == 0
        ? List.of("op", "user", "password", "sessionId", "sql", "params", "options", "database",
            "callerNode", "x").get(rnd.nextInt(10))
        : fields.get(rnd.nextInt(fields.size()));
    switch (rnd.nextInt(4)) {
      case 0 -> m.remove(field);
      case 1 -> m.put(field, value(rnd));
      case 2 -> m.put(field, OPS.get(rnd.nextInt(OPS.size())));
      default -> m.put(field, new JsonObject().put("lc_messages", value(rnd)));
    }
    return m;
  }

  private static String textMutation(String text, Random rnd) {
    StringBuilder b = new StringBuilder(text);
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n && b.length() > 0; k++) {
      int at = rnd.nextInt(b.length());
      switch (rnd.nextInt(3)) {
        case 0 -> b.setLength(at);
        case 1 -> b.setCharAt(at, MUTANTS.charAt(rnd.nextInt(MUTANTS.length())));
        default -> b.insert(at, "\"\\u12");
      }
    }
    return b.toString();
  }

  private static byte[] noise(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  private static String shorten(Object body) {
    String s = String.valueOf(body);
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
