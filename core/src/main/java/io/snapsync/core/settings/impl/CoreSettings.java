package io.snapsync.core.settings.impl;

import static io.snapsync.core.settings.SettingDefinition.Level.NODE;
import static io.snapsync.core.settings.SettingDefinition.Level.SESSION;

import io.snapsync.core.settings.PgNames;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.sql.types.TimeZones;
import java.util.List;
import java.util.Locale;

/** The settings the core defines, with the PostgreSQL-compatible ones clients expect. */
public final class CoreSettings {

  public static final String SERVER_VERSION = "15.0 (snapsync 0.1.0)";
  public static final int INT_MAX = Integer.MAX_VALUE;

  private CoreSettings() {
  }

  /** Registers every core setting, its validators and read-only marks. */
  public static void registerAll(SettingsRegistryImpl r) {
    r.register(SettingDefinition.string("lc_messages", SESSION, "en_US.UTF-8",
        "settings.desc.lc_messages"));
    r.validator("lc_messages", CoreSettings::lcMessages, "en_US.UTF-8, zh_CN.UTF-8, C, POSIX");
    r.register(SettingDefinition.string("application_name", SESSION, "",
        "settings.desc.application_name"));
    r.validator("application_name", PgNames::truncate, "at most 63 bytes");
    r.register(SettingDefinition.string("client_encoding", SESSION, "UTF8",
        "settings.desc.client_encoding"));
    r.validator("client_encoding", CoreSettings::utf8, "UTF8");
    r.register(SettingDefinition.string("DateStyle", SESSION, "ISO, MDY",
        "settings.desc.datestyle"));
    r.validator("DateStyle", CoreSettings::dateStyle, "ISO, SQL, Postgres, German; YMD, DMY, MDY");
    r.relative("DateStyle", io.snapsync.core.sql.types.PgStyle::mergeDateStyle);
    r.register(SettingDefinition.string("TimeZone", SESSION, "UTC", "settings.desc.timezone"));
    r.validator("TimeZone", CoreSettings::timeZone, "UTC, Europe/Paris, Asia/Shanghai, ...");
    r.register(SettingDefinition.integer("extra_float_digits", SESSION, 1, -15, 3, "",
        "settings.desc.extra_float_digits"));
    r.register(SettingDefinition.bool("standard_conforming_strings", SESSION, true,
        "settings.desc.standard_conforming_strings"));
    r.register(SettingDefinition.bool("integer_datetimes", NODE, true,
        "settings.desc.integer_datetimes"));
    r.readOnly("integer_datetimes");
    r.register(SettingDefinition.string("server_version", NODE, SERVER_VERSION,
        "settings.desc.server_version"));
    r.readOnly("server_version");
    r.register(SettingDefinition.integer("server_version_num", NODE, 150000, 150000, 150000, "",
        "settings.desc.server_version_num"));
    r.readOnly("server_version_num");
    r.register(SettingDefinition.string("server_encoding", NODE, "UTF8",
        "settings.desc.server_encoding"));
    r.readOnly("server_encoding");
    r.register(SettingDefinition.enumeration("default_transaction_isolation", SESSION,
        "read committed",
        List.of("serializable", "repeatable read", "read committed", "read uncommitted"),
        "settings.desc.default_transaction_isolation"));
    r.register(SettingDefinition.bool("default_transaction_read_only", SESSION, false,
        "settings.desc.default_transaction_read_only"));
    r.register(SettingDefinition.bool("default_transaction_deferrable", SESSION, false,
        "settings.desc.default_transaction_deferrable"));
    r.register(SettingDefinition.integer("statement_timeout", SESSION, 0, 0, INT_MAX, "ms",
        "settings.desc.statement_timeout"));
    r.register(SettingDefinition.integer("lock_timeout", SESSION, 0, 0, INT_MAX, "ms",
        "settings.desc.lock_timeout"));
    r.register(SettingDefinition.integer("idle_session_timeout", SESSION, 0, 0, INT_MAX, "ms",
        "settings.desc.idle_session_timeout"));
    r.register(SettingDefinition.integer("eventbus_session_idle_timeout", NODE, 600_000, 0,
        INT_MAX, "ms", "settings.desc.eventbus_session_idle_timeout"));
    r.register(SettingDefinition.bool("synchronous_commit", NODE, true,
        "settings.desc.synchronous_commit"));
  }

  /** {@code en*}, {@code zh_CN*}, {@code C}, {@code POSIX}, or empty (the node default). */
  static String lcMessages(String v) {
    String t = v.trim();
    String l = t.toLowerCase(Locale.ROOT);
    if (l.isEmpty() || l.equals("c") || l.equals("posix") || l.startsWith("en")
        || l.startsWith("zh_cn") || l.startsWith("zh-cn")) {
      return t;
    }
    return null;
  }

  static String utf8(String v) {
    String l = v.trim().toUpperCase(Locale.ROOT).replace("-", "");
    return l.equals("UTF8") || l.equals("UNICODE") ? "UTF8" : null;
  }

  /** A DateStyle list ({@code SQL, DMY}) in its canonical form, the parts not given ISO, MDY. */
  static String dateStyle(String v) {
    return io.snapsync.core.sql.types.PgStyle.mergeDateStyle(null, v);
  }

  /** PostgreSQL's TimeZone values: zone names in any case (shown canonically), UTC, GMT. */
  static String timeZone(String v) {
    String t = v.trim();
    if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("gmt") || t.equalsIgnoreCase("z")) {
      return "UTC";
    }
    return TimeZones.canonicalName(t);
  }
}
