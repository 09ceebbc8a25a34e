package io.snapsync.plugins.pgwire;

import static io.snapsync.core.settings.SettingDefinition.Level.NODE;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingsRegistry;
import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import java.util.function.Consumer;

/**
 * The node settings of the PostgreSQL listener, with PostgreSQL's names and defaults:
 * {@code authentication_timeout} (60 s, 1 s to 600 s), {@code max_connections} (100) and
 * {@code superuser_reserved_connections} (3). Read at each new connection, so
 * {@code ALTER SYSTEM} applies to the next one.
 */
public final class PgWireSettings {

  public static final String AUTHENTICATION_TIMEOUT = "authentication_timeout";
  public static final String MAX_CONNECTIONS = "max_connections";
  public static final String RESERVED_CONNECTIONS = "superuser_reserved_connections";

  private PgWireSettings() {
  }

  /** Registers the definitions (from {@code SnapsyncExtension.register}). */
  public static void register(Consumer<SettingDefinition> add) {
    add.accept(SettingDefinition.integer(AUTHENTICATION_TIMEOUT, NODE,
        ConnectionLimits.DEFAULT_AUTHENTICATION_TIMEOUT_MILLIS / 1000, 1, 600, "s",
        "harden.setting.authentication_timeout"));
    add.accept(SettingDefinition.integer(MAX_CONNECTIONS, NODE,
        ConnectionLimits.DEFAULT_MAX_CONNECTIONS, 1, 262_143, "",
        "harden.setting.max_connections"));
    add.accept(SettingDefinition.integer(RESERVED_CONNECTIONS, NODE,
        ConnectionLimits.DEFAULT_RESERVED_CONNECTIONS, 0, 262_143, "",
        "harden.setting.superuser_reserved_connections"));
  }

  /**
   * The limits now in force; a reserve not below {@code max_connections} keeps one ordinary
   * slot (PostgreSQL refuses to start then; a running node must not lock everyone out).
   */
  public static ConnectionLimits limits(SettingsRegistry settings) {
    int max = (int) settings.nodeLong(MAX_CONNECTIONS);
    int reserved = (int) Math.min(settings.nodeLong(RESERVED_CONNECTIONS), max - 1L);
    return new ConnectionLimits(settings.nodeLong(AUTHENTICATION_TIMEOUT) * 1000, max,
        reserved);
  }
}
