package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import org.junit.jupiter.api.Test;

/** The WDR settings: defaults, units and ranges of SPEC §5 in the core's real registry. */
class WdrSettingsTest {

  private final SettingsRegistryImpl registry = registry();

  private static SettingsRegistryImpl registry() {
    SettingsRegistryImpl r = SettingsRegistryImpl.withCoreSettings();
    WdrSettings.DEFINITIONS.forEach(r::register);
    return r;
  }

  private void invalid(String name, String value) {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> registry.validate(name, value));
    assertEquals("22023", e.sqlState(), name + " = " + value);
  }

  @Test
  void defaultsAreThoseOfTheSpec() {
    WdrSettings s = new WdrSettings(registry);
    assertEquals(true, s.enabled());
    assertEquals(60 * 60_000L, s.intervalMillis());
    assertEquals(8 * 86_400_000L, s.retentionMillis());
    assertEquals(100_000L, s.queryTimeoutMillis());
    assertEquals("on", registry.nodeValue(WdrSettings.ENABLE));
  }

  @Test
  void rangesAndUnitsAreEnforced() {
    registry.validate(WdrSettings.INTERVAL, "10");
    registry.validate(WdrSettings.INTERVAL, "180");
    registry.validate(WdrSettings.INTERVAL, "3h");
    invalid(WdrSettings.INTERVAL, "9");
    invalid(WdrSettings.INTERVAL, "181");
    invalid(WdrSettings.INTERVAL, "4h");
    registry.validate(WdrSettings.RETENTION, "1");
    registry.validate(WdrSettings.RETENTION, "15");
    invalid(WdrSettings.RETENTION, "0");
    invalid(WdrSettings.RETENTION, "16");
    registry.validate(WdrSettings.QUERY_TIMEOUT, "1");
    registry.validate(WdrSettings.QUERY_TIMEOUT, "1s");
    registry.validate(WdrSettings.QUERY_TIMEOUT, "10min");
    invalid(WdrSettings.QUERY_TIMEOUT, "0");
    invalid(WdrSettings.QUERY_TIMEOUT, "500ms");
    invalid(WdrSettings.ENABLE, "maybe");
  }

  @Test
  void valuesAreAppliedInTheirUnits() {
    WdrSettings s = new WdrSettings(registry);
    registry.alterSystem(WdrSettings.INTERVAL, "2h").await();
    registry.alterSystem(WdrSettings.QUERY_TIMEOUT, "2min").await();
    registry.alterSystem(WdrSettings.RETENTION, "3").await();
    assertEquals(120 * 60_000L, s.intervalMillis());
    assertEquals(120_000L, s.queryTimeoutMillis());
    assertEquals(3 * 86_400_000L, s.retentionMillis());
  }
}
