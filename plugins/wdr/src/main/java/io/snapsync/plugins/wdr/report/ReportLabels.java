package io.snapsync.plugins.wdr.report;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;

/**
 * The report pages' headers and labels in one language, all from the message catalog (bundle
 * {@code io/snapsync/messages/wdr_report}): section titles {@code wdr.label.section.<key>},
 * column headers {@code wdr.label.column.<name>}, fixed texts {@code wdr.label.<id>}.
 * A column without a catalog entry keeps its data name. Immutable.
 */
final class ReportLabels {

  /** The plugin's catalog bundle, registered by the extension. */
  static final String BUNDLE = "io/snapsync/messages/wdr_report";

  private final MessageCatalog catalog;
  private final String lc;

  private ReportLabels(MessageCatalog catalog, String lc) {
    this.catalog = catalog;
    this.lc = lc;
  }

  static ReportLabels of(MessageCatalog catalog, String lcMessages) {
    return new ReportLabels(catalog, MessageCatalog.language(lcMessages));
  }

  /** The page's {@code lang} attribute. */
  String htmlLang() {
    return lc.equals("zh_CN") ? "zh-CN" : "en";
  }

  String section(String key) {
    return text("wdr.label.section." + key);
  }

  String column(String name) {
    String id = "wdr.label.column." + name;
    return catalog.text(lc, id).or(() -> catalog.text("en", id)).orElse(name);
  }

  String text(String id, Object... args) {
    return catalog.render(lc, Message.of(id, args));
  }

  /** A note stored in the report data as {@link Message#toJson()}, in this language. */
  String note(io.vertx.core.json.JsonObject message) {
    return catalog.render(lc, Message.fromJson(message));
  }

  /** Each note of {@code ids} (section key to message JSON) as text in this language. */
  io.vertx.core.json.JsonObject notes(io.vertx.core.json.JsonObject ids) {
    io.vertx.core.json.JsonObject out = new io.vertx.core.json.JsonObject();
    ids.forEach(e -> out.put(e.getKey(), note((io.vertx.core.json.JsonObject) e.getValue())));
    return out;
  }
}
