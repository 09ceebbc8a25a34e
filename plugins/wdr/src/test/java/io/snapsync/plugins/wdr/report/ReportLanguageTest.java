package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.session.Session;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.testing.EngineNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose {@code lc_messages} is zh_CN gets the report page's headers and labels in
 * Simplified Chinese, every one from the message catalog: each section title, each column
 * header of each table, the fixed labels and the notes; the English and Chinese catalogs have
 * the same ids.
 */
class ReportLanguageTest {

  @TempDir
  Path dir;

  private static final Pattern TH = Pattern.compile("<th>([^<]*)</th>");
  private static final Pattern H2 = Pattern.compile("<h2 id=\"([a-z_]+)\">([^<]*)</h2>");

  @Test
  void aChineseSessionGetsEveryHeaderAndLabelInChinese() {
    try (EngineNode node = new EngineNode(dir, "cn1")) {
      Session s = node.session("zh_CN");
      EngineNode.exec(s, "CREATE TABLE t (id int PRIMARY KEY, v int)");
      long a = node.snapshot();
      EngineNode.exec(s, "INSERT INTO t SELECT g, g FROM generate_series(1, 10) g");
      EngineNode.exec(s, "SELECT count(*) FROM t");
      EngineNode.fails(s, "SELECT 1/0");
      long b = node.snapshot();
      String zh = (String) EngineNode.exec(s, "SELECT generate_wdr_report(" + a + ", " + b
          + ", 'all', 'cluster')").rows().get(0).get(0);
      MessageCatalog catalog = node.services.catalog();
      JsonObject data = node.wdr().report(new ReportRequest(a, b, "all", "cluster", null))
          .await().json();

      assertTrue(zh.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
      assertTrue(zh.contains("<h1>WDR 报告（snapsync）</h1>"), zh);
      assertTrue(zh.contains("<h2 id=\"report_info\">报告信息</h2>"));
      Matcher h = H2.matcher(zh);
      int sections = 0;
      while (h.find()) {
        String key = h.group(1);
        if (!key.equals("report_info")) {
          assertEquals(catalog.text("zh_CN", "wdr.label.section." + key).orElseThrow(),
              h.group(2));
          sections++;
        }
      }
      assertEquals(HtmlReport.SECTIONS.stream().filter(data::containsKey).count(), sections);
      // every column of every section has a Chinese header, and the page shows only those
      Set<String> columns = new TreeSet<>(List.of("item", "value", "node", "role", "started",
          "stats_reset", "uptime_s"));
      for (String key : HtmlReport.SECTIONS) {
        if (data.getValue(key) instanceof JsonArray rows && !rows.isEmpty()) {
          columns.addAll(rows.getJsonObject(0).fieldNames());
        }
      }
      List<String> missing = new ArrayList<>();
      Set<String> chinese = new TreeSet<>();
      for (String c : columns) {
        catalog.text("zh_CN", "wdr.label.column." + c).ifPresentOrElse(chinese::add,
            () -> missing.add(c));
      }
      assertEquals(List.of(), missing, "columns without a Chinese header");
      Matcher th = TH.matcher(zh);
      while (th.find()) {
        assertTrue(chinese.contains(th.group(1)), "not a catalog header: " + th.group(1));
      }
      assertTrue(zh.contains("<td>起始快照</td>"));
      assertFalse(zh.contains("Top Statements"));
      assertFalse(zh.contains("All figures cover the report window"));
      s.close().await();
    }
  }

  @Test
  void theEnglishAndChineseCatalogsHaveTheSameIds() throws Exception {
    java.util.Properties en = new java.util.Properties();
    java.util.Properties zh = new java.util.Properties();
    ClassLoader l = ReportLanguageTest.class.getClassLoader();
    try (var a = l.getResourceAsStream(ReportLabels.BUNDLE + ".properties");
        var b = l.getResourceAsStream(ReportLabels.BUNDLE + "_zh_CN.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
    for (String k : en.stringPropertyNames()) {
      if (!k.startsWith("wdr.label.column.")) {
        assertFalse(en.getProperty(k).equals(zh.getProperty(k)), "untranslated " + k);
      }
    }
  }
}
