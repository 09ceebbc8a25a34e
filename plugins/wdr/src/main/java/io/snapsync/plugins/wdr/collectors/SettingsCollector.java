package io.snapsync.plugins.wdr.collectors;

import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.spi.ExtensionContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;

/** {@code settings}: every node-level setting value in force, by name. */
final class SettingsCollector extends Collectors.Named {

  SettingsCollector() {
    super("settings");
  }

  @Override
  public Future<JsonObject> collect(ExtensionContext ctx) {
    JsonObject j = new JsonObject();
    ctx.settings().definitions().stream()
        .sorted(Comparator.comparing(SettingDefinition::name))
        .forEach(d -> j.put(d.name(), ctx.settings().nodeValue(d.name())));
    return Future.succeededFuture(j);
  }
}
