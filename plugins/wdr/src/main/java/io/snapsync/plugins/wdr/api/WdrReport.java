package io.snapsync.plugins.wdr.api;

import io.vertx.core.json.JsonObject;

/**
 * A generated report: the same content as data (for the console's charts) and as a
 * self-contained HTML page.
 *
 * @param json report data: {@code info}, {@code load_profile}, {@code statements}, ...
 * @param html the page
 */
public record WdrReport(JsonObject json, String html) {
}
