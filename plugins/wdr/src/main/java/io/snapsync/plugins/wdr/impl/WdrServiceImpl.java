package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.plugins.wdr.api.Baseline;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.api.WorkerState;
import io.snapsync.plugins.wdr.report.ReportService;
import io.snapsync.plugins.wdr.report.SnapshotArchive;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;

/** {@link WdrService} over this node's supervisor, the repository and the report service. */
public final class WdrServiceImpl implements WdrService {

  private final Vertx vertx;
  private final Clock clock;
  private final String nodeName;
  private final WdrOptions options;
  private final WorkerSupervisor supervisor;
  private final Repository repository;
  private final ReportService reports;

  /** {@code supervisor} is null on a data node (no worker). */
  public WdrServiceImpl(Vertx vertx, Clock clock, String nodeName, WdrOptions options,
      WorkerSupervisor supervisor, Repository repository, ReportService reports) {
    this.vertx = vertx;
    this.clock = clock;
    this.nodeName = nodeName;
    this.options = options;
    this.supervisor = supervisor;
    this.repository = repository;
    this.reports = reports;
  }

  @Override
  public Future<SnapshotRequest> requestSnapshot(String requestedBy) {
    SnapshotWorker worker = supervisor == null ? null : supervisor.worker();
    if (worker == null) {
      return Future.failedFuture(SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "wdr.create.worker_not_running"));
    }
    JsonObject req = new JsonObject().put("by", requestedBy).put("at", clock.millis());
    return vertx.eventBus().<JsonObject>request(SnapshotWorker.address(nodeName), req,
            // local only: a consumer another process registered on the address never sees it
            new DeliveryOptions().setSendTimeout(options.requestTimeoutMillis())
                .setLocalOnly(true))
        .<SnapshotRequest>map(m -> {
          long token = m.body().getLong("token");
          return () -> worker.outcome(token);
        })
        .recover(e -> Future.failedFuture(SnapsyncException.error(SqlState.INTERNAL_ERROR,
            "wdr.create.queue_failed").withCause(e)));
  }

  @Override
  public WorkerState workerState() {
    return supervisor == null ? WorkerState.STOPPED : supervisor.state();
  }

  @Override
  public Future<Void> stopWorker() {
    return supervisor == null ? Future.succeededFuture() : supervisor.stop();
  }

  @Override
  public Future<Void> startWorker() {
    return supervisor == null ? Future.succeededFuture() : supervisor.start();
  }

  @Override
  public Future<List<SnapshotInfo>> listSnapshots() {
    return repository.list();
  }

  @Override
  public Future<List<RequestOutcome>> requests() {
    return repository.requests();
  }

  @Override
  public Future<WdrReport> report(ReportRequest request) {
    return reports.report(request);
  }

  @Override
  public Future<Void> createBaseline(String name, long begin, long end) {
    if (name == null || name.isBlank()) {
      return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "wdr.baseline.invalid_name"));
    }
    return repository.list().compose(list -> {
      boolean b = list.stream().anyMatch(s -> s.snapshotId() == begin);
      boolean e = list.stream().anyMatch(s -> s.snapshotId() == end);
      if (!b || !e || begin >= end) {
        return Future.failedFuture(SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "wdr.report.invalid_snapshot_id"));
      }
      return repository.putBaseline(name, begin, end).compose(done -> done
          ? Future.<Void>succeededFuture()
          : Future.failedFuture(SnapsyncException.error(SqlState.DUPLICATE_OBJECT,
              "wdr.baseline.exists", name)));
    });
  }

  @Override
  public Future<Void> dropBaseline(String name) {
    return repository.dropBaseline(name == null ? "" : name).compose(done -> done
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(SnapsyncException.error(SqlState.UNDEFINED_OBJECT,
            "wdr.baseline.not_found", name)));
  }

  @Override
  public Future<List<Baseline>> baselines() {
    return repository.baselines().map(m -> m.values().stream().map(Baseline::fromJson).toList());
  }

  @Override
  public Future<WdrReport> diffReport(ReportRequest first, ReportRequest second) {
    return reports.diff(first, second);
  }

  @Override
  public Future<WdrReport> sqlReport(ReportRequest request, String statementId) {
    return reports.sqlReport(request, statementId);
  }

  @Override
  public Future<String> exportSnapshots(long begin, long end) {
    return new SnapshotArchive(vertx, repository).export(begin, end);
  }

  @Override
  public Future<List<Long>> importSnapshots(String exportJson) {
    return new SnapshotArchive(vertx, repository).importText(exportJson);
  }

  public WorkerSupervisor supervisor() {
    return supervisor;
  }

  public Repository repository() {
    return repository;
  }
}
