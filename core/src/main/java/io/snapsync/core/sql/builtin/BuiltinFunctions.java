package io.snapsync.core.sql.builtin;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.FunctionRegistry;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * The database's built-in SQL functions: pg_export_snapshot, pg_current_snapshot,
 * pg_snapshot_xmin, pg_snapshot_xmax, txid_current, version, current_setting (with optional
 * missing_ok), current_database, now. Those with parameters are STRICT as in PostgreSQL.
 *
 * <p>Snapshot text ({@code pg_current_snapshot}): {@code xmin:xmax:xip} in PostgreSQL's shape,
 * counted in commit sequence numbers rather than transaction ids, because visibility here is
 * by commit order: every commit with sequence {@code < xmax} is visible and none after it, so
 * {@code xmin == xmax == commitSeq + 1} and the in-progress list is always empty.
 */
public final class BuiltinFunctions {

  /** What {@code version()} answers. */
  public static final String VERSION =
      "PostgreSQL 15.0 (snapsync 0.1.0) on Java " + Runtime.version().feature();

  private BuiltinFunctions() {
  }

  public static void registerAll(FunctionRegistry r, java.time.Clock clock) {
    add(r, fn("pg_export_snapshot", List.of(), DataType.TEXT,
        c -> txn(c).exportSnapshot()));
    add(r, fn("pg_current_snapshot", List.of(), DataType.TEXT, c -> {
      long seq = txn(c).snapshot().commitSeq() + 1;
      return seq + ":" + seq + ":";
    }));
    add(r, strict("pg_snapshot_xmin", List.of(FunctionParam.required("snapshot", DataType.TEXT)),
        DataType.INT8, c -> part(c, 0)));
    add(r, strict("pg_snapshot_xmax", List.of(FunctionParam.required("snapshot", DataType.TEXT)),
        DataType.INT8, c -> part(c, 1)));
    add(r, fn("txid_current", List.of(), DataType.INT8, c -> txn(c).storeTxn().txid()));
    add(r, fn("version", List.of(), DataType.TEXT, c -> VERSION));
    add(r, fn("current_database", List.of(), DataType.TEXT, c -> "snapsync"));
    add(r, strict("current_setting", List.of(FunctionParam.required("setting_name", DataType.TEXT),
        FunctionParam.optional("missing_ok", DataType.BOOL, false)), DataType.TEXT, c -> {
          try {
            return c.setting((String) c.args().get(0));
          } catch (SnapsyncException e) {
            if (Boolean.TRUE.equals(c.args().get(1))
                && SqlState.UNDEFINED_OBJECT.equals(e.sqlState())) {
              return null;
            }
            throw e;
          }
        }));
    add(r, fn("now", List.of(), DataType.TIMESTAMPTZ,
        c -> java.time.Instant.ofEpochMilli(clock.millis()).atOffset(java.time.ZoneOffset.UTC)));
  }

  private static void add(FunctionRegistry r, SqlFunction f) {
    if (r.find(f.name()).isEmpty()) {
      r.add(f);
    }
  }

  private static Object part(FunctionCall c, int i) {
    String s = (String) c.args().get(0);
    if (s == null) {
      return null;
    }
    String[] p = s.split(":", -1);
    try {
      return Long.parseLong(p[i].trim());
    } catch (RuntimeException e) {
      throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION, "sql.invalid_input",
          "pg_snapshot", s);
    }
  }

  private static TransactionBlock txn(FunctionCall c) {
    return ((SessionContext) c.sessionInternals()).txn();
  }

  /** A STRICT function: NULL in, NULL out, as these are in PostgreSQL. */
  private static SqlFunction strict(String name, List<FunctionParam> params, DataType type,
      Function<FunctionCall, Object> body) {
    return SqlFunction.of(name, params, type, true,
        call -> Future.succeededFuture(body.apply(call)));
  }

  private static SqlFunction fn(String name, List<FunctionParam> params, DataType type,
      Function<FunctionCall, Object> body) {
    return SqlFunction.of(name, params, type,
        call -> Future.succeededFuture(body.apply(call)));
  }
}
