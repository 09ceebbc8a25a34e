package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.Repository;
import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The WDR repository as SQL: {@code snapshot} (headers), {@code wdr_snapshot_requests}
 * (request outcomes), {@code wdr_baselines} and per-category tables {@code wdr_snap_instance},
 * {@code wdr_snap_statements} (top {@value #STATEMENTS_PER_SNAPSHOT} by total time),
 * {@code wdr_snap_waits}, {@code wdr_snap_errors}, {@code wdr_snap_active_sessions} (the
 * active session samples each snapshot flushed),
 * {@code wdr_snap_settings} and {@code wdr_snap_metrics} (every numeric value of every
 * category, nested keys joined with dots, so extension collectors are visible too).
 */
public final class WdrTables {

  /**
   * Rows of {@code wdr_snap_statements} per node and snapshot: the statements with the most
   * total time (the table has no predicate push-down; reports use the full lists).
   */
  static final int STATEMENTS_PER_SNAPSHOT = 500;

  private final Supplier<Repository> repository;
  private final MessageCatalog catalog;

  public WdrTables(Supplier<Repository> repository, MessageCatalog catalog) {
    this.repository = repository;
    this.catalog = catalog;
  }

  /** Builds a row from one node's category data. */
  private interface RowMaker {
    void rows(long snapshotId, String node, JsonObject categories, List<List<Object>> out);
  }

  public List<SystemTable> tables() {
    return List.of(
        table("snapshot", cols("snapshot_id", DataType.INT8, "start_ts", DataType.TIMESTAMPTZ,
            "end_ts", DataType.TIMESTAMPTZ, "trigger", DataType.TEXT, "nodes", DataType.TEXT,
            "failures", DataType.TEXT), () -> repository.get().list().map(l -> {
              List<List<Object>> out = new ArrayList<>();
              for (SnapshotInfo s : l) {
                out.add(Arrays.asList(s.snapshotId(), ts(s.startMillis()), ts(s.endMillis()),
                    s.trigger(), String.join(",", s.nodes()),
                    s.failures().isEmpty() ? null : s.failures().encode()));
              }
              return out;
            })),
        table("wdr_snapshot_requests", cols("request_id", DataType.INT8, "requested_at",
            DataType.TIMESTAMPTZ, "requested_by", DataType.TEXT, "node_name", DataType.TEXT,
            "outcome", DataType.TEXT, "reason", DataType.TEXT, "snapshot_id", DataType.INT8),
            call -> repository.get().requests().map(l -> {
              List<List<Object>> out = new ArrayList<>();
              for (RequestOutcome r : l) {
                out.add(Arrays.asList(r.requestId(), ts(r.requestedAtMillis()), r.requestedBy(),
                    r.node(), r.outcome().sqlName(),
                    r.reason() == null ? null : catalog.render(call.lcMessages(), r.reason()),
                    r.snapshotId() == 0 ? null : r.snapshotId()));
              }
              return out;
            })),
        table("wdr_baselines", cols("name", DataType.TEXT, "begin_snap_id", DataType.INT8,
            "end_snap_id", DataType.INT8), () -> repository.get().baselines().map(m -> {
              List<List<Object>> out = new ArrayList<>();
              m.values().forEach(b -> out.add(Arrays.asList(b.getString("name"),
                  b.getLong("begin"), b.getLong("end"))));
              return out;
            })),
        perNode("wdr_snap_instance", cols("role", DataType.TEXT, "start_ts", DataType.TIMESTAMPTZ,
            "reset_ts", DataType.TIMESTAMPTZ, "uptime_s", DataType.INT8), (id, n, c, out) -> {
              JsonObject i = c.getJsonObject("instance");
              if (i != null) {
                out.add(Arrays.asList(id, n, i.getString("role"), ts(i.getLong("start_ms")),
                    ts(i.getLong("reset_ms")), i.getLong("uptime_s")));
              }
            }),
        perNode("wdr_snap_statements", cols("query", DataType.TEXT, "kind", DataType.TEXT,
            "calls", DataType.INT8, "total_ms", DataType.FLOAT8, "mean_ms", DataType.FLOAT8,
            "max_ms", DataType.FLOAT8, "rows", DataType.INT8), (id, n, c, out) -> {
              JsonObject s = c.getJsonObject("statements", new JsonObject());
              List<JsonObject> items = new ArrayList<>();
              s.getJsonArray("items", new JsonArray()).forEach(o -> items.add((JsonObject) o));
              items.sort((x, y) -> Long.compare(y.getLong("total_ns", 0L),
                  x.getLong("total_ns", 0L)));
              for (JsonObject st : items.subList(0, Math.min(STATEMENTS_PER_SNAPSHOT,
                  items.size()))) {
                long calls = st.getLong("calls", 0L);
                long total = st.getLong("total_ns", 0L);
                out.add(Arrays.asList(id, n, st.getString("query"), st.getString("kind"), calls,
                    total / 1e6, calls == 0 ? 0.0 : total / 1e6 / calls,
                    st.getLong("max_ns", 0L) / 1e6, st.getLong("rows", 0L)));
              }
            }),
        perNode("wdr_snap_waits", cols("event", DataType.TEXT, "waits", DataType.INT8,
            "total_ms", DataType.FLOAT8), (id, n, c, out) -> {
              JsonObject w = c.getJsonObject("waits", new JsonObject());
              for (String ev : w.fieldNames()) {
                if (w.getValue(ev) instanceof JsonObject e) {
                  out.add(Arrays.asList(id, n, ev, e.getLong("count", 0L),
                      e.getLong("total_ns", 0L) / 1e6));
                }
              }
            }),
        perNode("wdr_snap_errors", cols("sqlstate", DataType.TEXT, "count", DataType.INT8),
            (id, n, c, out) -> {
              JsonObject e = c.getJsonObject("errors", new JsonObject());
              for (String st : e.fieldNames()) {
                if (e.getValue(st) instanceof Number v) {
                  out.add(Arrays.asList(id, n, st, v.longValue()));
                }
              }
            }),
        perNode("wdr_snap_settings", cols("name", DataType.TEXT, "value", DataType.TEXT),
            (id, n, c, out) -> {
              JsonObject s = c.getJsonObject("settings", new JsonObject());
              for (String k : s.fieldNames()) {
                out.add(Arrays.asList(id, n, k, String.valueOf(s.getValue(k))));
              }
            }),
        perNode("wdr_snap_active_sessions", cols("sample_ts", DataType.TIMESTAMPTZ,
            "session_id", DataType.TEXT, "user_name", DataType.TEXT, "state", DataType.TEXT,
            "wait_class", DataType.TEXT, "wait_event", DataType.TEXT, "query", DataType.TEXT),
            (id, n, c, out) -> {
              JsonObject a = c.getJsonObject("active_sessions", new JsonObject());
              for (Object o : a.getJsonArray("rows", new JsonArray())) {
                JsonObject r = (JsonObject) o;
                out.add(Arrays.asList(id, n, ts(r.getLong("t")), r.getString("session_id"),
                    r.getString("user"), r.getString("state"), r.getString("wait_class"),
                    r.getString("wait_event"), r.getString("query")));
              }
            }),
        perNode("wdr_snap_tables", cols("schemaname", DataType.TEXT, "relname", DataType.TEXT,
            "seq_scan", DataType.INT8, "seq_tup_read", DataType.INT8, "idx_scan", DataType.INT8,
            "idx_tup_fetch", DataType.INT8, "n_tup_ins", DataType.INT8, "n_tup_upd",
            DataType.INT8, "n_tup_del", DataType.INT8, "n_live_tup", DataType.INT8,
            "n_dead_tup", DataType.INT8, "stored_bytes", DataType.INT8), (id, n, c, out) -> {
              JsonObject o = c.getJsonObject("objects", new JsonObject());
              for (Object x : o.getJsonArray("tables", new JsonArray())) {
                JsonObject r = (JsonObject) x;
                out.add(Arrays.asList(id, n, r.getString("schemaname"), r.getString("relname"),
                    r.getLong("seq_scan"), r.getLong("seq_tup_read"), r.getLong("idx_scan"),
                    r.getLong("idx_tup_fetch"), r.getLong("n_tup_ins"), r.getLong("n_tup_upd"),
                    r.getLong("n_tup_del"), r.getLong("n_live_tup"), r.getLong("n_dead_tup"),
                    r.getLong("stored_bytes")));
              }
            }),
        perNode("wdr_snap_metrics", cols("category", DataType.TEXT, "metric", DataType.TEXT,
            "value", DataType.FLOAT8), (id, n, c, out) -> {
              for (String cat : c.fieldNames()) {
                if (!cat.equals("statements") && !cat.equals("active_sessions")
                    && c.getValue(cat) instanceof JsonObject j) {
                  flatten(id, n, cat, "", j, out);
                }
              }
            }));
  }

  private static void flatten(long id, String node, String cat, String prefix, JsonObject j,
      List<List<Object>> out) {
    for (String k : j.fieldNames()) {
      Object v = j.getValue(k);
      if (v instanceof Number x) {
        out.add(Arrays.asList(id, node, cat, prefix + k, x.doubleValue()));
      } else if (v instanceof JsonObject o) {
        flatten(id, node, cat, prefix + k + ".", o, out);
      }
    }
  }

  private SystemTable perNode(String name, List<Column> extra, RowMaker maker) {
    List<Column> all = new ArrayList<>(cols("snapshot_id", DataType.INT8, "node_name",
        DataType.TEXT));
    all.addAll(extra);
    return table(name, all, () -> repository.get().list().compose(l -> {
      List<Future<Map<String, JsonObject>>> reads = new ArrayList<>();
      for (SnapshotInfo s : l) {
        reads.add(repository.get().data(s.snapshotId()));
      }
      return Future.all(reads).map(x -> {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
          Map<String, JsonObject> data = x.resultAt(i);
          long id = l.get(i).snapshotId();
          data.forEach((node, d) -> maker.rows(id, node,
              d.getJsonObject("categories", new JsonObject()), out));
        }
        return out;
      });
    }));
  }

  private static List<Column> cols(Object... nameType) {
    List<Column> c = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      c.add(new Column((String) nameType[i], (DataType) nameType[i + 1]));
    }
    return c;
  }

  private static SystemTable table(String name, List<Column> columns,
      Supplier<Future<List<List<Object>>>> rows) {
    return table(name, columns, (java.util.function.Function<FunctionCall,
        Future<List<List<Object>>>>) call -> rows.get());
  }

  /**
   * A WDR table: like the report, only for SYSADMIN and MONADMIN; anyone else gets 42501
   * {@code permission denied for table <name>} (issue 18).
   */
  private static SystemTable table(String name, List<Column> columns,
      java.util.function.Function<FunctionCall, Future<List<List<Object>>>> rows) {
    return SystemTable.of(name, columns, call -> {
      if (!call.hasRole(Roles.SYSADMIN) && !call.hasRole(Roles.MONADMIN)) {
        return Future.failedFuture(SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
            "privileges.denied_table", name));
      }
      return rows.apply(call);
    });
  }

  static OffsetDateTime ts(Long millis) {
    return millis == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis),
        ZoneOffset.UTC);
  }
}
