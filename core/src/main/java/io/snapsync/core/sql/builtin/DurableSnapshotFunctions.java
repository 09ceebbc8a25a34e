package io.snapsync.core.sql.builtin;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.core.txn.DurableSnapshots;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The durable-snapshot functions: {@code snapsync_export_snapshot(lease interval) → text},
 * {@code snapsync_renew_snapshot(id text, lease interval) → timestamptz},
 * {@code snapsync_release_snapshot(id text) → boolean}, and
 * {@code snapsync_snapshot_at(moment timestamptz, lease interval) → text} (a durable snapshot
 * of the state committed at a past moment, inside {@code snapshot_history_retention}).
 * Strict: a NULL argument gives NULL; a lease given as an untyped literal ({@code '1 hour'})
 * is read as interval text, a moment as timestamptz text.
 */
public final class DurableSnapshotFunctions {

  private DurableSnapshotFunctions() {
  }

  public static void registerAll(FunctionRegistry r) {
    add(r, fn("snapsync_export_snapshot", List.of(FunctionParam.required("lease",
        DataType.INTERVAL)), DataType.TEXT, c -> {
          TransactionBlock t = txn(c);
          long txid = t.storeTxn().txid();
          return durable(c).export(t.snapshot(), txid, c.user(), c.node().name(),
              t.isolation(), t.readOnly(), lease(c.args().get(0)));
        }));
    add(r, fn("snapsync_snapshot_at", List.of(FunctionParam.required("moment",
        DataType.TIMESTAMPTZ), FunctionParam.required("lease", DataType.INTERVAL)), DataType.TEXT,
        c -> durable(c).exportAt(moment(c.args().get(0)), c.user(), c.node().name(),
            lease(c.args().get(1)))));
    add(r, fn("snapsync_renew_snapshot", List.of(FunctionParam.required("id", DataType.TEXT),
        FunctionParam.required("lease", DataType.INTERVAL)), DataType.TIMESTAMPTZ,
        c -> durable(c).renew((String) c.args().get(0), lease(c.args().get(1)), c.user(),
            c.hasRole(Roles.SYSADMIN)).atOffset(ZoneOffset.UTC)));
    add(r, fn("snapsync_release_snapshot", List.of(FunctionParam.required("id", DataType.TEXT)),
        DataType.BOOL, c -> durable(c).release((String) c.args().get(0), c.user(),
            c.hasRole(Roles.SYSADMIN))));
  }

  private static Interval lease(Object v) {
    if (v instanceof Interval i) {
      return i;
    }
    if (v instanceof String s) {
      return (Interval) PgValues.fromText(s, DataType.INTERVAL, -1, ZoneOffset.UTC);
    }
    throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "durable.lease_type",
        String.valueOf(v));
  }

  /** Epoch millis of a timestamptz argument (microseconds below a millisecond dropped). */
  private static long moment(Object v) {
    Object t = v instanceof String s ? PgValues.fromText(s, DataType.TIMESTAMPTZ, -1,
        ZoneOffset.UTC) : v;
    if (t instanceof OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "durable.moment_type",
        String.valueOf(v));
  }

  private static DurableSnapshots durable(FunctionCall c) {
    return txn(c).registry().durable();
  }

  private static TransactionBlock txn(FunctionCall c) {
    return ((SessionContext) c.sessionInternals()).txn();
  }

  private static void add(FunctionRegistry r, SqlFunction f) {
    if (r.find(f.name()).isEmpty()) {
      r.add(f);
    }
  }

  /** A strict function (the registry answers NULL for a NULL argument, as PostgreSQL does). */
  private static SqlFunction fn(String name, List<FunctionParam> params, DataType type,
      Function<FunctionCall, Object> body) {
    return SqlFunction.of(name, params, type, true,
        call -> Future.succeededFuture(body.apply(call)));
  }
}
