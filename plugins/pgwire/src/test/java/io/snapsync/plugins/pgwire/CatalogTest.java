package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pgwire catalog: every id the sources use has an English text, and Chinese for each. */
class CatalogTest {

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = CatalogTest.class.getClassLoader().getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyUsedIdHasEnglishAndChineseTexts() throws Exception {
    Properties en = load(PgWireExtension.CATALOG + ".properties");
    Properties zh = load(PgWireExtension.CATALOG + "_zh_CN.properties");
    assertEquals(new TreeSet<>(en.stringPropertyNames()),
        new TreeSet<>(zh.stringPropertyNames()));
    Set<String> used = new TreeSet<>();
    Pattern id = Pattern.compile("\"(pgwire\\.[a-z_.]+[a-z_])\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = id.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertTrue(used.size() > 10, used.toString());
    for (String u : used) {
      assertTrue(en.containsKey(u), "no English text for " + u);
    }
  }
}
