package io.snapsync.plugins.wdr.impl;

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
import java.util.function.Supplier;

/**
 * {@code generate_wdr_report(begin_snap_id bigint, end_snap_id bigint, report_type cstring,
 * report_scope cstring, node_name cstring default null) → text}: the HTML page.
 */
public final class GenerateWdrReportFunction implements SqlFunction {

  private final Supplier<WdrService> service;

  public GenerateWdrReportFunction(Supplier<WdrService> service) {
    this.service = service;
  }

  /** NULL arguments have the SPEC's meaning (report: 22023 invalid id; kill: local). */
  @Override
  public boolean callOnNull() {
    return true;
  }

  @Override
  public String name() {
    return "generate_wdr_report";
  }

  @Override
  public List<FunctionParam> params() {
    return List.of(FunctionParam.required("begin_snap_id", DataType.INT8),
        FunctionParam.required("end_snap_id", DataType.INT8),
        FunctionParam.required("report_type", DataType.TEXT),
        FunctionParam.required("report_scope", DataType.TEXT),
        FunctionParam.optional("node_name", DataType.TEXT, null));
  }

  @Override
  public DataType returnType() {
    return DataType.TEXT;
  }

  @Override
  public Future<Object> call(FunctionCall call) {
    if (!call.node().coordinator()) {
      return CreateWdrSnapshotFunction.fail(SqlState.FEATURE_NOT_SUPPORTED,
          "wdr.report.not_coordinator");
    }
    if (!call.hasRole(Roles.SYSADMIN) && !call.hasRole(Roles.MONADMIN)) {
      return CreateWdrSnapshotFunction.fail(SqlState.INSUFFICIENT_PRIVILEGE,
          "wdr.report.permission_denied");
    }
    List<Object> a = call.args();
    ReportRequest r = new ReportRequest(asLong(a.get(0)), asLong(a.get(1)), (String) a.get(2),
        (String) a.get(3), a.size() > 4 ? (String) a.get(4) : null, call.lcMessages());
    return service.get().report(r).map(rep -> rep.html());
  }

  private static Long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }
}
