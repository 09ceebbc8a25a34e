package io.snapsync.core.spi;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The system tables of a node, by lower-case name. Thread-safe. */
public final class SystemTableRegistry {

  private final Map<String, SystemTable> tables = new ConcurrentSkipListMap<>();

  /** Adds a table; a second one with the same name is rejected. */
  public void add(SystemTable table) {
    String name = table.name().toLowerCase(java.util.Locale.ROOT);
    if (tables.putIfAbsent(name, table) != null) {
      throw new IllegalStateException("system table " + name + " is registered twice");
    }
  }

  public Optional<SystemTable> find(String name) {
    return Optional.ofNullable(tables.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  public Collection<SystemTable> all() {
    return tables.values();
  }
}
