package io.snapsync.plugins.wdr.report;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.repository.Repository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates and loads a single-statement report: every stored snapshot from the begin id to
 * the end id (both must exist), then {@link SqlDetailReport} and its page off the event loop.
 */
final class SqlReports {

  /** Sections of the page in order. */
  static final List<String> SECTIONS = List.of("summary", "by_node", "trend", "activity",
      "plans");

  private final Vertx vertx;
  private final Repository repository;
  private final Clock clock;
  private final MessageCatalog catalog;

  SqlReports(Vertx vertx, Repository repository, Clock clock, MessageCatalog catalog) {
    this.vertx = vertx;
    this.repository = repository;
    this.clock = clock;
    this.catalog = catalog;
  }

  Future<WdrReport> report(ReportRequest r, String statementId) {
    SnapsyncException order = ReportService.idsOutOfOrder(r);
    if (order != null) {
      return Future.failedFuture(order);
    }
    String id = statementId == null ? "" : statementId.trim().toLowerCase(Locale.ROOT);
    if (!id.matches("[0-9a-f]{16}")) {
      return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "wdr.sql_report.invalid_id", String.valueOf(statementId)));
    }
    String scope = r.scope() == null ? "" : r.scope().trim().toLowerCase(Locale.ROOT);
    if (!scope.equals("cluster") && !scope.equals("node")) {
      return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "wdr.report.invalid_scope"));
    }
    return repository.list().compose(headers -> {
      List<SnapshotInfo> range = new ArrayList<>();
      for (SnapshotInfo h : headers) {
        if (h.snapshotId() >= r.beginSnapshotId() && h.snapshotId() <= r.endSnapshotId()) {
          range.add(h);
        }
      }
      for (long must : new long[] {r.beginSnapshotId(), r.endSnapshotId()}) {
        if (range.stream().noneMatch(h -> h.snapshotId() == must)) {
          return Future.failedFuture(MissingSnapshots.error(headers, must));
        }
      }
      List<Future<Map<String, JsonObject>>> loads = new ArrayList<>();
      range.forEach(h -> loads.add(repository.data(h.snapshotId())));
      return Future.all(loads).compose(all -> {
        String node = scope.equals("node") ? r.nodeName() : null;
        Map<String, JsonObject> first = all.resultAt(0);
        Map<String, JsonObject> last = all.resultAt(range.size() - 1);
        if (scope.equals("node") && (node == null || !first.containsKey(node)
            || !last.containsKey(node))) {
          return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
              "wdr.report.invalid_node"));
        }
        if (new ReportBuilder(range.get(0), range.get(range.size() - 1), first, last, node,
            ReportType.SUMMARY, 0).resetTimeDiffers()) {
          return Future.failedFuture(SnapsyncException.error(
              SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.report.reset_time_differs"));
        }
        List<Map<String, JsonObject>> data = all.list();
        return vertx.executeBlocking(() -> build(range, data, node, id, r), false);
      });
    });
  }

  private WdrReport build(List<SnapshotInfo> range, List<Map<String, JsonObject>> data,
      String node, String id, ReportRequest r) {
    JsonObject json = new SqlDetailReport(range, data, node, id, clock.millis()).build();
    if (json == null) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "wdr.sql_report.not_run", id, String.valueOf(r.beginSnapshotId()),
          String.valueOf(r.endSnapshotId()));
    }
    json.put("section_notes", ReportLabels.of(catalog, "en").notes(
        json.getJsonObject("section_note_ids")));
    return new WdrReport(json, html(json, ReportLabels.of(catalog, r.lcMessages())));
  }

  static String html(JsonObject json, ReportLabels labels) {
    JsonObject info = json.getJsonObject("info");
    StringBuilder sb = new StringBuilder(8_192);
    HtmlReport.head(sb, labels, labels.text("wdr.label.sql_title", info.getString(
        "statement_id")), labels.text("wdr.label.sql_heading"));
    sb.append("<h2 id=\"report_info\">").append(HtmlReport.esc(labels.text(
        "wdr.label.report_info"))).append("</h2>\n");
    JsonObject kv = new JsonObject().put("statement_id", info.getString("statement_id"))
        .put("query", info.getString("query")).put("kind", info.getString("kind"))
        .put("begin_snapshot", info.getLong("begin_snapshot_id") + " ("
            + HtmlReport.ts(info.getLong("begin_ts")) + ")")
        .put("end_snapshot", info.getLong("end_snapshot_id") + " ("
            + HtmlReport.ts(info.getLong("end_ts")) + ")")
        .put("snapshots", info.getInteger("snapshots"))
        .put("scope", info.getString("scope") + (info.getString("node_name") == null ? ""
            : " (" + info.getString("node_name") + ")"));
    HtmlReport.table(sb, new io.vertx.core.json.JsonArray().add(kv), labels);
    HtmlReport.sections(sb, json, SECTIONS, labels);
    return sb.append("</body></html>\n").toString();
  }
}
