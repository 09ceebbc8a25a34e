package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingDefinition.Level;
import io.snapsync.core.settings.SettingsRegistry;

/**
 * {@code wdr_kill_timeout} (node level, default 100 s, at least 100 ms): how long
 * {@code kill_snapshot} waits for the workers to stop. Thread-safe.
 */
public final class KillSettings {

  public static final String KILL_TIMEOUT = "wdr_kill_timeout";

  public static final SettingDefinition DEFINITION = SettingDefinition.integer(KILL_TIMEOUT,
      Level.NODE, 100_000, 100, Integer.MAX_VALUE, "ms", "wdr.setting.kill_timeout");

  private final SettingsRegistry registry;

  public KillSettings(SettingsRegistry registry) {
    this.registry = registry;
  }

  public long killTimeoutMillis() {
    return registry.nodeLong(KILL_TIMEOUT);
  }
}
