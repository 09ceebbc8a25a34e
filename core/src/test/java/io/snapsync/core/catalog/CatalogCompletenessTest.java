package io.snapsync.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.settings.impl.SettingsRegistryImpl;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a message id has no English text: ids used in the core's sources,
 * setting descriptions, and every id of a translation.
 */
class CatalogCompletenessTest {

  /** A catalog id passed to the calls that take one. */
  private static final Pattern USE = Pattern.compile(
      "(?:\\.error|Message\\.of|\\.withDetail|\\.withHint|Notice\\.of|\\btext)\\s*\\(\\s*"
          + "(?:[^\"();]*,\\s*)*\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageCatalog.class.getClassLoader().getResourceAsStream(name)) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    }
    return p;
  }

  @Test
  void everyTranslatedIdExistsInEnglish() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String base : MessageCatalog.CORE_BUNDLES) {
      Properties en = load(base + ".properties");
      Properties zh = load(base + "_zh_CN.properties");
      for (String id : zh.stringPropertyNames()) {
        if (!en.containsKey(id)) {
          missing.add(base + ": " + id);
        }
      }
    }
    assertEquals(List.of(), missing, "ids translated but without English text");
  }

  @Test
  void everyIdUsedInTheSourcesHasEnglishText() throws IOException {
    MessageCatalog catalog = MessageCatalog.withCoreBundles();
    Path src = Path.of("src/main/java");
    assertTrue(Files.isDirectory(src), "run from the core module directory");
    Set<String> used = new TreeSet<>();
    // the core and the launcher render texts from the core catalogs
    for (Path root : List.of(src, Path.of("../launcher/src/main/java"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = USE.matcher(Files.readString(f));
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    assertTrue(used.contains("core.launcher.started") || !Files.isDirectory(
        Path.of("../launcher/src/main/java")), "the scan covers the launcher: " + used);
    assertTrue(used.contains("settings.unrecognized"), "the scan finds ids: " + used);
    List<String> missing = used.stream()
        .filter(id -> catalog.text("en", id).isEmpty()).toList();
    assertEquals(List.of(), missing, "ids used in core sources without English text");
  }

  @Test
  void everySettingDescriptionHasEnglishText() {
    MessageCatalog catalog = MessageCatalog.withCoreBundles();
    List<String> missing = new ArrayList<>();
    for (SettingDefinition d : SettingsRegistryImpl.withCoreSettings().definitions()) {
      if (catalog.text("en", d.descriptionId()).isEmpty()) {
        missing.add(d.name() + ": " + d.descriptionId());
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void chineseIsChosenByLcMessagesAndFallsBackToEnglish() {
    MessageCatalog catalog = MessageCatalog.withCoreBundles();
    io.snapsync.core.error.Message m =
        io.snapsync.core.error.Message.of("settings.unrecognized", "x");
    assertEquals("无法识别的配置参数 \"x\"", catalog.render("zh_CN.UTF-8", m));
    assertEquals("unrecognized configuration parameter \"x\"", catalog.render("C", m));
    catalog.put("en", "test.only_english", "only {0}");
    assertEquals("only 1",
        catalog.render("zh_CN", io.snapsync.core.error.Message.of("test.only_english", 1)));
  }
}
