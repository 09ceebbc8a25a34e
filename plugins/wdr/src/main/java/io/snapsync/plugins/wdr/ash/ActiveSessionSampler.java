package io.snapsync.plugins.wdr.ash;

import io.snapsync.core.session.Column;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SystemTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Active session history of this node (like Oracle's ASH): every
 * {@code wdr_ash_sample_interval} seconds the sessions that {@code pg_stat_activity} shows as
 * {@code active}, with user, statement and wait event. Kept in memory as a ring of the last
 * {@value #RING_ROWS} sampled rows, a per-round series for live charts (last
 * {@value #SERIES_POINTS} rounds) and cumulative sample counts per wait event and per statement
 * (since the node started), so a report over any range of WDR snapshots takes their
 * differences like every other counter. An active session that waits on nothing is counted as
 * {@code CPU}. Thread-safe.
 */
public final class ActiveSessionSampler {

  /** Sampled rows kept for the next WDR snapshot. */
  public static final int RING_ROWS = 10_000;
  /** Rounds kept for the live chart (an hour at one per second). */
  public static final int SERIES_POINTS = 3600;
  /** Statements counted individually; the rest are counted under {@code (other)}. */
  static final int MAX_QUERIES = 1000;
  /** Longest statement text kept per sample. */
  static final int QUERY_CHARS = 1024;

  private final ExtensionContext services;
  private final Clock clock;
  private final LongSupplier intervalSeconds;
  private final ArrayDeque<JsonObject> ring = new ArrayDeque<>();
  private final ArrayDeque<JsonObject> series = new ArrayDeque<>();
  private final Map<String, Long> byEvent = new TreeMap<>();
  private final Map<String, Map<String, Long>> byQuery = new HashMap<>();
  private long rounds;
  private long seq;
  private long flushedSeq;
  private long dropped;
  private long timer = -1;
  private boolean stopped;

  public ActiveSessionSampler(ExtensionContext services, Clock clock, LongSupplier intervalSeconds) {
    this.services = services;
    this.clock = clock;
    this.intervalSeconds = intervalSeconds;
  }

  /** Samples on a timer of the current interval (re-read each round; 0 pauses sampling). */
  public synchronized void start() {
    stopped = false;
    schedule();
  }

  private synchronized void schedule() {
    if (stopped) {
      return;
    }
    long s = intervalSeconds.getAsLong();
    Vertx vertx = services.vertx();
    timer = vertx.setTimer(s <= 0 ? 1000 : s * 1000, id -> {
      Future<Void> f = intervalSeconds.getAsLong() <= 0 ? Future.succeededFuture() : sample();
      f.onComplete(ar -> schedule());
    });
  }

  public synchronized void stop() {
    stopped = true;
    if (timer >= 0) {
      services.vertx().cancelTimer(timer);
    }
  }

  /** One sampling round now. Nodes without sessions record empty rounds. */
  public Future<Void> sample() {
    Optional<SystemTable> t = services.systemTables().find("pg_stat_activity");
    long now = clock.millis();
    if (t.isEmpty()) {
      record(now, List.of(), List.of());
      return Future.succeededFuture();
    }
    List<Column> cols = t.get().columns();
    return t.get().rows(services.callAs("snapsync", "en"))
        .map(rows -> {
          record(now, cols, rows);
          return null;
        });
  }

  private synchronized void record(long now, List<Column> cols, List<List<Object>> rows) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      at.put(cols.get(i).name(), i);
    }
    rounds++;
    Map<String, Long> round = new TreeMap<>();
    for (List<Object> r : rows) {
      if (!"active".equals(get(r, at, "state"))) {
        continue;
      }
      String type = get(r, at, "wait_event_type");
      String event = get(r, at, "wait_event");
      String waitClass = type == null ? "CPU" : type;
      String key = type == null ? "CPU" : type + ":" + event;
      String query = get(r, at, "query");
      if (query != null && query.length() > QUERY_CHARS) {
        query = query.substring(0, QUERY_CHARS);
      }
      byEvent.merge(key, 1L, Long::sum);
      round.merge(waitClass, 1L, Long::sum);
      String q = query == null ? "" : query;
      if (!byQuery.containsKey(q) && byQuery.size() >= MAX_QUERIES) {
        q = "(other)";
      }
      byQuery.computeIfAbsent(q, x -> new TreeMap<>()).merge(key, 1L, Long::sum);
      if (ring.size() >= RING_ROWS) {
        if (ring.removeFirst().getLong("seq") > flushedSeq) {
          dropped++;
        }
      }
      ring.addLast(new JsonObject().put("seq", ++seq).put("t", now)
          .put("session_id", get(r, at, "session_id")).put("user", get(r, at, "usename"))
          .put("state", "active").put("wait_class", waitClass)
          .put("wait_event", type == null ? null : event).put("query", query));
    }
    if (series.size() >= SERIES_POINTS) {
      series.removeFirst();
    }
    JsonObject point = new JsonObject().put("t", now);
    round.forEach(point::put);
    series.addLast(point);
  }

  private static String get(List<Object> row, Map<String, Integer> at, String col) {
    Integer i = at.get(col);
    Object v = i == null || i >= row.size() ? null : row.get(i);
    return v == null ? null : String.valueOf(v);
  }

  /**
   * The collector's view: interval, rounds and cumulative counts by event and statement, and
   * the rows sampled since the previous call ({@code rows}; {@code rows_dropped} counts rows
   * the ring lost since then).
   */
  public synchronized JsonObject flush() {
    JsonObject events = new JsonObject();
    byEvent.forEach(events::put);
    JsonArray queries = new JsonArray();
    byQuery.forEach((q, m) -> {
      JsonObject e = new JsonObject();
      long total = 0;
      for (Map.Entry<String, Long> x : m.entrySet()) {
        e.put(x.getKey(), x.getValue());
        total += x.getValue();
      }
      queries.add(new JsonObject().put("query", q).put("samples", total).put("by_event", e));
    });
    JsonArray rows = new JsonArray();
    for (JsonObject r : ring) {
      if (r.getLong("seq") > flushedSeq) {
        rows.add(r.copy());
      }
    }
    flushedSeq = seq;
    JsonObject out = new JsonObject().put("interval_s", intervalSeconds.getAsLong())
        .put("rounds", rounds).put("by_event", events).put("by_query", queries)
        .put("rows", rows).put("rows_dropped", dropped);
    dropped = 0;
    return out;
  }

  /**
   * The live series: per round {@code {t, <wait class>: active sessions}} for rounds after
   * {@code sinceMillis}.
   */
  public synchronized JsonArray series(long sinceMillis) {
    JsonArray out = new JsonArray();
    for (JsonObject p : series) {
      if (p.getLong("t") > sinceMillis) {
        out.add(p.copy());
      }
    }
    return out;
  }
}
