package io.snapsync.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every SQLSTATE is named: the main sources of every module hold no string literal shaped
 * like a PostgreSQL SQLSTATE (five characters of digits and capitals in one of PostgreSQL's
 * error classes) outside {@link SqlState}. A failure names each offending file and line.
 */
class NoRawSqlStateTest {

  /** PostgreSQL 15's SQLSTATE classes (errcodes.txt). */
  private static final Pattern RAW = Pattern.compile("\"((?:00|01|02|03|08|09|0A|0B|0F|0L|0P|0Z"
      + "|20|21|22|23|24|25|26|27|28|2B|2D|2F|34|38|39|3B|3D|3F|40|42|44|53|54|55|57|58|72|F0"
      + "|HV|P0|XX)[0-9A-Z]{3})\"");
  private static final Path SQL_STATE = Path.of("io", "snapsync", "core", "error",
      "SqlState.java");

  private static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("core").resolve("src"))) {
      p = p.getParent();
    }
    assertTrue(p != null, "the repository root (holding core/src) is above the working dir");
    return p;
  }

  private static List<Path> mainSources(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> f.toString().contains(Path.of("src", "main", "java").toString()))
          .filter(f -> !f.toString().contains(Path.of("target", "").toString() + "generated"))
          .filter(f -> root.relativize(f).getName(0).toString().charAt(0) != '.')
          .filter(f -> !f.endsWith(SQL_STATE))
          .sorted().toList();
    }
  }

  /** The raw SQLSTATE literals of {@code file}, as {@code path:line: code}. */
  static List<String> rawCodes(Path root, Path file) {
    List<String> found = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.startsWith("*") || t.startsWith("//") || t.startsWith("/*")) {
        continue;
      }
      Matcher m = RAW.matcher(lines.get(i));
      while (m.find()) {
        found.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group(1));
      }
    }
    return found;
  }

  @Test
  void noMainSourceOfAnyModulePassesARawSqlState() throws IOException {
    Path root = repositoryRoot();
    List<Path> sources = mainSources(root);
    assertTrue(sources.size() > 100, "the scan sees the modules' sources: " + sources.size());
    List<String> raw = new ArrayList<>();
    for (Path f : sources) {
      raw.addAll(rawCodes(root, f));
    }
    assertEquals(List.of(), raw, "name these SQLSTATEs in " + SQL_STATE + " and use the constant");
  }

  @Test
  void theScanFindsARawCodeAndSkipsComments(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("Example.java");
    Files.writeString(f, "class Example {\n"
        + "  // \"42P01\" in a comment is fine\n"
        + "  Object e = SnapsyncException.error(\"42P01\", \"x\");\n"
        + "  String port = \"15711\";\n"
        + "}\n");
    assertEquals(List.of("Example.java:3: 42P01"), rawCodes(dir, f));
  }
}
