package io.snapsync.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.spi.ExtensionContext;
import io.snapsync.core.spi.SnapsyncExtension;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #19: extensions declare the extensions they need; the node orders and checks them. */
class PluginOrderTest {

  private record Ext(String name, List<String> requires) implements SnapsyncExtension {
    @Override
    public void register(ExtensionContext context) {
    }
  }

  private static PluginLoader.Found found(String name, String... requires) {
    return new PluginLoader.Found(new Ext(name, List.of(requires)),
        PluginOrderTest.class.getClassLoader(), "plugins/" + name + ".jar");
  }

  private static List<String> names(List<PluginLoader.Found> fs) {
    return fs.stream().map(f -> f.extension().name()).toList();
  }

  @Test
  void anExtensionComesAfterTheOnesItRequiresAndOthersKeepDiscoveryOrder() {
    assertEquals(List.of("pgwire", "wdr", "console", "extra"), names(PluginOrder.of(List.of(
        found("pgwire"), found("console", "wdr"), found("wdr"), found("extra", "console")))));
  }

  @Test
  void aMissingRequirementFailsStartUpNamingBoth() {
    PluginException e = assertThrows(PluginException.class,
        () -> PluginOrder.of(List.of(found("console", "wdr"), found("pgwire"))));
    assertEquals("console", e.plugin());
    assertEquals("extension \"console\" (plugins/console.jar) requires extension \"wdr\","
        + " which is not installed", MessageCatalog.english(e.message()));
  }

  @Test
  void extensionsThatRequireEachOtherAreRefused() {
    PluginException e = assertThrows(PluginException.class,
        () -> PluginOrder.of(List.of(found("a", "b"), found("b", "c"), found("c", "a"))));
    assertEquals("extensions require each other in a cycle: a -> b -> c -> a",
        MessageCatalog.english(e.message()));
  }
}
