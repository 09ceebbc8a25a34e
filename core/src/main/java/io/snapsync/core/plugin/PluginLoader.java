package io.snapsync.core.plugin;

import io.snapsync.core.spi.SnapsyncExtension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds extensions with {@link ServiceLoader}: first on the class path, then in every
 * {@code *.jar} of the plugin directory, each jar with its own {@link URLClassLoader} (parent:
 * the class path). A jar that cannot be read, a provider that cannot be instantiated, or two
 * extensions with one name fail with a {@link PluginException} naming them. Blocking.
 */
public final class PluginLoader {

  /** An extension found, its class loader (for catalogs) and where it came from. */
  public record Found(SnapsyncExtension extension, ClassLoader loader, String origin) {
  }

  private PluginLoader() {
  }

  public static List<Found> discover(ClassLoader parent, Path pluginDirectory) {
    Map<String, Found> byName = new LinkedHashMap<>();
    add(byName, load(ServiceLoader.load(SnapsyncExtension.class, parent), null, "class path"));
    if (pluginDirectory != null && Files.isDirectory(pluginDirectory)) {
      List<Path> jars;
      try (Stream<Path> s = Files.list(pluginDirectory)) {
        jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
      } catch (IOException e) {
        throw PluginException.loadFailed(pluginDirectory.toString(), e);
      }
      for (Path jar : jars) {
        URLClassLoader cl;
        try {
          cl = new URLClassLoader("plugin:" + jar.getFileName(),
              new URL[] {jar.toUri().toURL()}, parent);
        } catch (IOException e) {
          throw PluginException.loadFailed(jar.toString(), e);
        }
        List<Found> found = load(ServiceLoader.load(SnapsyncExtension.class, cl), cl,
            jar.toString());
        add(byName, found);
      }
    }
    return new ArrayList<>(byName.values());
  }

  /**
   * Closes the class loaders of the plugin jars among {@code found} (the class path's loader
   * is not theirs to close), once nothing of theirs runs any more: at node shutdown.
   */
  public static void close(List<Found> found) {
    for (Found f : found) {
      if (f.loader() instanceof URLClassLoader cl && f.loader().getName() != null
          && f.loader().getName().startsWith("plugin:")) {
        try {
          cl.close();
        } catch (IOException e) {
          // a jar that cannot be closed stays open until the JVM exits; nothing else to do
        }
      }
    }
  }

  private static List<Found> load(ServiceLoader<SnapsyncExtension> sl, ClassLoader only,
      String origin) {
    List<Found> out = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<SnapsyncExtension> p : sl.stream().toList()) {
        if (only != null && p.type().getClassLoader() != only) {
          continue;
        }
        SnapsyncExtension ext;
        try {
          ext = p.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
          throw PluginException.failed(p.type().getName() + " (" + origin + ")", "load", e);
        }
        String name = ext.name();
        if (name == null || name.isBlank()) {
          throw PluginException.failed(p.type().getName() + " (" + origin + ")", "load",
              new IllegalStateException("name() is empty"));
        }
        out.add(new Found(ext, only != null ? only : ext.getClass().getClassLoader(), origin));
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      throw PluginException.loadFailed(origin, e);
    }
    return out;
  }

  private static void add(Map<String, Found> byName, List<Found> found) {
    for (Found f : found) {
      Found prev = byName.putIfAbsent(f.extension().name(), f);
      if (prev != null) {
        throw PluginException.duplicate(f.extension().name(), prev.origin(), f.origin());
      }
    }
  }
}
