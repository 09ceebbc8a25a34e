package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.testing.TestServices;
import io.snapsync.plugins.wdr.testing.Call;
import io.snapsync.plugins.wdr.testing.MutableClock;
import io.snapsync.plugins.wdr.testing.WdrTestNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every message of create_wdr_snapshot and generate_wdr_report, in English and Chinese. */
class WdrFunctionsTest {

  @TempDir
  Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private WdrTestNode cn;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(1767225600000L);
    cn = WdrTestNode.start(vertx, dir.resolve("cn"), new NodeInfo("cn1", true, true), clock,
        new JsonObject(), List.of());
  }

  @AfterEach
  void stop() {
    cn.close();
    vertx.close().await();
  }

  private SqlFunction fn(WdrTestNode n, String name) {
    return n.services.functions().find(name).orElseThrow();
  }

  private Object call(WdrTestNode n, String fn, String user, Object... args) {
    return fn(n, fn).call(Call.of(n.services, user, args)).await();
  }

  private SnapsyncException error(Future<Object> f) {
    Throwable t = f.transform(ar -> Future.succeededFuture(ar.cause())).await();
    return assertInstanceOf(SnapsyncException.class, t);
  }

  private void assertError(String sqlState, String text, Future<Object> f) {
    SnapsyncException e = error(f);
    assertEquals(sqlState, e.sqlState());
    assertEquals(text, e.render(cn.services.catalog(), "en"));
  }

  private Future<Object> create(WdrTestNode n, String user) {
    return fn(n, "create_wdr_snapshot").call(Call.of(n.services, user));
  }

  private Future<Object> report(String user, Object... args) {
    return fn(cn, "generate_wdr_report").call(Call.of(cn.services, user, args));
  }

  private long snapshot() {
    return cn.service().requestSnapshot("t").await().outcome().await().snapshotId();
  }

  @Test
  void createReturnsTheSubmittedTextInTheSessionLanguage() {
    assertEquals("WDR snapshot request has been submitted.",
        call(cn, "create_wdr_snapshot", TestServices.ADMIN));
    assertEquals("WDR快照请求已提交。", fn(cn, "create_wdr_snapshot")
        .call(Call.of(cn.services, TestServices.ADMIN).inLanguage("zh_CN.UTF-8")).await());
  }

  @Test
  void createNeedsSysadmin() {
    assertError("42501", "permission denied for create WDR Snapshot",
        create(cn, TestServices.MONITOR));
    assertError("42501", "permission denied for create WDR Snapshot",
        create(cn, TestServices.USER));
  }

  @Test
  void createAndReportFailOnADataNode() {
    try (WdrTestNode dn = WdrTestNode.start(vertx, dir.resolve("dn"),
        new NodeInfo("dn1", false, true), clock, new JsonObject(), List.of())) {
      SnapsyncException e = error(create(dn, TestServices.ADMIN));
      assertEquals("WDR snapshot can only be created on coordinator.",
          e.render(dn.services.catalog(), "en"));
      e = error(fn(dn, "generate_wdr_report").call(Call.of(dn.services, TestServices.ADMIN,
          1L, 2L, "all", "cluster", null)));
      assertEquals("WDR report can only be created on coordinator.",
          e.render(dn.services.catalog(), "en"));
    }
  }

  @Test
  void createFailsWhenDisabled() {
    cn.alterSystem(WdrSettings.ENABLE, "off");
    assertError("55000", "WDR snapshot request can't be executed, because GUC parameter "
        + "'enable_wdr_snapshot' is off.", create(cn, TestServices.ADMIN));
  }

  @Test
  void createFailsWhileTheWorkerIsNotRunning() {
    cn.service().stopWorker().await();
    assertError("55000", "WDR snapshot request can not be accepted, please retry later.",
        create(cn, TestServices.ADMIN));
  }

  @Test
  void createFailsWhenTheRequestCannotBeQueued() {
    // The worker verticle goes away behind the supervisor's back: its queue has no consumer.
    for (String id : vertx.deploymentIDs()) {
      vertx.undeploy(id).await();
    }
    assertError("XX000", "Cannot respond to WDR snapshot request.",
        create(cn, TestServices.ADMIN));
  }

  @Test
  void createMessagesAreTranslated() {
    SnapsyncException e = error(create(cn, TestServices.USER));
    assertEquals("创建WDR快照权限不足", e.render(cn.services.catalog(), "zh_CN"));
  }

  @Test
  void reportNeedsSysadminOrMonadmin() {
    long a = snapshot();
    clock.advance(Duration.ofMinutes(1));
    long b = snapshot();
    assertError("42501", "permission denied for generate WDR report",
        report(TestServices.USER, a, b, "all", "cluster", null));
    String html = (String) report(TestServices.MONITOR, a, b, "all", "cluster", null).await();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
  }

  @Test
  void reportRejectsInvalidArgumentsWithTheSpecMessages() {
    long a = snapshot();
    clock.advance(Duration.ofMinutes(1));
    long b = snapshot();
    String ids = "snapshot id is invalid";
    String admin = TestServices.ADMIN;
    assertError("22023", ids, report(admin, null, b, "all", "cluster", null));
    assertError("22023", ids, report(admin, a, null, "all", "cluster", null));
    assertError("22023", ids, report(admin, 0L, b, "all", "cluster", null));
    assertError("22023", ids, report(admin, b, a, "all", "cluster", null));
    assertError("22023", ids, report(admin, a, a, "all", "cluster", null));
    assertError("22023", ids, report(admin, a, 99L, "all", "cluster", null));
    assertError("22023", "invalid report type, should be summary or detail or all",
        report(admin, a, b, "full", "cluster", null));
    assertError("22023", "invalid report type, should be summary or detail or all",
        report(admin, a, b, null, "cluster", null));
    assertError("22023", "invalid report scope, should be cluster or node",
        report(admin, a, b, "all", "instance", null));
    assertError("22023", "invalid report node name.", report(admin, a, b, "all", "node", null));
    assertError("22023", "invalid report node name.",
        report(admin, a, b, "all", "node", "cn9"));
    assertTrue(((String) report(admin, a, b, "summary", "node", "cn1").await())
        .contains("Load Profile"));
  }

  @Test
  void reportFailsWhenTheInstanceWasResetBetweenTheSnapshots() {
    long a = snapshot();
    clock.advance(Duration.ofMinutes(1));
    cn.services.stats().reset();
    long b = snapshot();
    assertError("55000", "Instance reset time is different",
        report(TestServices.ADMIN, a, b, "all", "cluster", null));
    assertEquals("实例重置时间不同", error(report(TestServices.ADMIN, a, b, "all", "cluster",
        null)).render(cn.services.catalog(), "zh_CN"));
  }

  @Test
  void everyWdrMessageHasAChineseText() {
    for (String id : cn.services.catalog().ids()) {
      if (id.startsWith("wdr.")) {
        assertTrue(cn.services.catalog().text("zh_CN", id).isPresent(), id);
      }
    }
  }
}
