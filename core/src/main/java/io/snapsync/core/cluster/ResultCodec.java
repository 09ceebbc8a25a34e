package io.snapsync.core.cluster;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Lossless JSON form of statement results between a coordinator and the data node: column
 * types by {@link DataType} name, values converted back by column type, notices as message
 * ids and arguments (rendered where they are shown).
 */
final class ResultCodec {

  private ResultCodec() {
  }

  static JsonArray encode(List<StatementResult> results) {
    JsonArray a = new JsonArray();
    results.forEach(r -> a.add(encode(r)));
    return a;
  }

  static JsonObject encode(StatementResult r) {
    JsonArray cols = new JsonArray();
    r.columns().forEach(c -> cols.add(new JsonObject().put("name", c.name())
        .put("type", c.type().name())));
    JsonArray rows = new JsonArray();
    for (List<Object> row : r.rows()) {
      JsonArray a = new JsonArray();
      for (Object v : row) {
        a.add(v == null || v instanceof String || v instanceof Number || v instanceof Boolean
            ? v : v.toString());
      }
      rows.add(a);
    }
    JsonArray notices = new JsonArray();
    for (Notice n : r.notices()) {
      JsonObject j = new JsonObject().put("severity", n.severity().name())
          .put("sqlState", n.sqlState()).put("msg", n.message().toJson());
      if (n.detail() != null) {
        j.put("detail", n.detail().toJson());
      }
      if (n.hint() != null) {
        j.put("hint", n.hint().toJson());
      }
      notices.add(j);
    }
    return new JsonObject().put("columns", cols).put("rows", rows)
        .put("commandTag", r.commandTag()).put("notices", notices);
  }

  static List<StatementResult> decode(JsonArray a) {
    List<StatementResult> out = new ArrayList<>();
    if (a != null) {
      for (int i = 0; i < a.size(); i++) {
        out.add(decode(a.getJsonObject(i)));
      }
    }
    return out;
  }

  static StatementResult decode(JsonObject j) {
    List<Column> cols = new ArrayList<>();
    JsonArray cj = j.getJsonArray("columns", new JsonArray());
    for (int i = 0; i < cj.size(); i++) {
      JsonObject c = cj.getJsonObject(i);
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type"))));
    }
    List<List<Object>> rows = new ArrayList<>();
    JsonArray rj = j.getJsonArray("rows", new JsonArray());
    for (int i = 0; i < rj.size(); i++) {
      JsonArray r = rj.getJsonArray(i);
      List<Object> row = new ArrayList<>(r.size());
      for (int k = 0; k < r.size(); k++) {
        row.add(value(r.getValue(k), k < cols.size() ? cols.get(k).type() : DataType.TEXT));
      }
      rows.add(row);
    }
    List<Notice> notices = new ArrayList<>();
    JsonArray nj = j.getJsonArray("notices", new JsonArray());
    for (int i = 0; i < nj.size(); i++) {
      JsonObject n = nj.getJsonObject(i);
      notices.add(new Notice(Severity.valueOf(n.getString("severity")), n.getString("sqlState"),
          Message.fromJson(n.getJsonObject("msg")), Message.fromJson(n.getJsonObject("detail")),
          Message.fromJson(n.getJsonObject("hint"))));
    }
    return new StatementResult(cols, rows, j.getString("commandTag"), notices);
  }

  private static Object value(Object v, DataType type) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case INT8 -> v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
      case INT4 -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
      case FLOAT8 -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
      case BOOL -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
      case TIMESTAMPTZ -> OffsetDateTime.parse(v.toString());
      default -> v instanceof String ? v : v.toString();
    };
  }
}
