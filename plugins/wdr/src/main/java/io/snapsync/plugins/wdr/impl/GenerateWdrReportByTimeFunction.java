package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.plugins.wdr.api.ReportRequest;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.plugins.wdr.api.WdrService;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code generate_wdr_report_by_time(begin_ts timestamptz, end_ts timestamptz, report_type,
 * report_scope, node_name default null) → text}: the report over the smallest range of stored
 * snapshots that covers the time range (pg_profile's reports by time): the last snapshot taken
 * at or before {@code begin_ts} and the first at or after {@code end_ts}, or the last one when
 * none is that late. No snapshot at or before {@code begin_ts}, or the same snapshot at both
 * ends, is 22023 with a detail naming the stored times.
 */
public final class GenerateWdrReportByTimeFunction implements SqlFunction {

  private final Supplier<WdrService> service;

  public GenerateWdrReportByTimeFunction(Supplier<WdrService> service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "generate_wdr_report_by_time";
  }

  @Override
  public List<FunctionParam> params() {
    return List.of(FunctionParam.required("begin_ts", DataType.TIMESTAMPTZ),
        FunctionParam.required("end_ts", DataType.TIMESTAMPTZ),
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
    long begin = millis(a.get(0));
    long end = millis(a.get(1));
    WdrService s = service.get();
    return s.listSnapshots().compose(list -> {
      long[] ids = resolve(list, begin, end);
      return s.report(new ReportRequest(ids[0], ids[1], (String) a.get(2), (String) a.get(3),
          a.size() > 4 ? (String) a.get(4) : null, call.lcMessages()));
    }).map(rep -> rep.html());
  }

  /** {begin id, end id} for the time range, or 22023 naming the stored times. */
  static long[] resolve(List<SnapshotInfo> stored, long begin, long end) {
    if (end <= begin) {
      throw invalid("wdr.report_by_time.order", ts(begin), ts(end));
    }
    if (stored.isEmpty()) {
      throw invalid("wdr.report_by_time.none");
    }
    SnapshotInfo first = null;
    SnapshotInfo last = null;
    for (SnapshotInfo i : stored) {
      if (i.startMillis() <= begin && (first == null || i.startMillis() >= first.startMillis())) {
        first = i;
      }
      if (i.startMillis() >= end && (last == null || i.startMillis() < last.startMillis())) {
        last = i;
      }
    }
    SnapshotInfo oldest = stored.get(0);
    SnapshotInfo newest = stored.get(stored.size() - 1);
    if (first == null) {
      throw invalid("wdr.report_by_time.too_early", ts(begin), ts(oldest.startMillis()),
          String.valueOf(oldest.snapshotId()));
    }
    if (last == null) {
      last = newest;
    }
    if (last.snapshotId() <= first.snapshotId()) {
      throw invalid("wdr.report_by_time.one_snapshot", ts(begin), ts(end),
          String.valueOf(first.snapshotId()), ts(first.startMillis()));
    }
    return new long[] {first.snapshotId(), last.snapshotId()};
  }

  private static SnapsyncException invalid(String detail, Object... args) {
    return SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "wdr.report_by_time.invalid").withDetail(detail, args);
  }

  private static long millis(Object o) {
    if (o instanceof OffsetDateTime t) {
      return t.toInstant().toEpochMilli();
    }
    if (o instanceof Instant i) {
      return i.toEpochMilli();
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "wdr.report_by_time.invalid")
        .withDetail("wdr.report_by_time.type");
  }

  private static String ts(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
