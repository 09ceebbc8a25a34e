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
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * The durable-snapshot functions: {@code snapsync_export_snapshot(lease interval) → text},
 * {@code snapsync_renew_snapshot(id text, lease interval) → timestamptz} and
 * {@code snapsync_release_snapshot(id text) → boolean}. Strict: a NULL argument gives NULL;
 * a lease given as an untyped literal ({@code '1 hour'}) is read as interval text.
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
