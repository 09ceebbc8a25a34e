package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.testing.EngineNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's object statistics sections ({@code object_stats}, {@code object_stats_indexes})
 * against the engine's own views: every table and index counter of the report is the
 * difference of {@code pg_stat_user_tables} / {@code pg_stat_user_indexes} read at the two
 * snapshots, a small known workload gives exact figures, a node scope shows the same, and
 * the page shows the sections in English and Chinese.
 */
class ObjectStatsReportTest {

  private static final List<String> TABLE_COUNTERS = List.of("seq_scan", "seq_tup_read",
      "idx_scan", "idx_tup_fetch", "n_tup_ins", "n_tup_upd", "n_tup_del");
  private static final List<String> INDEX_COUNTERS = List.of("idx_scan", "idx_tup_read",
      "idx_tup_fetch");

  @TempDir
  Path dir;
  private EngineNode node;
  private Session s;

  @BeforeEach
  void start() {
    node = new EngineNode(dir, "cn1");
    s = node.session(null);
  }

  @AfterEach
  void stop() {
    s.close().await();
    node.close();
  }

  /** Object name to column to value, from one of the engine's statistics views. */
  private Map<String, Map<String, Long>> view(String sql, List<String> cols) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    for (List<Object> r : EngineNode.exec(s, sql).rows()) {
      Map<String, Long> m = new HashMap<>();
      for (int i = 0; i < cols.size(); i++) {
        m.put(cols.get(i), r.get(i + 1) == null ? 0L : ((Number) r.get(i + 1)).longValue());
      }
      out.put((String) r.get(0), m);
    }
    return out;
  }

  private Map<String, Map<String, Long>> tables() {
    return view("SELECT schemaname || '.' || relname, " + String.join(", ", TABLE_COUNTERS)
        + ", n_live_tup FROM pg_stat_user_tables", concat(TABLE_COUNTERS, "n_live_tup"));
  }

  private Map<String, Map<String, Long>> indexes() {
    return view("SELECT schemaname || '.' || relname || '.' || indexrelname, "
        + String.join(", ", INDEX_COUNTERS) + " FROM pg_stat_user_indexes", INDEX_COUNTERS);
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> l = new java.util.ArrayList<>(a);
    l.add(b);
    return l;
  }

  private static JsonObject find(JsonArray rows, String key, String value) {
    for (Object o : rows) {
      if (value.equals(((JsonObject) o).getString(key))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError(value + " not in " + rows.encode());
  }

  @Test
  void objectSectionsAreTheWindowDifferencesOfTheEnginesViews() {
    EngineNode.exec(s, "CREATE TABLE acct (id int PRIMARY KEY, owner int, note text)");
    EngineNode.exec(s, "CREATE INDEX acct_owner ON acct (owner)");
    EngineNode.exec(s, "CREATE TABLE small (v int)");
    EngineNode.exec(s, "INSERT INTO acct SELECT g, g % 10, 'n' FROM generate_series(1, 40) g");
    EngineNode.exec(s, "INSERT INTO small VALUES (1), (2), (3), (4), (5)");
    long a = node.snapshot();
    Map<String, Map<String, Long>> t0 = tables();
    Map<String, Map<String, Long>> i0 = indexes();
    for (int i = 0; i < 3; i++) {
      EngineNode.exec(s, "SELECT count(*) FROM acct WHERE owner = " + i);
      EngineNode.exec(s, "SELECT note FROM acct WHERE id = " + (i + 1));
    }
    EngineNode.exec(s, "UPDATE acct SET note = 'u' WHERE owner = 4");
    EngineNode.exec(s, "SELECT sum(v) FROM small");
    EngineNode.exec(s, "SELECT sum(v) FROM small");
    EngineNode.exec(s, "INSERT INTO small VALUES (6), (7), (8)");
    EngineNode.exec(s, "DELETE FROM small WHERE v = 1");
    long b = node.snapshot();
    Map<String, Map<String, Long>> t1 = tables();
    Map<String, Map<String, Long>> i1 = indexes();

    JsonObject r = node.wdr().report(new ReportRequest(a, b, "all", "cluster", null)).await()
        .json();
    JsonArray reported = r.getJsonArray("object_stats");
    assertEquals(2, reported.size(), reported.encode());
    for (String table : List.of("public.acct", "public.small")) {
      JsonObject row = find(reported, "table", table);
      for (String c : TABLE_COUNTERS) {
        assertEquals(t1.get(table).get(c) - t0.get(table).get(c), row.getLong(c), table + " " + c);
      }
      assertEquals(t1.get(table).get("n_live_tup"), row.getLong("n_live_tup"), table);
    }
    for (Object o : r.getJsonArray("object_stats_indexes")) {
      JsonObject row = (JsonObject) o;
      String index = row.getString("index");
      for (String c : INDEX_COUNTERS) {
        assertEquals(i1.get(index).get(c) - i0.get(index).get(c), row.getLong(c), index + " " + c);
      }
    }
    // known figures of the small table: two full scans (the DELETE's a third), 3 rows
    // inserted, 1 deleted, 7 live at the end
    JsonObject small = find(reported, "table", "public.small");
    assertEquals(3L, small.getLong("seq_scan"));
    assertEquals(3L, small.getLong("n_tup_ins"));
    assertEquals(1L, small.getLong("n_tup_del"));
    assertEquals(7L, small.getLong("n_live_tup"));
    assertEquals(4L, find(reported, "table", "public.acct").getLong("n_tup_upd"));
    assertTrue(find(r.getJsonArray("object_stats_indexes"), "index", "public.acct.acct_pkey")
        .getLong("idx_scan") >= 3);

    JsonObject scoped = node.wdr().report(new ReportRequest(a, b, "all", "node", "cn1")).await()
        .json();
    assertEquals(reported, scoped.getJsonArray("object_stats"));
    assertEquals(r.getJsonArray("object_stats_indexes"),
        scoped.getJsonArray("object_stats_indexes"));

    String html = node.wdr().report(new ReportRequest(a, b, "summary", "cluster", null)).await()
        .html();
    assertTrue(html.contains("<h2 id=\"object_stats\">Object Stats (tables)</h2>"));
    assertTrue(html.contains("<h2 id=\"object_stats_indexes\">Object Stats (indexes)</h2>"));
    assertTrue(html.contains("<td>public.small</td>"));
    String zh = node.wdr().report(new ReportRequest(a, b, "summary", "cluster", null, "zh_CN"))
        .await().html();
    assertTrue(zh.contains("<h2 id=\"object_stats\">对象统计（表）</h2>"), zh);
    assertTrue(zh.contains("<th>插入行数</th>"), zh);

    long c = node.snapshot();
    String quiet = node.wdr().report(new ReportRequest(b, c, "summary", "cluster", null,
        "zh_CN")).await().html();
    assertTrue(quiet.contains("窗口内没有读写任何表或索引。"), quiet);
  }
}
