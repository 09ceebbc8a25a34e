package io.snapsync.plugins.wdr.impl;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.SettingDefinition.Level;
import io.snapsync.core.settings.SettingsRegistry;
import java.util.List;

/** The WDR settings of SPEC §5 and typed access to their node-level values. Thread-safe. */
public final class WdrSettings {

  public static final String ENABLE = "enable_wdr_snapshot";
  public static final String INTERVAL = "wdr_snapshot_interval";
  public static final String RETENTION = "wdr_snapshot_retention_days";
  public static final String QUERY_TIMEOUT = "wdr_snapshot_query_timeout";
  /** Active session sampling interval in seconds (0 = off). */
  public static final String ASH_INTERVAL = "wdr_ash_sample_interval";

  /** Definitions: names, defaults, ranges and units as SPEC §5 gives them. */
  public static final List<SettingDefinition> DEFINITIONS = List.of(
      SettingDefinition.bool(ENABLE, Level.NODE, true, "wdr.setting.enable"),
      SettingDefinition.integer(INTERVAL, Level.NODE, 60, 10, 180, "min",
          "wdr.setting.interval"),
      SettingDefinition.integer(RETENTION, Level.NODE, 8, 1, 15, "d", "wdr.setting.retention"),
      SettingDefinition.integer(QUERY_TIMEOUT, Level.NODE, 100, 1, Integer.MAX_VALUE, "s",
          "wdr.setting.query_timeout"),
      SettingDefinition.integer(ASH_INTERVAL, Level.NODE, 1, 0, 60, "s",
          "wdr.setting.ash_interval"));

  private final SettingsRegistry registry;

  public WdrSettings(SettingsRegistry registry) {
    this.registry = registry;
  }

  public boolean enabled() {
    return registry.nodeBool(ENABLE);
  }

  public long intervalMillis() {
    return registry.nodeLong(INTERVAL) * 60_000L;
  }

  public long retentionMillis() {
    return registry.nodeLong(RETENTION) * 86_400_000L;
  }

  /** Seconds between active session samples; 0 when sampling is off. */
  public long ashIntervalSeconds() {
    return registry.nodeLong(ASH_INTERVAL);
  }

  public long queryTimeoutMillis() {
    return registry.nodeLong(QUERY_TIMEOUT) * 1000L;
  }
}
