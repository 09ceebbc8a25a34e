package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.testing.EngineNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-statement report over a known workload through the real engine: a statement run
 * 3 times, then 5 times, then not at all in three windows shows 8 calls and the trend 3, 5, 0;
 * the main report's top-statements row names it by the same id.
 */
class SqlDetailReportTest {

  @TempDir
  Path dir;
  private EngineNode node;
  private Session s;

  @BeforeEach
  void start() {
    node = new EngineNode(dir, "cn1");
    s = node.session(null);
    EngineNode.exec(s, "CREATE TABLE t (id int PRIMARY KEY, v int)");
    EngineNode.exec(s, "INSERT INTO t SELECT g, g * 10 FROM generate_series(1, 20) g");
  }

  @AfterEach
  void stop() {
    s.close().await();
    node.close();
  }

  private static JsonObject lookup(JsonArray rows) {
    for (Object o : rows) {
      if (((JsonObject) o).getString("query").toLowerCase().contains("from t where id")) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("statement not in " + rows.encode());
  }

  @Test
  void aStatementsCallsRowsAndTrendOverTheRange() {
    long a = node.snapshot();
    for (int i = 1; i <= 3; i++) {
      EngineNode.exec(s, "SELECT v FROM t WHERE id = " + i);
    }
    node.clock.advance(Duration.ofSeconds(10));
    long b = node.snapshot();
    for (int i = 1; i <= 5; i++) {
      EngineNode.exec(s, "SELECT v FROM t WHERE id = " + i);
    }
    node.clock.advance(Duration.ofSeconds(10));
    long c = node.snapshot();
    node.clock.advance(Duration.ofSeconds(10));
    long d = node.snapshot();

    JsonObject top = lookup(node.wdr().report(new ReportRequest(a, d, "summary", "cluster",
        null)).await().json().getJsonArray("statements"));
    String id = top.getString("statement_id");
    assertEquals(StatementIds.of(top.getString("query")), id);
    assertEquals(16, id.length());

    JsonObject r = node.wdr().sqlReport(new ReportRequest(a, d, null, "cluster", null), id)
        .await().json();
    assertEquals(top.getString("query"), r.getJsonObject("info").getString("query"));
    assertEquals(4, r.getJsonObject("info").getInteger("snapshots"));
    JsonObject sum = r.getJsonArray("summary").getJsonObject(0);
    assertEquals(8L, sum.getLong("calls"));
    assertEquals(8L, sum.getLong("rows"));
    assertEquals(1.0, sum.getDouble("rows_per_call"));
    assertEquals(top.getDouble("total_ms"), sum.getDouble("total_ms"));
    assertTrue(sum.getDouble("share_of_db_time_pct") > 0);
    JsonArray trend = r.getJsonArray("trend");
    assertEquals(3, trend.size());
    assertEquals(3L, trend.getJsonObject(0).getLong("calls"));
    assertEquals(5L, trend.getJsonObject(1).getLong("calls"));
    assertEquals(0L, trend.getJsonObject(2).getLong("calls"));
    assertNull(trend.getJsonObject(2).getValue("mean_ms"));
    assertEquals(b, trend.getJsonObject(0).getLong("end_snapshot_id"));
    assertEquals(c, trend.getJsonObject(1).getLong("end_snapshot_id"));
    double trendTotal = trend.getJsonObject(0).getDouble("total_ms")
        + trend.getJsonObject(1).getDouble("total_ms");
    assertEquals(sum.getDouble("total_ms"), trendTotal, 0.01);
    assertEquals(8L, r.getJsonArray("by_node").getJsonObject(0).getLong("calls"));
    // no plan history: the section says why instead of disappearing
    assertEquals(0, r.getJsonArray("plans").size());
    assertTrue(r.getJsonObject("section_notes").getString("plans").startsWith("Plans are not"));

    // one window alone: the statement's figures of that window
    JsonObject second = node.wdr().sqlReport(new ReportRequest(b, c, null, "cluster", null), id)
        .await().json().getJsonArray("summary").getJsonObject(0);
    assertEquals(5L, second.getLong("calls"));

    String html = (String) EngineNode.exec(s, "SELECT generate_wdr_sql_report(" + a + ", " + d
        + ", '" + id + "')").rows().get(0).get(0);
    assertTrue(html.contains("WDR SQL Detail Report"), html);
    assertTrue(html.contains("Trend over the Snapshots"));
    assertTrue(html.contains(HtmlReport.esc(top.getString("query"))));
    Session zh = node.session("zh_CN");
    String zhHtml = (String) EngineNode.exec(zh, "SELECT generate_wdr_sql_report(" + a + ", "
        + d + ", '" + id + "', 'cn1')").rows().get(0).get(0);
    assertTrue(zhHtml.contains("各快照间的趋势"), zhHtml);
    assertTrue(zhHtml.contains("<html lang=\"zh-CN\">"));
    zh.close().await();
  }

  @Test
  void aStatementThatDidNotRunOrABadIdIs22023() {
    long a = node.snapshot();
    EngineNode.exec(s, "SELECT v FROM t WHERE id = 1");
    long b = node.snapshot();
    long c = node.snapshot();
    String id = lookup(node.wdr().report(new ReportRequest(a, b, "summary", "cluster", null))
        .await().json().getJsonArray("statements")).getString("statement_id");
    SnapsyncException notRun = assertInstanceOf(SnapsyncException.class,
        EngineNode.fails(s, "SELECT generate_wdr_sql_report(" + b + ", " + c + ", '" + id
            + "')"));
    assertEquals("22023", notRun.sqlState());
    assertEquals("statement " + id + " did not run between snapshots " + b + " and " + c,
        node.text(notRun, "en"));
    SnapsyncException bad = assertInstanceOf(SnapsyncException.class,
        EngineNode.fails(s, "SELECT generate_wdr_sql_report(" + a + ", " + b + ", 'xyz')"));
    assertEquals("22023", bad.sqlState());
    assertEquals("invalid statement id \"xyz\", should be 16 hexadecimal digits",
        node.text(bad, "en"));
    assertEquals("无效的语句 id \"xyz\"，应为 16 位十六进制数字", node.text(bad, "zh_CN"));
    SnapsyncException missing = assertInstanceOf(SnapsyncException.class,
        EngineNode.fails(s, "SELECT generate_wdr_sql_report(" + a + ", 99, '" + id + "')"));
    assertEquals("snapshot id is invalid", missing.getMessage());
  }
}
