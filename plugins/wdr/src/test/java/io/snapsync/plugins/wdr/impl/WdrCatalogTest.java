package io.snapsync.plugins.wdr.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every catalog id the plugin's sources use has an English and a Chinese text. */
class WdrCatalogTest {

  private static final Pattern ID = Pattern.compile("\"(wdr\\.[a-z_]+\\.[a-z_]+)\"");

  @Test
  void everyIdUsedInTheSourcesHasEnglishAndChineseTexts() throws IOException {
    // the core bundles (wdr.properties) and the plugin's own report labels (wdr_report)
    MessageCatalog catalog = MessageCatalog.withCoreBundles()
        .addBundle(WdrCatalogTest.class.getClassLoader(), "io/snapsync/messages/wdr_report");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = ID.matcher(Files.readString(f));
        while (m.find()) {
          for (String lang : MessageCatalog.LANGUAGES) {
            if (catalog.text(lang, m.group(1)).isEmpty()) {
              missing.add(lang + ": " + m.group(1) + " (" + f.getFileName() + ")");
            }
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }
}
