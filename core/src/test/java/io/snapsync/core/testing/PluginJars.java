package io.snapsync.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real plugin jar in a temp directory: compiles Java sources with
 * {@link ToolProvider#getSystemJavaCompiler()} against the test class path and packs classes
 * and resources with {@link JarOutputStream}.
 */
public final class PluginJars {

  private PluginJars() {
  }

  /**
   * @param work scratch directory
   * @param jar the jar to write
   * @param sources fully qualified class name to source text
   * @param resources jar path to content (e.g. META-INF/services/..., catalogs)
   */
  public static Path build(Path work, Path jar, Map<String, String> sources,
      Map<String, String> resources) throws IOException {
    Path src = Files.createTempDirectory(work, "src");
    Path classes = Files.createTempDirectory(work, "classes");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
        classPath(), "--release", "17", "-proc:none"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      args.add(f.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = sources.isEmpty() ? 0 : javac.run(null, null, null, args.toArray(String[]::new));
    if (rc != 0) {
      throw new IllegalStateException("plugin sources do not compile");
    }
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
      for (Map.Entry<String, String> e : resources.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        OutputStream o = out;
        o.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The test class path (Surefire's, when running under it). */
  public static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }
}
