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
 * The single-statement report and the repository's export and import as SQL (coordinator
 * only): {@code generate_wdr_sql_report(begin_snap_id, end_snap_id, statement_id, node_name
 * default null) → text} and {@code export_wdr_snapshots(begin_snap_id, end_snap_id) → text}
 * (SYSADMIN or MONADMIN), {@code import_wdr_snapshots(data) → text} (SYSADMIN).
 */
public final class WdrDetailFunctions {

  private WdrDetailFunctions() {
  }

  public static List<SqlFunction> all(Supplier<WdrService> service, MessageCatalog catalog) {
    return List.of(
        fn("generate_wdr_sql_report", List.of(
            FunctionParam.required("begin_snap_id", DataType.INT8),
            FunctionParam.required("end_snap_id", DataType.INT8),
            FunctionParam.required("statement_id", DataType.TEXT),
            FunctionParam.optional("node_name", DataType.TEXT, null)), call -> {
              Future<Object> denied = check(call, true);
              if (denied != null) {
                return denied;
              }
              List<Object> a = call.args();
              String node = a.size() > 3 ? (String) a.get(3) : null;
              return service.get().sqlReport(new ReportRequest(asLong(a.get(0)),
                  asLong(a.get(1)), "all", node == null ? "cluster" : "node", node,
                  call.lcMessages()), (String) a.get(2)).map(r -> r.html());
            }),
        fn("export_wdr_snapshots", List.of(
            FunctionParam.required("begin_snap_id", DataType.INT8),
            FunctionParam.required("end_snap_id", DataType.INT8)), call -> {
              Future<Object> denied = check(call, true);
              if (denied != null) {
                return denied;
              }
              Long b = asLong(call.args().get(0));
              Long e = asLong(call.args().get(1));
              return service.get().exportSnapshots(b == null ? 0 : b, e == null ? 0 : e)
                  .map(t -> t);
            }),
        fn("import_wdr_snapshots", List.of(FunctionParam.required("data", DataType.TEXT)),
            call -> {
              Future<Object> denied = check(call, false);
              if (denied != null) {
                return denied;
              }
              return service.get().importSnapshots((String) call.args().get(0))
                  .map(ids -> catalog.render(call.lcMessages(), Message.of("wdr.import.done",
                      String.valueOf(ids.size()), String.valueOf(ids.get(0)),
                      String.valueOf(ids.get(ids.size() - 1)))));
            }));
  }

  /** Coordinator only; reading needs SYSADMIN or MONADMIN, importing SYSADMIN. */
  private static Future<Object> check(FunctionCall call, boolean read) {
    if (!call.node().coordinator()) {
      return CreateWdrSnapshotFunction.fail(SqlState.FEATURE_NOT_SUPPORTED,
          "wdr.report.not_coordinator");
    }
    boolean allowed = call.hasRole(Roles.SYSADMIN) || (read && call.hasRole(Roles.MONADMIN));
    if (!allowed) {
      return CreateWdrSnapshotFunction.fail(SqlState.INSUFFICIENT_PRIVILEGE,
          read ? "wdr.report.permission_denied" : "wdr.import.permission_denied");
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
