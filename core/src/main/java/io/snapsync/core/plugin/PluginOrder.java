package io.snapsync.core.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts extensions in the order the node registers and starts them: each after the extensions
 * it {@linkplain io.snapsync.core.spi.SnapsyncExtension#requires requires}, otherwise in
 * discovery order. A required extension that is not installed, or extensions that require
 * each other, fail start-up with a {@link PluginException} naming them.
 */
public final class PluginOrder {

  private PluginOrder() {
  }

  public static List<PluginLoader.Found> of(List<PluginLoader.Found> found) {
    Map<String, PluginLoader.Found> byName = new LinkedHashMap<>();
    found.forEach(f -> byName.put(f.extension().name(), f));
    for (PluginLoader.Found f : found) {
      for (String needed : f.extension().requires()) {
        if (!byName.containsKey(needed)) {
          throw PluginException.missingRequirement(f.extension().name(), needed, f.origin());
        }
      }
    }
    List<PluginLoader.Found> out = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (PluginLoader.Found f : found) {
      place(f, byName, placed, new LinkedHashSet<>(), out);
    }
    return out;
  }

  private static void place(PluginLoader.Found f, Map<String, PluginLoader.Found> byName,
      Set<String> placed, Set<String> visiting, List<PluginLoader.Found> out) {
    String name = f.extension().name();
    if (placed.contains(name)) {
      return;
    }
    if (!visiting.add(name)) {
      throw PluginException.requirementCycle(List.copyOf(visiting));
    }
    for (String needed : f.extension().requires()) {
      place(byName.get(needed), byName, placed, visiting, out);
    }
    visiting.remove(name);
    placed.add(name);
    out.add(f);
  }
}
