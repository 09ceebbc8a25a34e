package io.snapsync.core.settings.impl;

import static io.snapsync.core.settings.SettingDefinition.Level.SESSION;

import io.snapsync.core.settings.SettingDefinition;
import java.util.List;

/**
 * Session settings that pg_dump and other clients SET at start-up and that snapsync accepts
 * with PostgreSQL's defaults: {@code IntervalStyle} (postgres, postgres_verbose, sql_standard,
 * iso_8601: the interval output), {@code synchronize_seqscans}, {@code idle_in_transaction_session_timeout},
 * {@code row_security} (no policies exist, so on and off read the same rows), and
 * {@code search_path} (resolved by {@link io.snapsync.core.sql.ddl.SearchPath}), and the {@code tcp_keepalives_*} settings pgcopydb sets (accepted and shown; the
 * listener's sockets keep the system's keepalive timing). A setting another
 * part registered first is left alone.
 */
final class ClientSettings {

  private ClientSettings() {
  }

  static void registerAll(SettingsRegistryImpl r) {
    add(r, SettingDefinition.enumeration("IntervalStyle", SESSION, "postgres",
        List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601"),
        "catalog.setting.intervalstyle"));
    add(r, SettingDefinition.bool("synchronize_seqscans", SESSION, true,
        "catalog.setting.synchronize_seqscans"));
    add(r, SettingDefinition.integer("idle_in_transaction_session_timeout", SESSION, 0, 0,
        CoreSettings.INT_MAX, "ms", "catalog.setting.idle_in_transaction_session_timeout"));
    add(r, SettingDefinition.bool("row_security", SESSION, true,
        "catalog.setting.row_security"));
    add(r, SettingDefinition.string(io.snapsync.core.sql.ddl.SearchPath.SETTING, SESSION,
        io.snapsync.core.sql.ddl.SearchPath.DEFAULT_SETTING, "ddl.setting.search_path"));
    r.validator(io.snapsync.core.sql.ddl.SearchPath.SETTING,
        io.snapsync.core.sql.ddl.SearchPath::canonical, "a list of schema names");
    add(r, SettingDefinition.integer("tcp_keepalives_idle", SESSION, 0, 0,
        CoreSettings.INT_MAX, "s", "catalog.setting.tcp_keepalives_idle"));
    add(r, SettingDefinition.integer("tcp_keepalives_interval", SESSION, 0, 0,
        CoreSettings.INT_MAX, "s", "catalog.setting.tcp_keepalives_interval"));
    add(r, SettingDefinition.integer("tcp_keepalives_count", SESSION, 0, 0,
        CoreSettings.INT_MAX, "", "catalog.setting.tcp_keepalives_count"));
  }

  private static void add(SettingsRegistryImpl r, SettingDefinition d) {
    if (r.definition(d.name()).isEmpty()) {
      r.register(d);
    }
  }
}
