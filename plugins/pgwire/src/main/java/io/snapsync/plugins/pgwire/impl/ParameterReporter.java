package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.types.PgStyle;
import io.snapsync.core.sql.types.TimeZones;
import io.snapsync.plugins.pgwire.impl.codec.ParameterStatus;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends ParameterStatus again when a reported parameter that sessions can change
 * ({@code application_name}, {@code default_transaction_read_only}, {@code TimeZone},
 * {@code DateStyle}, {@code IntervalStyle}) may have changed, before the next ReadyForQuery,
 * as PostgreSQL does; the text output of rows follows the reported TimeZone, DateStyle and
 * IntervalStyle. The other reported values describe the fixed wire presentation. Confined to the connection's event loop.
 */
final class ParameterReporter {

  static final List<String> TRACKED = List.of("application_name",
      "default_transaction_read_only", "TimeZone", "DateStyle", "IntervalStyle");

  private final Map<String, String> reported = new HashMap<>();
  private final Set<String> dirty = new LinkedHashSet<>();
  private String zoneName;
  private ZoneId zone = ZoneOffset.UTC;
  private String styleKey;
  private PgStyle style = PgStyle.DEFAULT;

  void reported(String name, String value) {
    reported.put(name, value);
  }

  /** The session's TimeZone as last reported (text output of timestamptz uses it). */
  ZoneId zone() {
    String tz = reported.get("TimeZone");
    if (tz == null) {
      return ZoneOffset.UTC;
    }
    if (!tz.equals(zoneName)) {
      ZoneId z = TimeZones.lookup(tz);
      zone = z == null ? ZoneOffset.UTC : z;
      zoneName = tz;
    }
    return zone;
  }

  /** The session's DateStyle and IntervalStyle as last reported. */
  PgStyle style() {
    String key = reported.get("DateStyle") + "|" + reported.get("IntervalStyle");
    if (!key.equals(styleKey)) {
      style = PgStyle.of(reported.get("DateStyle"), reported.get("IntervalStyle"));
      styleKey = key;
    }
    return style;
  }

  /** Notes a finished statement; SET / RESET of a tracked parameter marks it for a check. */
  void statementDone(String sql, String commandTag) {
    if (!commandTag.equals("SET") && !commandTag.equals("RESET")) {
      return;
    }
    String lower = sql.toLowerCase(Locale.ROOT);
    for (String name : TRACKED) {
      if (lower.contains(name.toLowerCase(Locale.ROOT)) || lower.contains("all")
          || name.equals("TimeZone") && lower.contains("time zone")) {
        dirty.add(name);
      }
    }
  }

  /** The ParameterStatus messages for parameters whose value changed (none on failure). */
  Future<List<ParameterStatus>> changes(Session session) {
    if (dirty.isEmpty() || session == null) {
      return Future.succeededFuture(List.of());
    }
    List<String> names = new ArrayList<>(dirty);
    dirty.clear();
    List<ParameterStatus> out = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String name : names) {
      chain = chain.compose(v -> session.execute("SHOW " + name, List.of()).map(r -> {
        if (!r.rows().isEmpty() && !r.rows().get(0).isEmpty()) {
          String value = String.valueOf(r.rows().get(0).get(0));
          if (!value.equals(reported.get(name))) {
            reported.put(name, value);
            out.add(new ParameterStatus(name, value));
          }
        }
        return null;
      }));
    }
    return chain.map(v -> out).otherwise(t -> out);
  }
}
