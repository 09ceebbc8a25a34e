package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import io.snapsync.plugins.wdr.repository.WdrRepository;
import io.snapsync.plugins.wdr.repository.RemoteRepository;
import io.snapsync.plugins.wdr.repository.RepositoryEndpoint;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.report.ReportService;
import io.snapsync.storage.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;

/**
 * The WDR parts of one node, wired and started: the repository (local on the data node,
 * remote elsewhere) and its endpoint, this node's collectors and directory entry, and on a
 * coordinator the worker supervisor and the report endpoint ({@link WdrService#REPORT_ADDRESS}).
 */
public final class WdrNode {

  private final ExtensionContext ctx;
  private final Vertx vertx;
  private final Clock clock;
  private final WdrOptions options;
  private final WdrSettings settings;
  private final String nodeName;
  private final NodeDirectory directory;
  private Repository repository;
  private RepositoryEndpoint repositoryEndpoint;
  private NodeCollector collector;
  private WorkerSupervisor supervisor;
  private WdrServiceImpl service;
  private MessageConsumer<JsonObject> reportConsumer;
  private MessageConsumer<JsonObject> controlConsumer;

  public WdrNode(ExtensionContext ctx, Clock clock, WdrOptions options) {
    this.ctx = ctx;
    this.vertx = ctx.vertx();
    this.clock = clock;
    this.options = options;
    this.settings = new WdrSettings(ctx.settings());
    this.nodeName = ctx.node().name();
    this.directory = new NodeDirectory(vertx);
  }

  public Future<WdrService> start() {
    Future<Void> repo;
    if (ctx.node().dataNode() && ctx.service(Store.class).isPresent()) {
      repository = Repository.local(vertx, new WdrRepository(ctx.service(Store.class).get()));
      repositoryEndpoint = new RepositoryEndpoint(repository);
      repo = repositoryEndpoint.start(vertx);
    } else {
      repository = new RemoteRepository(vertx, options.repositoryTimeoutMillis());
      repo = Future.succeededFuture();
    }
    collector = new NodeCollector(vertx, ctx, nodeName, ctx.node().roleName(), clock,
        ctx::collectors);
    ReportService reports = new ReportService(vertx, repository, clock, ctx.catalog());
    if (ctx.node().coordinator()) {
      SnapshotTaker taker = new SnapshotTaker(vertx, clock, settings, directory, repository);
      supervisor = new WorkerSupervisor(vertx, clock, settings, options,
          () -> new SnapshotWorker(nodeName, clock, settings, options, taker, repository));
    }
    service = new WdrServiceImpl(vertx, clock, nodeName, options, supervisor, repository,
        reports);
    return repo.compose(v -> collector.start())
        .compose(v -> directory.join(nodeName, ctx.node().roleName()))
        .compose(v -> {
          if (supervisor == null) {
            return Future.succeededFuture();
          }
          var trust = io.snapsync.core.cluster.ClusterTrust.forVertx(vertx);
          reportConsumer = trust.<JsonObject>consumer(vertx, WdrService.REPORT_ADDRESS, m ->
              report(m.body()).onComplete(ar -> {
                if (ar.succeeded()) {
                  m.reply(ar.result().json().put("html", ar.result().html()));
                } else if (ar.cause() instanceof SnapsyncException e) {
                  m.reply(new JsonObject().put("error", e.toJson(ctx.catalog(),
                      m.body().getString("lc_messages", "en"))));
                } else {
                  m.fail(500, String.valueOf(ar.cause().getMessage()));
                }
              }));
          controlConsumer = trust.consumer(vertx, WdrService.CONTROL_ADDRESS_PREFIX + nodeName,
              this::control);
          supervisor.publishAs(nodeName);
          supervisor.startTimer();
          // Turning enable_wdr_snapshot on starts a stopped worker at once (delay permitting).
          ctx.settings().addListener((name, value) -> {
            if (WdrSettings.ENABLE.equals(name) && "on".equals(value)) {
              supervisor.check();
            }
          });
          return Future.all(reportConsumer.completion(), controlConsumer.completion())
              .compose(x -> settings.enabled()
              ? supervisor.start() : Future.succeededFuture());
        }).map(v -> service);
  }

  public Future<Void> stop() {
    Future<Void> s = supervisor == null ? Future.succeededFuture() : supervisor.close();
    return s.transform(x -> directory.leave(nodeName))
        .transform(x -> collector == null ? Future.succeededFuture() : collector.stop())
        .transform(x -> reportConsumer == null ? Future.succeededFuture()
            : reportConsumer.unregister())
        .transform(x -> controlConsumer == null ? Future.succeededFuture()
            : controlConsumer.unregister())
        .transform(x -> repositoryEndpoint == null ? Future.succeededFuture()
            : repositoryEndpoint.stop());
  }

  /**
   * A report request of the console: {@code statement_id} present for the single-statement
   * report, {@code begin2}/{@code end2} for a compare report, else the report.
   */
  private Future<io.snapsync.plugins.wdr.api.WdrReport> report(JsonObject body) {
    ReportRequest r = ReportRequest.fromJson(body);
    if (body.getValue("statement_id") != null) {
      return service.sqlReport(r, body.getString("statement_id"));
    }
    if (body.getValue("begin2") != null || body.getValue("end2") != null) {
      return service.diffReport(r, new ReportRequest(body.getLong("begin2"),
          body.getLong("end2"), r.type(), r.scope(), r.nodeName(), r.lcMessages()));
    }
    return service.report(r);
  }

  private void control(io.vertx.core.eventbus.Message<JsonObject> m) {
    String action = m.body() == null ? "" : m.body().getString("action", "");
    Future<Void> f = switch (action) {
      case "state" -> Future.succeededFuture();
      case "stop" -> supervisor.stop();
      case "start" -> supervisor.start();
      default -> Future.failedFuture("unknown action " + action);
    };
    f.onComplete(ar -> {
      if (ar.succeeded()) {
        m.reply(new JsonObject().put("node", nodeName).put("state", supervisor.state().name()));
      } else {
        m.fail(500, String.valueOf(ar.cause().getMessage()));
      }
    });
  }

  public WdrServiceImpl service() {
    return service;
  }

  public WorkerSupervisor supervisor() {
    return supervisor;
  }

  public Repository repository() {
    return repository;
  }

  public WdrSettings settings() {
    return settings;
  }
}
