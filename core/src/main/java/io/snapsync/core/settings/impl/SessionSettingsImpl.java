package io.snapsync.core.settings.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.settings.SessionSettings;
import io.snapsync.core.settings.SettingDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session's overlay on the node settings: only values changed by {@code SET} are stored (the
 * map is created on the first {@code SET}), so ten thousand idle sessions cost almost nothing.
 * Not thread-safe (a session runs one statement at a time).
 */
public final class SessionSettingsImpl implements SessionSettings {

  private final SettingsRegistryImpl registry;
  private Map<String, SettingValues.Value> overrides;
  /** Values the client gave at start-up: what RESET returns to (PostgreSQL's PGC_S_CLIENT). */
  private Map<String, SettingValues.Value> startup;

  public SessionSettingsImpl(SettingsRegistryImpl registry) {
    this.registry = registry;
  }

  private SettingValues.Value value(String name) {
    SettingDefinition def = registry.require(name);
    if (overrides != null) {
      SettingValues.Value v = overrides.get(SettingsRegistryImpl.key(def.name()));
      if (v != null) {
        return v;
      }
    }
    return registry.nodeValueOf(def.name());
  }

  @Override
  public String show(String name) {
    return value(name).text();
  }

  @Override
  public Map<String, String> showAll() {
    Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (SettingDefinition d : registry.definitions()) {
      all.put(d.name(), value(d.name()).text());
    }
    return all;
  }

  private SettingDefinition changeable(String name) {
    SettingDefinition def = registry.require(name);
    if (registry.isReadOnly(def.name())) {
      throw SnapsyncException.error(SettingsRegistryImpl.CANT_CHANGE_RUNTIME_PARAM,
          "settings.cannot_change", def.name());
    }
    if (def.level() == SettingDefinition.Level.NODE) {
      throw SnapsyncException.error(SettingsRegistryImpl.CANT_CHANGE_RUNTIME_PARAM,
          "settings.cannot_change_now", def.name());
    }
    return def;
  }

  @Override
  public void set(String name, String value) {
    SettingDefinition def = changeable(name);
    SettingValues.Value v = registry.parse(def, registry.merged(def, show(def.name()), value));
    if (overrides == null) {
      overrides = new HashMap<>(4);
    }
    overrides.put(SettingsRegistryImpl.key(def.name()), v);
  }

  @Override
  public void setAtStartup(String name, String value) {
    set(name, value);
    String k = SettingsRegistryImpl.key(registry.require(name).name());
    if (startup == null) {
      startup = new HashMap<>(4);
    }
    startup.put(k, overrides.get(k));
  }

  @Override
  public void reset(String name) {
    SettingDefinition def = changeable(name);
    String k = SettingsRegistryImpl.key(def.name());
    if (startup != null && startup.containsKey(k)) {
      overrides.put(k, startup.get(k));
    } else if (overrides != null) {
      overrides.remove(k);
    }
  }

  @Override
  public void resetAll() {
    overrides = startup == null ? null : new HashMap<>(startup);
  }

  @Override
  public long getLong(String name) {
    return value(name).number();
  }

  @Override
  public boolean getBool(String name) {
    return value(name).number() != 0;
  }

  @Override
  public String get(String name) {
    return value(name).text();
  }
}
