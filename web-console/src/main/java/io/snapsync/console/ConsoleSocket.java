package io.snapsync.console;

import io.snapsync.core.cluster.ClusterMembership;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.eventbus.ResultJson;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.plugins.wdr.api.Baseline;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrReport;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connection. Text frames carry JSON: requests {@code {id, op, ...}} answered by
 * {@code {id, ok: true, result}} or {@code {id, ok: false, error: {sqlState, message, ...}}};
 * pushes {@code {event, data}} for new WDR snapshots ({@code snapshot}), worker state changes
 * ({@code worker}), settings changes ({@code setting}) and re-read views ({@code requests},
 * {@code exported}, {@code snapshot_log}) when their content changed.
 */
final class ConsoleSocket {

  private static final Logger LOG = LoggerFactory.getLogger(ConsoleSocket.class);
  private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]{0,62}");
  private static final int MAX_SERIES_POINTS = 30;
  private static final long CONTROL_TIMEOUT_MS = 3000;
  private static final int LIST_LIMIT = 200;

  private final ConsoleServer server;
  private final ConsoleSession session;
  private final ServerWebSocket ws;
  private final ExtensionContext ctx;
  private final Map<String, String> lastPushed = new HashMap<>();
  private long timer = -1;
  private Runnable stopMembership = () -> { };
  private String lastMembership;
  private boolean refreshing;
  private volatile boolean closed;

  ConsoleSocket(ConsoleServer server, ConsoleSession session, ServerWebSocket ws) {
    this.server = server;
    this.session = session;
    this.ws = ws;
    this.ctx = server.context();
  }

  void start() {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> reply(null, Future.failedFuture(
        ConsoleErrors.badRequest("binary frames are not used"))));
    ws.closeHandler(v -> stopped());
    ws.exceptionHandler(e -> LOG.debug("console socket: {}", e.toString()));
    timer = ctx.vertx().setPeriodic(server.options().liveRefreshMillis(), t -> refreshLive());
    // A departure is pushed as soon as Hazelcast reports it; joins are seen by refreshLive.
    io.vertx.core.Context here = ctx.vertx().getOrCreateContext();
    ctx.service(ClusterMembership.class).ifPresent(m -> stopMembership = m.onLeave(
        id -> here.runOnContext(v -> pushCluster())));
    push(new JsonObject().put("event", "hello").put("data", server.whoAmI(session)).encode());
    refreshLive();
  }

  void close() {
    if (!closed) {
      ws.close((short) 1008, "signed out").onComplete(ar -> stopped());
    }
  }

  private void stopped() {
    closed = true;
    if (timer >= 0) {
      ctx.vertx().cancelTimer(timer);
      timer = -1;
    }
    stopMembership.run();
    session.sockets.remove(this);
  }

  /**
   * Sends {@code text} while the socket is open, also when its write queue is full (Vert.x
   * buffers it): a reply or an event is never dropped (issue #18: a dropped reply left the
   * page, and ConsoleSecurityTest, waiting forever). Only re-sendable refreshes are skipped
   * while the browser reads slowly ({@link #pushIfChanged}).
   */
  void push(String text) {
    if (!closed && !ws.isClosed()) {
      ws.writeTextMessage(text);
    }
  }

  private String lc() {
    return session.views.lcMessages();
  }

  // ---------------------------------------------------------------- requests

  private void onText(String text) {
    int size = text.getBytes(StandardCharsets.UTF_8).length;
    if (size > server.options().maxMessageBytes()) {
      reply(null, Future.failedFuture(ConsoleErrors.tooLarge(size,
          server.options().maxMessageBytes())));
      return;
    }
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      reply(null, Future.failedFuture(ConsoleErrors.badRequest("not a JSON object")));
      return;
    }
    Object id = msg.getValue("id");
    if (server.expired(session)) {
      reply(id, Future.failedFuture(SnapsyncException.error(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "console.session_expired")));
      server.end(session);
      return;
    }
    if (!server.isAdmin(session.user)) {
      reply(id, Future.failedFuture(ConsoleErrors.notAdmin(session.user)));
      server.end(session);
      return;
    }
    session.touch(server.now());
    Future<Object> result;
    try {
      result = dispatch(msg.getString("op", ""), msg);
    } catch (ClassCastException e) {
      result = Future.failedFuture(ConsoleErrors.badRequest("wrong argument type"));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    reply(id, result);
  }

  private void reply(Object id, Future<Object> result) {
    result.onComplete(ar -> {
      String text;
      try {
        JsonObject out = new JsonObject().put("id", id);
        if (ar.succeeded()) {
          out.put("ok", true).put("result", ar.result());
        } else {
          out.put("ok", false).put("error", errorJson(ar.cause()));
        }
        text = out.encode();
      } catch (RuntimeException e) {
        // a result that does not encode still gets a reply, without Java text
        text = new JsonObject().put("id", id).put("ok", false).put("error", errorJson(e))
            .encode();
      }
      push(text);
    });
  }

  private JsonObject errorJson(Throwable cause) {
    SnapsyncException e = SnapsyncException.from(cause);
    if (SqlState.INTERNAL_ERROR.equals(e.sqlState())) {
      LOG.warn("console: operation failed", cause);
    }
    return e.toJson(ctx.catalog(), lc());
  }

  @SuppressWarnings("unchecked")
  private Future<Object> dispatch(String op, JsonObject m) {
    Future<?> f = switch (op) {
      case "whoami" -> Future.succeededFuture(server.whoAmI(session));
      case "overview" -> overview();
      case "snapshots" -> snapshots();
      case "requests" -> requests();
      case "take_snapshot" -> sqlValue(session.views, "SELECT create_wdr_snapshot()");
      case "kill" -> kill(m.getString("scope"));
      case "baselines" -> wdr().compose(WdrService::baselines).map(this::baselinesJson);
      case "report" -> report(m);
      case "sql_report" -> sqlReport(m);
      case "exported" -> table("pg_exported_snapshots");
      case "snapshot_log" -> snapshotLog();
      case "settings" -> sql(session.views, "SHOW ALL");
      case "set_setting" -> setSetting(m.getString("name"), m.getValue("value"));
      case "sql" -> prompt(m.getString("sql"));
      case "activity" -> ConsoleActivity.of(ctx, m.getLong("since", 0L), server.now(),
          table("pg_exported_snapshots"));
      default -> Future.failedFuture(ConsoleErrors.unknownOp(op));
    };
    return (Future<Object>) f;
  }

  private Future<WdrService> wdr() {
    return ctx.service(WdrService.class).map(Future::succeededFuture).orElseGet(() ->
        Future.failedFuture(SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
            "console.no_sessions")));
  }

  // ---------------------------------------------------------------- SQL

  private Future<JsonObject> sql(Session s, String sql) {
    return s.execute(sql, List.of()).map(r -> ResultJson.result(r, ctx.catalog(),
        s.lcMessages()));
  }

  /**
   * Reads a system table directly (as {@code SELECT *} would show it), so that the console's
   * periodic re-reads do not count as user statements in WDR's statistics; falls back to SQL
   * when the node does not expose its tables.
   */
  private Future<JsonObject> table(String name) {
    var table = ctx.systemTables().find(name);
    if (table.isEmpty()) {
      return sql(session.views, "SELECT * FROM " + name);
    }
    var t = table.get();
    ConsoleCall call = new ConsoleCall(ctx, session.user, lc());
    // rows() may block (it is called on a worker thread by the SQL layer too); the rows are
    // encoded as a SELECT's result is, by core's one encoder
    return ctx.vertx().executeBlocking(() -> t.rows(call), false)
        .compose(f -> f).map(rows -> ResultJson.result(new StatementResult(t.columns(), rows,
            "SELECT " + rows.size(), List.of()), ctx.catalog(), lc()));
  }

  /** Runs a one-value statement; the result is {@code {text, commandTag, notices}}. */
  private Future<JsonObject> sqlValue(Session s, String sql) {
    return s.execute(sql, List.of()).map(r -> {
      Object v = r.rows().isEmpty() || r.rows().get(0).isEmpty() ? null : r.rows().get(0).get(0);
      JsonObject j = ResultJson.result(r, ctx.catalog(), s.lcMessages());
      return new JsonObject().put("statement", sql).put("text", v == null ? null : v.toString())
          .put("commandTag", r.commandTag()).put("notices", j.getJsonArray("notices"));
    });
  }

  private Future<JsonObject> kill(String scope) {
    if (!"local".equals(scope) && !"global".equals(scope)) {
      return Future.failedFuture(ConsoleErrors.badRequest("scope must be local or global"));
    }
    return sqlValue(session.views, "SELECT kill_snapshot('" + scope + "')");
  }

  private Future<JsonObject> snapshotLog() {
    return table("snapshot_log").map(j -> {
      JsonArray rows = j.getJsonArray("rows");
      JsonArray last = new JsonArray();
      for (int i = rows.size() - 1; i >= 0 && last.size() < LIST_LIMIT; i--) {
        last.add(rows.getValue(i));
      }
      return j.put("rows", last).put("total", rows.size());
    });
  }

  private Future<JsonObject> setSetting(String name, Object value) {
    if (!server.isSysadmin(session.user)) {
      return Future.failedFuture(ConsoleErrors.denied("ALTER SYSTEM", "SYSADMIN"));
    }
    if (name == null || !SETTING_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
      return Future.failedFuture(ConsoleErrors.invalidSettingName(String.valueOf(name)));
    }
    if (value == null) {
      return Future.failedFuture(ConsoleErrors.badRequest("missing value"));
    }
    String literal = "'" + String.valueOf(value).replace("'", "''") + "'";
    return sqlValue(session.views, "ALTER SYSTEM SET " + name.toLowerCase(Locale.ROOT) + " = "
        + literal);
  }

  private Future<JsonObject> prompt(String sql) {
    if (sql == null || sql.isBlank()) {
      return Future.failedFuture(ConsoleErrors.badRequest("empty statement"));
    }
    Session s = session.prompt;
    return s.execute(sql).transform(ar -> {
      JsonObject out = new JsonObject().put("transactionStatus",
          String.valueOf(s.transactionStatus()));
      if (ar.succeeded()) {
        return Future.succeededFuture(out.put("results",
            ResultJson.results(ar.result(), ctx.catalog(), s.lcMessages())));
      }
      SnapsyncException e = SnapsyncException.from(ar.cause());
      JsonArray done = new JsonArray();
      if (e.completedResults() != null) {
        for (Object o : e.completedResults()) {
          if (o instanceof StatementResult r) {
            done.add(ResultJson.result(r, ctx.catalog(), s.lcMessages()));
          }
        }
      }
      return Future.succeededFuture(out.put("results", done)
          .put("error", e.toJson(ctx.catalog(), s.lcMessages())));
    });
  }

  // ---------------------------------------------------------------- WDR views

  private Future<JsonObject> snapshots() {
    return wdr().compose(w -> w.listSnapshots().compose(snaps -> w.requests().map(reqs -> {
      JsonArray s = new JsonArray();
      for (int i = snaps.size() - 1; i >= 0 && s.size() < LIST_LIMIT; i--) {
        s.add(snaps.get(i).toJson());
      }
      return new JsonObject().put("snapshots", s).put("requests", requestsJson(reqs));
    })));
  }

  private Future<JsonArray> requests() {
    return wdr().compose(WdrService::requests).map(this::requestsJson);
  }

  private JsonArray requestsJson(List<RequestOutcome> reqs) {
    JsonArray r = new JsonArray();
    for (int i = reqs.size() - 1; i >= 0 && r.size() < LIST_LIMIT; i--) {
      r.add(reqs.get(i).toJson());
    }
    return r;
  }

  private JsonArray baselinesJson(List<Baseline> list) {
    JsonArray a = new JsonArray();
    list.forEach(b -> a.add(new JsonObject().put("name", b.name())
        .put("begin", b.beginSnapshotId()).put("end", b.endSnapshotId())));
    return a;
  }

  /**
   * Cluster nodes (live members of the WDR node directory) with their roles and health (a
   * coordinator answers its worker's control address; the answer's latency is shown), each
   * coordinator's worker state, last snapshot it took and the next periodic due time.
   */
  private Future<JsonObject> overview() {
    return wdr().compose(w -> clusterNodes().compose(nodes ->
        w.requests().compose(reqs -> w.listSnapshots().compose(snaps -> {
          Map<String, RequestOutcome> lastTaken = new HashMap<>();
          for (RequestOutcome r : reqs) {
            if (r.snapshotId() > 0) {
              lastTaken.put(r.node(), r);
            }
          }
          Map<Long, SnapshotInfo> byId = new HashMap<>();
          snaps.forEach(s -> byId.put(s.snapshotId(), s));
          boolean enabled = ctx.settings().nodeBool("enable_wdr_snapshot");
          long interval = ctx.settings().nodeLong("wdr_snapshot_interval") * 60_000L;
          long now = server.now();
          long nextDue = interval > 0 ? (now / interval + 1) * interval : 0;
          List<Future<JsonObject>> rows = new ArrayList<>();
          nodes.forEach(n -> rows.add(nodeRow(n, lastTaken.get(n.getString("node")), byId,
              enabled ? nextDue : null)));
          return Future.join(rows).map(cf -> {
            JsonArray a = new JsonArray();
            rows.forEach(r -> a.add(r.result()));
            return new JsonObject().put("nodes", a).put("self", ctx.node().name())
                .put("enable_wdr_snapshot", enabled)
                .put("wdr_snapshot_interval", ctx.settings().nodeValue("wdr_snapshot_interval"))
                .put("snapshots", snaps.size())
                .put("last_snapshot", snaps.isEmpty() ? null
                    : snaps.get(snaps.size() - 1).toJson());
          });
        }))));
  }

  /**
   * The cluster's nodes as {@code {node, role, address, up}}: from the core's cluster
   * membership (which also lists nodes that left), else from the WDR node directory.
   */
  /** Pushes the overview ({@code cluster} event) after a change of membership. */
  private void pushCluster() {
    if (closed) {
      return;
    }
    overview().onSuccess(o -> push(new JsonObject().put("event", "cluster").put("data", o)
        .encode())).onFailure(e -> LOG.debug("console overview: {}", e.toString()));
  }

  /** Pushes the overview when the set of nodes or their liveness changed since last time. */
  private void checkMembership() {
    clusterNodes().onSuccess(nodes -> {
      String now = nodes.stream().map(n -> n.getString("node") + "=" + n.getBoolean("up"))
          .toList().toString();
      if (lastMembership != null && !lastMembership.equals(now)) {
        pushCluster();
      }
      lastMembership = now;
    });
  }

  private Future<List<JsonObject>> clusterNodes() {
    var membership = ctx.service(ClusterMembership.class);
    if (membership.isPresent()) {
      return membership.get().nodes().map(list -> list.stream().map(n -> new JsonObject()
          .put("node", n.name()).put("role", n.role()).put("address", n.address())
          .put("up", n.up())).toList());
    }
    // no membership service (a node outside a cluster manager): this node alone
    return Future.succeededFuture(List.of(new JsonObject().put("node", ctx.node().name())
        .put("role", ctx.node().roleName()).put("up", true)));
  }

  private Future<JsonObject> nodeRow(JsonObject n, RequestOutcome lastTaken,
      Map<Long, SnapshotInfo> byId, Long nextDue) {
    String name = n.getString("node");
    String role = n.getString("role");
    JsonObject row = new JsonObject().put("node", name).put("role", role)
        .put("address", n.getString("address")).put("self", name.equals(ctx.node().name()));
    if (!n.getBoolean("up", true)) {
      return Future.succeededFuture(row.put("health", "left").put("worker", (String) null));
    }
    if (role == null || !role.contains("coordinator")) {
      return Future.succeededFuture(row.put("health", "up").put("worker", (String) null));
    }
    long t0 = System.nanoTime();
    return io.snapsync.core.cluster.ClusterTrust.forVertx(ctx.vertx()).<JsonObject>request(
        ctx.vertx(), WdrService.CONTROL_ADDRESS_PREFIX + name,
        new JsonObject().put("action", "state"),
        new DeliveryOptions().setSendTimeout(CONTROL_TIMEOUT_MS)).transform(ar -> {
          if (ar.failed()) {
            return Future.succeededFuture(row.put("health", "no answer")
                .put("health_detail", String.valueOf(ar.cause().getMessage())));
          }
          String state = ar.result().body().getString("state");
          row.put("health", "up").put("latency_ms",
              Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0).put("worker", state);
          if (lastTaken != null) {
            SnapshotInfo s = byId.get(lastTaken.snapshotId());
            row.put("last_snapshot_id", lastTaken.snapshotId())
                .put("last_snapshot_at", s == null ? lastTaken.requestedAtMillis()
                    : s.endMillis());
          }
          row.put("next_due", "RUNNING".equals(state) ? nextDue : null);
          return Future.succeededFuture(row);
        });
  }

  /**
   * A report between two snapshots (or a baseline's range): the report JSON, the page's URL for
   * viewing and download, and the load profile over time (one point per pair of consecutive
   * snapshots in the range, at most {@value #MAX_SERIES_POINTS}).
   */
  private Future<JsonObject> report(JsonObject m) {
    String type = m.getString("type", "all");
    String scope = m.getString("scope", "cluster");
    String node = "node".equals(scope) ? m.getString("node") : null;
    String baseline = m.getString("baseline");
    Future<long[]> range;
    if (baseline != null && !baseline.isEmpty()) {
      range = wdr().compose(WdrService::baselines).compose(list -> list.stream()
          .filter(b -> b.name().equals(baseline)).findFirst()
          .map(b -> Future.succeededFuture(new long[] {b.beginSnapshotId(), b.endSnapshotId()}))
          .orElseGet(() -> Future.failedFuture(ConsoleErrors.baselineUnknown(baseline))));
    } else {
      Long b = m.getLong("begin");
      Long e = m.getLong("end");
      if (b == null || e == null) {
        return Future.failedFuture(ConsoleErrors.badRequest("begin and end are required"));
      }
      range = Future.succeededFuture(new long[] {b, e});
    }
    return range.compose(r -> wdr().compose(w -> ifOpen().compose(v -> w.report(
        new ReportRequest(r[0], r[1], type, scope, node, lc()))).compose(rep -> ifOpen().compose(v ->
        series(w, r[0], r[1], scope, node)).map(points -> {
          String id = ConsoleServer.token();
          session.putReport(id, new ConsoleSession.StoredReport(
              "wdr_report_" + r[0] + "_" + r[1] + ".html", rep.html()));
          return new JsonObject().put("report", rep.json()).put("series", points)
              .put("url", "/report/" + id).put("download", "/report/" + id + "?download=1")
              .put("begin", r[0]).put("end", r[1]);
        }))));
  }

  /**
   * Succeeds while the socket is open; once the browser is gone, fails with 57014 so that a
   * report being rendered for it stops at its next step instead of running to the end (the
   * reply is then not sent: {@link #push} drops it, nothing is logged).
   */
  private Future<Void> ifOpen() {
    return closed || ws.isClosed()
        ? Future.failedFuture(SnapsyncException.error(
            io.snapsync.core.error.SqlState.QUERY_CANCELED, "sql.query_canceled"))
        : Future.succeededFuture();
  }

  /**
   * The single-statement report of a top-statement row ({@code statement_id}) over the
   * report's range: its JSON and the page's URL.
   */
  private Future<JsonObject> sqlReport(JsonObject m) {
    Long b = m.getLong("begin");
    Long e = m.getLong("end");
    String id = m.getString("statement_id");
    if (b == null || e == null || id == null) {
      return Future.failedFuture(ConsoleErrors.badRequest(
          "begin, end and statement_id are required"));
    }
    String scope = m.getString("scope", "cluster");
    String node = "node".equals(scope) ? m.getString("node") : null;
    return wdr().compose(w -> w.sqlReport(new ReportRequest(b, e, "all", scope, node, lc()), id))
        .map(rep -> {
          String token = ConsoleServer.token();
          session.putReport(token, new ConsoleSession.StoredReport(
              "wdr_sql_report_" + id + "_" + b + "_" + e + ".html", rep.html()));
          return new JsonObject().put("report", rep.json()).put("url", "/report/" + token)
              .put("download", "/report/" + token + "?download=1");
        });
  }

  private Future<JsonArray> series(WdrService w, long begin, long end, String scope,
      String node) {
    return w.listSnapshots().compose(all -> {
      List<Long> ids = new ArrayList<>();
      all.forEach(s -> {
        if (s.snapshotId() >= begin && s.snapshotId() <= end) {
          ids.add(s.snapshotId());
        }
      });
      List<Long> picked = new ArrayList<>();
      if (ids.size() <= MAX_SERIES_POINTS + 1) {
        picked.addAll(ids);
      } else {
        for (int i = 0; i <= MAX_SERIES_POINTS; i++) {
          long id = ids.get((int) Math.round(i * (ids.size() - 1) / (double) MAX_SERIES_POINTS));
          if (picked.isEmpty() || picked.get(picked.size() - 1) != id) {
            picked.add(id);
          }
        }
      }
      // one point after the other, each only while the browser is still there
      JsonArray out = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 1; i < picked.size(); i++) {
        long a = picked.get(i - 1);
        long b = picked.get(i);
        chain = chain.compose(v -> ifOpen()).compose(v -> w.report(new ReportRequest(a, b,
            "summary", scope, node)).map(rep -> out.add(point(rep, a, b))).otherwise(e -> out)
            .mapEmpty());
      }
      return chain.map(v -> out);
    });
  }

  private static JsonObject point(WdrReport rep, long a, long b) {
    JsonObject p = new JsonObject().put("begin", a).put("end", b)
        .put("end_ts", rep.json().getJsonObject("info").getLong("end_ts"));
    JsonArray lp = rep.json().getJsonArray("load_profile", new JsonArray());
    for (int i = 0; i < lp.size(); i++) {
      JsonObject m = lp.getJsonObject(i);
      p.put(m.getString("metric"), m.getValue("per_second"));
    }
    return p;
  }

  // ---------------------------------------------------------------- live views

  /** Re-reads the views without an event-bus feed; pushes those that changed. */
  private void refreshLive() {
    if (closed || refreshing) {
      return;
    }
    if (server.expired(session)) {
      server.end(session);
      return;
    }
    refreshing = true;
    checkMembership();
    Future<JsonArray> reqs = requests();
    Future<JsonObject> exported = table("pg_exported_snapshots");
    Future<JsonObject> log = snapshotLog();
    Future.join(reqs, exported, log).onComplete(ar -> {
      refreshing = false;
      pushIfChanged("requests", reqs);
      pushIfChanged("exported", exported);
      pushIfChanged("snapshot_log", log);
    });
  }

  private void pushIfChanged(String event, Future<?> f) {
    if (f.failed()) {
      return;
    }
    Object v = f.result();
    String text = new JsonObject().put("event", event).put("data", v).encode();
    // a refresh is re-sent by the next round if skipped while the browser reads slowly
    if (!text.equals(lastPushed.get(event)) && !ws.writeQueueFull()) {
      lastPushed.put(event, text);
      push(text);
    }
  }
}
