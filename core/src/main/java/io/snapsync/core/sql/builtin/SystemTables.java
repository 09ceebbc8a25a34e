package io.snapsync.core.sql.builtin;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.txn.DurableSnapshot;
import io.snapsync.core.txn.ExportedSnapshot;
import io.snapsync.core.txn.SnapshotCosts;
import io.snapsync.storage.PreparedTransaction;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * System tables of the database: {@code snapshot_log}, {@code pg_exported_snapshots} (kind
 * {@code transaction}, {@code durable} or {@code past moment}; {@code lease_end} null for
 * transaction exports; what each keeps from reclaim: {@code held_versions},
 * {@code held_bytes}, {@code oldest_state_age}, see {@link SnapshotCosts};
 * {@code node} is the data node holding the snapshot, {@code coordinator} the node the
 * exporting session's user connected to, null for durable snapshots),
 * {@code pg_prepared_xacts}.
 */
public final class SystemTables {

  private SystemTables() {
  }

  public static void registerAll(Database db, SystemTableRegistry r) {
    add(r, table(db, "snapshot_log", cols("seq", DataType.INT8, "event", DataType.TEXT,
        "id", DataType.TEXT, "txid", DataType.INT8, "user_name", DataType.TEXT,
        "node", DataType.TEXT, "isolation", DataType.TEXT, "read_only", DataType.BOOL,
        "at", DataType.TIMESTAMPTZ, "session_id", DataType.TEXT, "coordinator", DataType.TEXT),
        call -> {
          List<List<Object>> rows = new ArrayList<>();
          for (JsonObject j : db.snapshotLog().entries()) {
            if (!SnapshotVisibility.sees(call, j.getString("user"))) {
              continue;
            }
            rows.add(Arrays.asList(j.getLong("seq"), j.getString("event"), j.getString("id"),
                j.getLong("txid"), j.getString("user"), j.getString("node"),
                j.getString("isolation"), j.getBoolean("read_only"),
                OffsetDateTime.parse(j.getString("at").replace("Z", "+00:00")
                    .replace("+00:00+00:00", "+00:00")), j.getString("session"),
                j.getString("coordinator")));
          }
          return rows;
        }));
    add(r, table(db, "pg_exported_snapshots", cols("id", DataType.TEXT, "txid", DataType.INT8,
        "session_id", DataType.TEXT, "user_name", DataType.TEXT, "node", DataType.TEXT,
        "isolation", DataType.TEXT, "read_only", DataType.BOOL, "database", DataType.TEXT,
        "commit_seq", DataType.INT8, "exported_at", DataType.TIMESTAMPTZ,
        "kind", DataType.TEXT, "lease_end", DataType.TIMESTAMPTZ,
        "coordinator", DataType.TEXT, "importers", DataType.INT8, "held_versions", DataType.INT8,
        "held_bytes", DataType.INT8, "oldest_state_age", DataType.INTERVAL,
        "moment", DataType.TIMESTAMPTZ), call -> {
          Map<String, SnapshotCosts.Cost> costs = SnapshotCosts.of(db.snapshots(),
              db.durableSnapshots(), db.snapshotLog(), db.store(),
              db.services().clock().millis());
          List<List<Object>> rows = new ArrayList<>();
          for (ExportedSnapshot s : db.snapshots().exported()) {
            if (!SnapshotVisibility.sees(call, s.user())) {
              continue;
            }
            List<Object> row = new ArrayList<>(Arrays.asList(s.id(), s.exporterTxid(),
                s.sessionId(), s.user(), s.node(), s.isolation().text(), s.readOnly(),
                s.database(), s.snapshot().commitSeq(), time(s.exportedAtMillis()),
                "transaction", null, s.coordinator()));
            rows.add(withCost(row, costs.get(s.id()), null));
          }
          for (DurableSnapshot d : db.durableSnapshots().live()) {
            if (!SnapshotVisibility.sees(call, d.owner())) {
              continue;
            }
            List<Object> row = new ArrayList<>(Arrays.asList(d.id(), d.exporterTxid(), null,
                d.owner(), d.node(), d.isolation().text(), d.readOnly(), d.database(),
                d.snapshot().commitSeq(), time(d.createdAtMillis()), d.kind(),
                time(d.leaseEndMillis()), null));
            rows.add(withCost(row, costs.get(d.id()), d.momentMillis()));
          }
          return rows;
        }));
    add(r, table(db, "pg_prepared_xacts", cols("transaction", DataType.INT8, "gid", DataType.TEXT,
        "prepared", DataType.TIMESTAMPTZ, "owner", DataType.TEXT, "database", DataType.TEXT),
        () -> {
          List<List<Object>> rows = new ArrayList<>();
          for (PreparedTransaction p : db.store().preparedTransactions()) {
            rows.add(Arrays.asList(p.txid(), p.gid(), time(p.preparedAtMillis()), p.owner(),
                "snapsync"));
          }
          return rows;
        }));
  }

  /** Appends the cost columns (null when the snapshot ended between the two reads). */
  private static List<Object> withCost(List<Object> row, SnapshotCosts.Cost c, Long moment) {
    if (c == null) {
      row.addAll(Arrays.asList(null, null, null, null, null));
      return row;
    }
    long age = c.oldestStateAgeMillis();
    row.addAll(Arrays.asList(c.importers(), c.holdback().versions(), c.holdback().bytes(),
        new Interval(0, (int) (age / 86_400_000L), (age % 86_400_000L) * 1000L),
        moment == null ? null : time(moment)));
    return row;
  }

  static OffsetDateTime time(long millis) {
    return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
  }

  private static void add(SystemTableRegistry r, SystemTable t) {
    if (r.find(t.name()).isEmpty()) {
      r.add(t);
    }
  }

  private static List<Column> cols(Object... nameType) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      out.add(new Column((String) nameType[i], (DataType) nameType[i + 1]));
    }
    return out;
  }

  private static SystemTable table(Database db, String name, List<Column> columns,
      Callable<List<List<Object>>> rows) {
    return SystemTable.of(name, columns, call -> db.blocking(rows));
  }

  private static SystemTable table(Database db, String name, List<Column> columns,
      java.util.function.Function<FunctionCall, List<List<Object>>> rows) {
    return SystemTable.of(name, columns, call -> db.blocking(() -> rows.apply(call)));
  }
}
