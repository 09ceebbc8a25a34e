package io.snapsync.plugins.wdr.report;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.repository.Repository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Validates report arguments in SPEC order (ids, type, scope, node, reset time), loads the
 * two snapshots from the repository and builds the report. Thread-safe.
 */
public final class ReportService {

  /** The catalog bundle of the report pages' labels (registered by the extension). */
  public static final String LABELS_BUNDLE = ReportLabels.BUNDLE;

  private final io.vertx.core.Vertx vertx;
  private final Repository repository;
  private final Clock clock;
  private final MessageCatalog catalog;

  public ReportService(io.vertx.core.Vertx vertx, Repository repository, Clock clock,
      MessageCatalog catalog) {
    this.vertx = vertx;
    this.repository = repository;
    this.clock = clock;
    this.catalog = catalog;
  }

  /** SPEC's check of the two ids before anything is read; null when they are in order. */
  static SnapsyncException idsOutOfOrder(ReportRequest r) {
    if (r.beginSnapshotId() == null || r.endSnapshotId() == null || r.beginSnapshotId() <= 0
        || r.endSnapshotId() <= r.beginSnapshotId()) {
      SnapsyncException e = SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "wdr.report.invalid_snapshot_id");
      return r.beginSnapshotId() == null || r.endSnapshotId() == null ? e
          : e.withDetail("wdrfix.report.snapshot_order", String.valueOf(r.beginSnapshotId()),
              String.valueOf(r.endSnapshotId()));
    }
    return null;
  }

  public Future<WdrReport> report(ReportRequest r) {
    SnapsyncException order = idsOutOfOrder(r);
    if (order != null) {
      return Future.failedFuture(order);
    }
    ReportType type = ReportType.parse(r.type());
    if (type == null) {
      return fail("wdr.report.invalid_type");
    }
    String scope = r.scope() == null ? "" : r.scope().trim().toLowerCase(Locale.ROOT);
    if (!scope.equals("cluster") && !scope.equals("node")) {
      return fail("wdr.report.invalid_scope");
    }
    return Future.all(repository.list(), repository.data(r.beginSnapshotId()),
        repository.data(r.endSnapshotId())).compose(all -> {
          var headers = all.<java.util.List<io.snapsync.plugins.wdr.api.SnapshotInfo>>resultAt(0);
          var begin = headers.stream().filter(h -> h.snapshotId() == r.beginSnapshotId())
              .findFirst();
          var end = headers.stream().filter(h -> h.snapshotId() == r.endSnapshotId())
              .findFirst();
          if (begin.isEmpty() || end.isEmpty()) {
            return Future.failedFuture(MissingSnapshots.error(headers,
                begin.isEmpty() ? r.beginSnapshotId() : r.endSnapshotId()));
          }
          Map<String, JsonObject> b = all.resultAt(1);
          Map<String, JsonObject> e = all.resultAt(2);
          String node = null;
          if (scope.equals("node")) {
            node = r.nodeName();
            if (node == null || !b.containsKey(node) || !e.containsKey(node)) {
              return fail("wdr.report.invalid_node");
            }
          }
          ReportBuilder builder = new ReportBuilder(begin.get(), end.get(), b, e, node, type,
              clock.millis());
          if (builder.resetTimeDiffers()) {
            return Future.failedFuture(SnapsyncException.error(
                SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "wdr.report.reset_time_differs"));
          }
          // Ranking thousands of statements is too long for an event loop.
          return vertx.executeBlocking(() -> {
            JsonObject json = builder.build();
            json.put("section_notes", ReportLabels.of(catalog, "en").notes(
                json.getJsonObject("section_note_ids")));
            return new WdrReport(json, new HtmlReport(json,
                ReportLabels.of(catalog, r.lcMessages())).render());
          }, false);
        });
  }

  /**
   * Compares two ranges: both validated as {@link #report}, with the first range's type,
   * scope and node for both.
   */
  public Future<WdrReport> diff(ReportRequest first, ReportRequest second) {
    ReportType type = ReportType.parse(first.type());
    ReportRequest a = new ReportRequest(first.beginSnapshotId(), first.endSnapshotId(), "all",
        first.scope(), first.nodeName(), first.lcMessages());
    ReportRequest b = new ReportRequest(second.beginSnapshotId(), second.endSnapshotId(), "all",
        first.scope(), first.nodeName(), first.lcMessages());
    Future<WdrReport> fa = type == null ? fail("wdr.report.invalid_type") : report(a);
    return fa.compose(ra -> report(b).compose(rb -> vertx.executeBlocking(() -> {
      DiffReport d = new DiffReport(ra.json(), rb.json(), type == ReportType.SUMMARY ? 10 : 100);
      return new WdrReport(d.build(), d.html(ReportLabels.of(catalog, first.lcMessages())));
    }, false)));
  }

  /**
   * The single-statement report of {@code statementId} ({@link StatementIds}) over the range
   * of {@code r} (its type is ignored; scope and node as {@link #report}): ids checked as
   * there, 22023 when the statement did not run in the range.
   */
  public Future<WdrReport> sqlReport(ReportRequest r, String statementId) {
    return new SqlReports(vertx, repository, clock, catalog).report(r, statementId);
  }

  private static <T> Future<T> fail(String id) {
    return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, id));
  }
}
