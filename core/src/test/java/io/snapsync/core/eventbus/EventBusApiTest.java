package io.snapsync.core.eventbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.MutableClock;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventBusApiTest {

  @TempDir
  static Path dir;
  static MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  static Node node;
  static SnapsyncClient client;

  @BeforeAll
  static void start() {
    node = TestNodes.start(dir, new JsonObject()
        .put("eventbus", new JsonObject().put("maxMessageBytes", 4096))
        .put("settings", new JsonObject().put("eventbus_session_idle_timeout", "1min")), clock);
    client = TestNodes.client(node);
  }

  @AfterAll
  static void stop() {
    node.close().await();
  }

  static SnapsyncClient.ApiException fails(io.vertx.core.Future<?> f) {
    return assertInstanceOf(SnapsyncClient.ApiException.class,
        assertThrows(Exception.class, f::await));
  }

  static SnapsyncClient.ClientSession admin() {
    return client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null).await();
  }

  @Test
  void openExecuteClose() {
    SnapsyncClient.ClientSession s = admin();
    assertEquals("node1", s.node());
    JsonObject r = s.execute("SHOW lc_messages").await();
    JsonObject res = r.getJsonArray("results").getJsonObject(0);
    assertEquals("lc_messages", res.getJsonArray("columns").getJsonObject(0).getString("name"));
    assertEquals("text", res.getJsonArray("columns").getJsonObject(0).getString("type"));
    assertEquals(new JsonArray().add(new JsonArray().add("en_US.UTF-8")), res.getJsonArray("rows"));
    assertEquals("SHOW", res.getString("commandTag"));
    assertEquals("IDLE", r.getString("transactionStatus"));
    assertEquals("IN_BLOCK", s.execute("BEGIN").await().getString("transactionStatus"));
    s.execute("COMMIT").await();
    s.close().await();
    SnapsyncClient.ApiException gone = fails(s.execute("SHOW lc_messages"));
    assertEquals(ApiErrors.NOT_FOUND, gone.code());
    assertEquals("08003", gone.sqlState());
  }

  @Test
  void failuresAreRenderedInTheSessionLanguage() {
    SnapsyncClient.ClientSession s = admin();
    s.execute("SET lc_messages = 'zh_CN.UTF-8'").await();
    SnapsyncClient.ApiException e = fails(s.execute("SHOW no_such_parameter"));
    assertEquals(ApiErrors.STATEMENT_ERROR, e.code());
    assertEquals("42704", e.sqlState());
    assertEquals("无法识别的配置参数 \"no_such_parameter\"", e.json().getString("message"));
    assertEquals("unrecognized configuration parameter \"no_such_parameter\"", e.getMessage());
    assertEquals("settings.unrecognized", e.json().getString("messageId"));
    s.close().await();
  }

  @Test
  void multiStatementFailureCarriesTheCompletedResults() {
    SnapsyncClient.ClientSession s = admin();
    SnapsyncClient.ApiException e = fails(s.execute("SHOW TimeZone; SHOW nope; SHOW DateStyle"));
    JsonArray done = e.json().getJsonArray("results");
    assertEquals(1, done.size());
    assertEquals("UTC", done.getJsonObject(0).getJsonArray("rows").getJsonArray(0).getString(0));
    s.close().await();
  }

  @Test
  void aFailureCarriesTheWarningsRaisedBeforeTheError() {
    SnapsyncClient.ClientSession s = admin();
    SnapsyncClient.ApiException e = fails(s.execute(
        "SET TRANSACTION SNAPSHOT '00000003-0000001B-1'"));
    assertEquals("0A000", e.sqlState());
    assertEquals("a snapshot-importing transaction must have isolation level SERIALIZABLE or"
        + " REPEATABLE READ", e.json().getString("message"));
    JsonArray notices = e.json().getJsonArray("notices");
    assertEquals(1, notices.size());
    assertEquals("WARNING", notices.getJsonObject(0).getString("severity"));
    assertEquals("25P01", notices.getJsonObject(0).getString("sqlState"));
    assertEquals("SET TRANSACTION can only be used in transaction blocks",
        notices.getJsonObject(0).getString("message"));
    SnapsyncClient.ApiException plain = fails(s.execute("SHOW nope"));
    assertEquals(new JsonArray(), plain.json().getJsonArray("notices"));
    s.close().await();
  }

  @Test
  void optionsSetSessionSettingsAtOpen() {
    SnapsyncClient.ClientSession s = client.open(null, TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD,
        new JsonObject().put("lc_messages", "zh_CN.UTF-8").put("application_name", "t")).await();
    assertEquals("t", s.rows("SHOW application_name").await().getJsonArray(0).getString(0));
    s.close().await();
  }

  @Test
  void wrongPasswordIs401With28P01InTheRequestedLanguage() {
    SnapsyncClient.ApiException e = fails(client.open(null, TestNodes.ADMIN, "wrong", null));
    assertEquals(ApiErrors.UNAUTHORIZED, e.code());
    assertEquals("28P01", e.sqlState());
    assertEquals("password authentication failed for user \"admin\"", e.getMessage());
    SnapsyncClient.ApiException zh = fails(client.open(null, "nobody", "x",
        new JsonObject().put("lc_messages", "zh_CN")));
    assertEquals("用户 \"nobody\" 的密码认证失败", zh.json().getString("message"));
  }

  @Test
  void badInputIsTypedAndTheNodeKeepsServing() {
    String open = Addresses.cluster(Addresses.OPEN);
    SnapsyncClient.ApiException malformed = fails(client.request(open, "{\"user\": "));
    assertEquals(ApiErrors.BAD_REQUEST, malformed.code());
    assertEquals("08P01", malformed.sqlState());
    assertTrue(malformed.getMessage().startsWith("invalid message: malformed JSON"));
    SnapsyncClient.ApiException buffer = fails(client.request(open, Buffer.buffer("[1,2]")));
    assertEquals("invalid message: the body must be a JSON object", buffer.getMessage());
    SnapsyncClient.ApiException number = fails(client.request(open, 42));
    assertEquals("08P01", number.sqlState());
    SnapsyncClient.ApiException missing = fails(client.request(open,
        new JsonObject().put("user", "admin")));
    assertEquals("invalid message: missing field \"password\"", missing.getMessage());
    SnapsyncClient.ApiException wrongType = fails(client.request(open,
        new JsonObject().put("user", 7).put("password", "x")));
    assertEquals("22023", wrongType.sqlState());
    assertEquals("invalid message: field \"user\" must be a string", wrongType.getMessage());
    SnapsyncClient.ApiException op = fails(client.request(Addresses.cluster(Addresses.API),
        new JsonObject().put("op", "explode")));
    assertEquals(ApiErrors.BAD_REQUEST, op.code());
    assertEquals("unknown operation \"explode\"; expected one of: open, execute, close, ping",
        op.getMessage());
    SnapsyncClient.ApiException noSql = fails(client.request(
        Addresses.cluster(Addresses.EXECUTE), new JsonObject().put("sessionId", "x")));
    assertEquals("invalid message: missing field \"sql\"", noSql.getMessage());
    SnapsyncClient.ApiException unknownSession = fails(client.request(
        Addresses.node("node1", Addresses.EXECUTE),
        new JsonObject().put("sessionId", "forged").put("sql", "SHOW lc_messages")));
    assertEquals(ApiErrors.NOT_FOUND, unknownSession.code());
    assertEquals("session \"forged\" does not exist on node \"node1\"", unknownSession.getMessage());

    SnapsyncClient.ClientSession s = admin();
    SnapsyncClient.ApiException big = fails(s.execute("SELECT '" + "x".repeat(5000) + "'"));
    assertEquals(ApiErrors.TOO_LARGE, big.code());
    assertEquals("54000", big.sqlState());
    SnapsyncClient.ApiException syntax = fails(s.execute("FROBNICATE everything"));
    assertEquals(ApiErrors.STATEMENT_ERROR, syntax.code());
    assertEquals("42601", syntax.sqlState());
    SnapsyncClient.ApiException fn = fails(s.execute("SELECT no_such_function(1)"));
    assertEquals("42883", fn.sqlState());

    JsonObject ping = client.request(Addresses.cluster(Addresses.API),
        new JsonObject().put("op", "ping")).await();
    assertEquals("node1", ping.getString("node"));
    assertEquals("on", s.rows("SHOW standard_conforming_strings").await()
        .getJsonArray(0).getString(0));
    s.close().await();
  }

  @Test
  void idleSessionsAreClosedAfterTheIdleTimeout() {
    EventBusApi api = node.api().orElseThrow();
    SnapsyncClient.ClientSession idle = admin();
    clock.advance(Duration.ofSeconds(30));
    SnapsyncClient.ClientSession busy = admin();
    clock.advance(Duration.ofSeconds(40));
    busy.execute("SHOW lc_messages").await();
    api.reapIdle(); // the periodic reaper may have closed it already: check the outcome
    assertEquals(ApiErrors.NOT_FOUND, fails(idle.execute("SHOW lc_messages")).code());
    busy.execute("SHOW lc_messages").await();
    busy.close().await();
  }
}
