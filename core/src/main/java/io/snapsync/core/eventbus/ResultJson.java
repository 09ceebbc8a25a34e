package io.snapsync.core.eventbus;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** JSON shapes of statement results and notices (docs/event-bus-api.md). */
public final class ResultJson {

  private ResultJson() {
  }

  /** {@code {columns:[{name,type,oid}], rows:[[...]], commandTag, notices:[...]}}. */
  public static JsonObject result(StatementResult r, MessageCatalog catalog, String lc) {
    JsonArray cols = new JsonArray();
    for (Column c : r.columns()) {
      cols.add(new JsonObject().put("name", c.name()).put("type", c.type().sqlName())
          .put("oid", c.type().oid()));
    }
    JsonArray rows = new JsonArray();
    for (List<Object> row : r.rows()) {
      JsonArray a = new JsonArray();
      for (Object v : row) {
        a.add(value(v));
      }
      rows.add(a);
    }
    JsonArray notices = new JsonArray();
    for (Notice n : r.notices()) {
      notices.add(notice(n, catalog, lc));
    }
    return new JsonObject().put("columns", cols).put("rows", rows)
        .put("commandTag", r.commandTag()).put("notices", notices);
  }

  /** {@code {severity, sqlState, messageId, message, msg, detail?, hint?}}. */
  public static JsonObject notice(Notice n, MessageCatalog catalog, String lc) {
    JsonObject j = new JsonObject().put("severity", n.severity().name())
        .put("sqlState", n.sqlState()).put("messageId", n.message().id())
        .put("message", catalog.render(lc, n.message())).put("msg", n.message().toJson());
    if (n.detail() != null) {
      j.put("detail", catalog.render(lc, n.detail())).put("detailMsg", n.detail().toJson());
    }
    if (n.hint() != null) {
      j.put("hint", catalog.render(lc, n.hint())).put("hintMsg", n.hint().toJson());
    }
    return j;
  }

  /** JSON form of a column value: numbers, booleans, strings, null; anything else as text. */
  public static Object value(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    return v.toString();
  }

  public static JsonArray results(List<StatementResult> rs, MessageCatalog catalog, String lc) {
    JsonArray a = new JsonArray();
    rs.forEach(r -> a.add(result(r, catalog, lc)));
    return a;
  }
}
