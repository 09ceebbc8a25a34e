package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.settings.PgNames;
import io.snapsync.core.sql.types.PgStyle;
import io.snapsync.core.sql.types.TimeZones;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The StartupMessage parameters turned into session options: {@code database},
 * {@code application_name}, {@code lc_messages} and every {@code -c name=value} /
 * {@code --name=value} of {@code options} (as libpq's PGOPTIONS sends them), and
 * {@code TimeZone}, {@code DateStyle} and {@code IntervalStyle} in any case (pgjdbc sends the
 * JVM's zone as {@code TimeZone}; libpq sends PGTZ and PGDATESTYLE as {@code timezone} and
 * {@code datestyle}). Parameters that only shape the wire presentation (client_encoding,
 * extra_float_digits) are answered by the server's fixed ParameterStatus values instead.
 */
final class StartupOptions {

  private StartupOptions() {
  }

  private static final List<String> NAMES = List.of("user", "database", "application_name");
  private static final List<String> STYLE_SETTINGS =
      List.of("TimeZone", "DateStyle", "IntervalStyle");

  /** {@code s} cut to PostgreSQL's 63-byte name limit ({@link PgNames#truncate}). */
  static String name(String s) {
    return PgNames.truncate(s);
  }

  /** The start-up parameters with every name value truncated by {@link #name}. */
  static Map<String, String> truncateNames(Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>(params);
    for (String k : NAMES) {
      out.computeIfPresent(k, (key, v) -> name(v));
    }
    return out;
  }

  static JsonObject sessionOptions(Map<String, String> params) {
    JsonObject o = new JsonObject();
    String user = params.get("user");
    o.put("database", params.getOrDefault("database", user));
    if (params.containsKey("application_name")) {
      o.put("application_name", params.get("application_name"));
    }
    if (params.containsKey("lc_messages")) {
      o.put("lc_messages", params.get("lc_messages"));
    }
    for (String setting : STYLE_SETTINGS) {
      String v = param(params, setting);
      if (v != null) {
        o.put(setting, v);
      }
    }
    commandLineSettings(params.get("options")).forEach((k, v) ->
        o.put(k, k.equals("application_name") ? name(v) : v));
    return o;
  }

  /** The start-up parameter {@code name} in any case, or null. */
  private static String param(Map<String, String> params, String name) {
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A setting the session starts with: {@code -c name=v} in options, else the parameter. */
  private static String startValue(Map<String, String> params, String name) {
    String v = commandLineSettings(params.get("options")).get(name.toLowerCase(Locale.ROOT));
    return v != null ? v : param(params, name);
  }

  /** The DateStyle the session starts with, as ParameterStatus reports it ({@code ISO, MDY}). */
  static String dateStyle(Map<String, String> params) {
    String v = startValue(params, "DateStyle");
    String canonical = v == null ? null : PgStyle.mergeDateStyle(null, v);
    return canonical == null ? PgStyle.DEFAULT.dateStyleText() : canonical;
  }

  /** The IntervalStyle the session starts with ({@code postgres}). */
  static String intervalStyle(Map<String, String> params) {
    String v = startValue(params, "IntervalStyle");
    return PgStyle.of(null, v).intervals().shown();
  }

  /** The TimeZone the session starts with, as ParameterStatus reports it. */
  static String timeZone(Map<String, String> params) {
    String tz = startValue(params, "TimeZone");
    if (tz == null || tz.trim().equalsIgnoreCase("utc") || tz.trim().equalsIgnoreCase("gmt")) {
      return "UTC";
    }
    String canonical = TimeZones.canonicalName(tz);
    return canonical == null ? tz : canonical;
  }

  /** Settings from a backend command line like {@code -c lc_messages=zh_CN --x=y}. */
  static Map<String, String> commandLineSettings(String options) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (options == null || options.isBlank()) {
      return settings;
    }
    String[] tokens = options.trim().split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      String setting = null;
      if (t.equals("-c") && i + 1 < tokens.length) {
        setting = tokens[++i];
      } else if (t.startsWith("-c")) {
        setting = t.substring(2);
      } else if (t.startsWith("--")) {
        setting = t.substring(2);
      }
      if (setting != null && setting.indexOf('=') > 0) {
        int eq = setting.indexOf('=');
        settings.put(setting.substring(0, eq).replace('-', '_').toLowerCase(Locale.ROOT),
            setting.substring(eq + 1));
      }
    }
    return settings;
  }
}
