package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Baselines and compare reports as SQL (beyond GaussDB, as Oracle AWR has them):
 * {@code create_wdr_baseline(name, begin_snap_id, end_snap_id) → text},
 * {@code drop_wdr_baseline(name) → text} (SYSADMIN), and
 * {@code generate_wdr_diff_report(begin1, end1, begin2, end2, report_type, report_scope,
 * node_name default null) → text} (SYSADMIN or MONADMIN). Coordinator only.
 */
public final class WdrBaselineFunctions {

  private WdrBaselineFunctions() {
  }

  public static List<SqlFunction> all(Supplier<WdrService> service, MessageCatalog catalog) {
    return List.of(
        fn("create_wdr_baseline", List.of(FunctionParam.required("name", DataType.TEXT),
            FunctionParam.required("begin_snap_id", DataType.INT8),
            FunctionParam.required("end_snap_id", DataType.INT8)), call -> {
              Future<Object> denied = check(call, false);
              if (denied != null) {
                return denied;
              }
              String name = (String) call.args().get(0);
              return service.get().createBaseline(name, asLong(call.args().get(1)),
                  asLong(call.args().get(2))).map(v -> catalog.render(call.lcMessages(),
                      Message.of("wdr.baseline.created", name)));
            }),
        fn("drop_wdr_baseline", List.of(FunctionParam.required("name", DataType.TEXT)), call -> {
          Future<Object> denied = check(call, false);
          if (denied != null) {
            return denied;
          }
          String name = (String) call.args().get(0);
          return service.get().dropBaseline(name).map(v -> catalog.render(call.lcMessages(),
              Message.of("wdr.baseline.dropped", name)));
        }),
        fn("generate_wdr_diff_report", List.of(
            FunctionParam.required("begin1_snap_id", DataType.INT8),
            FunctionParam.required("end1_snap_id", DataType.INT8),
            FunctionParam.required("begin2_snap_id", DataType.INT8),
            FunctionParam.required("end2_snap_id", DataType.INT8),
            FunctionParam.required("report_type", DataType.TEXT),
            FunctionParam.required("report_scope", DataType.TEXT),
            FunctionParam.optional("node_name", DataType.TEXT, null)), call -> {
              Future<Object> denied = check(call, true);
              if (denied != null) {
                return denied;
              }
              List<Object> a = call.args();
              String node = a.size() > 6 ? (String) a.get(6) : null;
              return service.get().diffReport(
                  new ReportRequest(asLong(a.get(0)), asLong(a.get(1)), (String) a.get(4),
                      (String) a.get(5), node, call.lcMessages()),
                  new ReportRequest(asLong(a.get(2)), asLong(a.get(3)), (String) a.get(4),
                      (String) a.get(5), node)).map(r -> r.html());
            }));
  }

  private static Future<Object> check(FunctionCall call, boolean report) {
    if (!call.node().coordinator()) {
      return CreateWdrSnapshotFunction.fail(SqlState.FEATURE_NOT_SUPPORTED,
          report ? "wdr.report.not_coordinator" : "wdr.baseline.not_coordinator");
    }
    boolean allowed = call.hasRole(Roles.SYSADMIN) || (report && call.hasRole(Roles.MONADMIN));
    if (!allowed) {
      return CreateWdrSnapshotFunction.fail(SqlState.INSUFFICIENT_PRIVILEGE,
          report ? "wdr.report.permission_denied" : "wdr.baseline.permission_denied");
    }
    return null;
  }

  private static Long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  private static SqlFunction fn(String name, List<FunctionParam> params,
      Function<FunctionCall, Future<Object>> body) {
    return SqlFunction.of(name, params, DataType.TEXT, body);
  }
}
