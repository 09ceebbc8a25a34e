package io.snapsync.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.catalog.MessageCatalog;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every page text of the console in English and Simplified Chinese, and on the page. */
class ConsoleTextsTest {

  private static MessageCatalog catalog() {
    MessageCatalog c = MessageCatalog.withCoreBundles();
    c.addBundle(ConsoleTexts.class.getClassLoader(), "io/snapsync/messages/console");
    return c;
  }

  @Test
  void everyTextIsInBothLanguagesAndEveryPageLabelIsOnThePage() throws Exception {
    MessageCatalog c = catalog();
    String page;
    try (InputStream in = ConsoleTexts.class.getResourceAsStream("webroot/index.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String id : ConsoleTexts.IDS) {
      String en = c.text("en", id).orElseThrow(() -> new AssertionError(id + " (en)"));
      String zh = c.text("zh_CN", id).orElseThrow(() -> new AssertionError(id + " (zh_CN)"));
      assertNotEquals(en, zh, id);
      if (id.startsWith("console.page.")) {
        assertTrue(page.contains(">" + en + "<") || page.contains(en), id + ": " + en);
      }
    }
    JsonObject zh = ConsoleTexts.of(c, "zh_CN.UTF-8");
    assertEquals("集群", zh.getJsonObject("pages").getString("Cluster"));
    assertEquals("Cluster", ConsoleTexts.of(c, "en").getJsonObject("pages").getString("Cluster"));
    assertTrue(zh.getJsonObject("texts").getString("activity_now").contains("{0}"));
  }
}
