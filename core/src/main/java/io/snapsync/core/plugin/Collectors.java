package io.snapsync.core.plugin;

import io.snapsync.core.spi.Collector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The WDR collectors of a node (built-in and from extensions), registered as a node service
 * ({@code services.service(Collectors.class)}). Thread-safe.
 */
public final class Collectors {

  private final List<Collector> collectors = new CopyOnWriteArrayList<>();

  /** Adds a collector; a second one with the same name is rejected. */
  public void add(Collector c) {
    for (Collector existing : collectors) {
      if (existing.name().equals(c.name())) {
        throw new IllegalStateException("collector " + c.name() + " is registered twice");
      }
    }
    collectors.add(c);
  }

  public List<Collector> all() {
    return List.copyOf(collectors);
  }
}
