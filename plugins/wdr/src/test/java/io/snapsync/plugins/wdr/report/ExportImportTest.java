package io.snapsync.plugins.wdr.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.impl.WdrSettings;
import io.snapsync.plugins.wdr.testing.EngineNode;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot range exported as JSON on one node and imported on another (its own repository,
 * its own ids): the report over the imported ids equals the source's, section by section and
 * as a page below its header; retention keeps imported snapshots; bad input is 22023.
 */
class ExportImportTest {

  @TempDir
  Path sourceDir;
  @TempDir
  Path targetDir;

  @Test
  void aReportFromImportedSnapshotsEqualsTheSourceReport() {
    try (EngineNode source = new EngineNode(sourceDir, "cn1");
        EngineNode target = new EngineNode(targetDir, "other1")) {
      Session s = source.session(null);
      EngineNode.exec(s, "CREATE TABLE acct (id int PRIMARY KEY, v int)");
      long a = source.snapshot();
      EngineNode.exec(s, "INSERT INTO acct SELECT g, g FROM generate_series(1, 30) g");
      for (int i = 1; i <= 4; i++) {
        EngineNode.exec(s, "UPDATE acct SET v = v + 1 WHERE id = " + i);
      }
      source.clock.advance(Duration.ofSeconds(30));
      long b = source.snapshot();
      EngineNode.exec(s, "SELECT count(*) FROM acct");
      source.clock.advance(Duration.ofSeconds(30));
      long c = source.snapshot();
      WdrReport expected = source.wdr().report(new ReportRequest(a, c, "all", "cluster", null))
          .await();
      String export = (String) EngineNode.exec(s, "SELECT export_wdr_snapshots(" + a + ", "
          + c + ")").rows().get(0).get(0);
      JsonObject doc = new JsonObject(export);
      assertEquals("snapsync-wdr", doc.getString("format"));
      assertEquals(3, doc.getJsonArray("snapshots").size());
      s.close().await();

      long own = target.snapshot();
      Session t = target.session(null);
      Object done = t.execute("SELECT import_wdr_snapshots($1)", List.of(export)).await()
          .rows().get(0).get(0);
      long first = own + 1;
      long last = own + 3;
      assertEquals("Imported 3 WDR snapshots as ids " + first + " to " + last + ".", done);
      List<SnapshotInfo> stored = target.wdr().listSnapshots().await();
      assertEquals(4, stored.size());
      assertEquals("imported", stored.get(1).trigger());
      assertEquals(List.of("cn1"), stored.get(1).nodes());

      WdrReport actual = target.wdr().report(new ReportRequest(first, last, "all", "cluster",
          null)).await();
      JsonObject e = expected.json().copy();
      JsonObject g = actual.json().copy();
      for (JsonObject r : List.of(e, g)) {
        JsonObject info = r.getJsonObject("info");
        assertEquals(60.0, info.getDouble("elapsed_s"));
        info.remove("begin_snapshot_id");
        info.remove("end_snapshot_id");
        info.remove("generated_at");
      }
      assertEquals(e, g);
      assertTrue(e.getJsonArray("object_stats").size() > 0, "a workload with figures");
      String body = "<h2 id=\"load_profile\">";
      assertEquals(expected.html().substring(expected.html().indexOf(body)),
          actual.html().substring(actual.html().indexOf(body)));

      // the single-statement report reads the imported range by the same statement id
      String id = e.getJsonArray("statements").getJsonObject(0).getString("statement_id");
      assertEquals(source.wdr().sqlReport(new ReportRequest(a, c, null, "cluster", null), id)
              .await().json().getJsonArray("trend").getJsonObject(0).getLong("calls"),
          target.wdr().sqlReport(new ReportRequest(first, last, null, "cluster", null), id)
              .await().json().getJsonArray("trend").getJsonObject(0).getLong("calls"));

      // retention removes the target's own old snapshot, not the imported ones
      target.services.settings().alterSystem(WdrSettings.RETENTION, "1").await();
      target.clock.advance(Duration.ofDays(3));
      long later = target.snapshot();
      assertEquals(List.of(first, first + 1, last, later), target.wdr().listSnapshots().await()
          .stream().map(SnapshotInfo::snapshotId).toList());
      t.close().await();
    }
  }

  @Test
  void importingSomethingElseIs22023() {
    try (EngineNode target = new EngineNode(targetDir, "cn1")) {
      Session t = target.session(null);
      SnapsyncException notJson = assertInstanceOf(SnapsyncException.class,
          EngineNode.fails(t, "SELECT import_wdr_snapshots('not json')"));
      assertEquals("22023", notJson.sqlState());
      assertEquals("WDR import data is not a JSON object", target.text(notJson, "en"));
      SnapsyncException other = assertInstanceOf(SnapsyncException.class,
          EngineNode.fails(t, "SELECT import_wdr_snapshots('{\"format\": \"x\"}')"));
      assertEquals("WDR import data is not a snapsync WDR export (format x, version null)",
          target.text(other, "en"));
      SnapsyncException empty = assertInstanceOf(SnapsyncException.class, EngineNode.fails(t,
          "SELECT import_wdr_snapshots('{\"format\": \"snapsync-wdr\", \"version\": 1,"
              + " \"snapshots\": []}')"));
      assertEquals("WDR import data holds no snapshot", target.text(empty, "en"));
      SnapsyncException missing = assertInstanceOf(SnapsyncException.class,
          EngineNode.fails(t, "SELECT export_wdr_snapshots(1, 5)"));
      assertEquals("22023", missing.sqlState());
      assertEquals(List.of(), target.wdr().listSnapshots().await());
      t.close().await();
    }
  }
}
