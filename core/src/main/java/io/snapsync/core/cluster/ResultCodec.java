package io.snapsync.core.cluster;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.time.ZoneOffset;
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
        .put("type", c.type().name()).put("typmod", c.typmod()).put("table", c.tableOid())
        .put("attnum", c.attnum())));
    JsonArray rows = new JsonArray();
    for (List<Object> row : r.rows()) {
      JsonArray a = new JsonArray();
      for (int i = 0; i < row.size(); i++) {
        a.add(encodeValue(row.get(i), i < r.columns().size() ? r.columns().get(i).type()
            : DataType.TEXT));
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
      cols.add(new Column(c.getString("name"), DataType.valueOf(c.getString("type")),
          c.getInteger("typmod", -1), c.getLong("table", 0L), c.getInteger("attnum", 0)));
    }
    List<List<Object>> rows = new ArrayList<>();
    JsonArray rj = j.getJsonArray("rows", new JsonArray());
    for (int i = 0; i < rj.size(); i++) {
      JsonArray r = rj.getJsonArray(i);
      List<Object> row = new ArrayList<>(r.size());
      for (int k = 0; k < r.size(); k++) {
        row.add(k < cols.size() ? value(r.getValue(k), cols.get(k)) : r.getValue(k));
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

  /**
   * Integers, booleans and strings travel as JSON; every other value as PostgreSQL's text
   * output (timestamptz in UTC, floats shortest-exact), read back by the column's type.
   */
  private static Object encodeValue(Object v, DataType type) {
    if (v == null || v instanceof String || v instanceof Integer || v instanceof Long
        || v instanceof Short || v instanceof Boolean) {
      return v;
    }
    DataType own = v instanceof java.util.List && type.isArray() ? type : PgValues.typeOf(v);
    return PgValues.toText(v, own, ZoneOffset.UTC);
  }

  private static Object value(Object v, Column c) {
    if (v == null) {
      return null;
    }
    DataType type = c.type();
    if (v instanceof Number n) {
      return switch (type) {
        case INT2 -> n.shortValue();
        case INT4 -> n.intValue();
        case INT8, OID -> n.longValue();
        case FLOAT4 -> n.floatValue();
        case FLOAT8 -> n.doubleValue();
        case NUMERIC -> new BigDecimal(n.toString());
        default -> n;
      };
    }
    if (v instanceof Boolean || type == DataType.TEXT || type == DataType.VARCHAR
        || type == DataType.BPCHAR || type == DataType.NAME || type == DataType.UNKNOWN) {
      return v;
    }
    return PgValues.fromText(v.toString(), type, c.typmod(), ZoneOffset.UTC);
  }
}
