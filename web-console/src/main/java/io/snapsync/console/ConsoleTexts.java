package io.snapsync.console;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The page's own texts in the signed-in user's {@code lc_messages} (catalog area
 * {@code console}): {@code console.page.*} are the labels of the page, which the page replaces
 * where its English text matches; {@code console.text.*} are templates of app.js with
 * {@code {0}} placeholders.
 */
final class ConsoleTexts {

  static final List<String> IDS = List.of(
      "console.page.skip_to_content",
      "console.page.sign_out",
      "console.page.sign_in_to_the_admin_console",
      "console.page.user",
      "console.page.password",
      "console.page.messages",
      "console.page.sign_in",
      "console.page.snapshot_worker_actions",
      "console.page.take_snapshot",
      "console.page.kill_local_worker",
      "console.page.kill_global_workers",
      "console.page.cluster",
      "console.page.wdr_snapshots",
      "console.page.report",
      "console.page.exported_snapshots",
      "console.page.settings",
      "console.page.cluster_nodes_and_snapshot_workers",
      "console.page.cluster_nodes",
      "console.page.live_activity_of_this_node",
      "console.page.live",
      "console.page.active_sessions_by_wait_class_sampled",
      "console.page.transactions_and_statements_per_second",
      "console.page.wdr_snapshots_newest_first",
      "console.page.request_outcomes",
      "console.page.snapshot_request_outcomes_newest_first",
      "console.page.wdr_report",
      "console.page.begin_snapshot",
      "console.page.end_snapshot",
      "console.page.or_baseline",
      "console.page.none",
      "console.page.type",
      "console.page.scope",
      "console.page.node",
      "console.page.generate_report",
      "console.page.download_html",
      "console.page.open_in_a_new_tab",
      "console.page.load_profile_over_time_per_second",
      "console.page.top_statements_total_time_ms",
      "console.page.wait_events_total_time_ms",
      "console.page.load_profile",
      "console.page.top_statements",
      "console.page.full_report",
      "console.page.exported_transaction_snapshots",
      "console.page.snapshot_log",
      "console.page.snapshot_log_newest_first",
      "console.page.setting",
      "console.page.new_value_alter_system",
      "console.page.save",
      "console.page.settings_in_force",
      "console.page.sql_prompt",
      "console.page.statements_ctrl_enter_runs",
      "console.page.run",
      "console.page.kill_snapshot_worker",
      "console.page.cancel",
      "console.page.kill",
      "console.text.activity_now",
      "console.text.activity_none",
      "console.text.activity_rates",
      "console.text.activity_pins",
      "console.text.activity_pins_none",
      "console.text.activity_off",
      "console.text.activity_unavailable");

  private ConsoleTexts() {
  }

  /** {@code {pages: {english: translated}, texts: {id: template}}} in {@code lc}. */
  static JsonObject of(MessageCatalog catalog, String lc) {
    JsonObject pages = new JsonObject();
    JsonObject texts = new JsonObject();
    for (String id : IDS) {
      String text = catalog.render(lc, Message.of(id));
      if (id.startsWith("console.page.")) {
        pages.put(catalog.render("en", Message.of(id)), text);
      } else {
        texts.put(id.substring("console.text.".length()), text);
      }
    }
    return new JsonObject().put("pages", pages).put("texts", texts);
  }
}
