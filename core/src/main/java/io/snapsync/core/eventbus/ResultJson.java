package io.snapsync.core.eventbus;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.types.PgValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** JSON shapes of statement results and notices (docs/event-bus-api.md). */
public final class ResultJson {

  private ResultJson() {
  }

  /**
   * {@code {columns:[{name,type,oid,typmod?}], rows:[[...]], commandTag, notices:[...]}};
   * values as {@link #value(Object, DataType)}.
   */
  public static JsonObject result(StatementResult r, MessageCatalog catalog, String lc) {
    JsonArray cols = new JsonArray();
    for (Column c : r.columns()) {
      JsonObject col = new JsonObject().put("name", c.name()).put("type", c.type().sqlName())
          .put("oid", c.type().oid());
      if (c.typmod() >= 0) {
        col.put("typmod", c.typmod());
      }
      cols.add(col);
    }
    JsonArray rows = new JsonArray();
    for (List<Object> row : r.rows()) {
      JsonArray a = new JsonArray();
      for (int i = 0; i < row.size(); i++) {
        a.add(i < r.columns().size() ? value(row.get(i), r.columns().get(i).type())
            : value(row.get(i)));
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

  /** JSON form of a value whose type is not known: as {@link #value(Object, DataType)}. */
  public static Object value(Object v) {
    return v == null ? null : value(v, PgValues.typeOf(v));
  }

  /**
   * JSON form of a value of {@code type}: integers and finite floats as JSON numbers,
   * booleans, strings; arrays as JSON arrays; anything else (numeric, to keep its digits and
   * scale; NaN and infinities, bytea, dates and times, intervals, uuid, json) as PostgreSQL's
   * text output, timestamptz in UTC. {@link #javaValue} reverses it.
   */
  public static Object value(Object v, DataType type) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer
        || v instanceof Long || v instanceof Short) {
      return v;
    }
    if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())
        && type != DataType.NUMERIC) {
      return v;
    }
    if (v instanceof List<?> l) {
      DataType element = type.isArray() ? type.element() : DataType.TEXT;
      JsonArray a = new JsonArray();
      for (Object x : l) {
        a.add(x instanceof List ? value(x, type) : value(x, element));
      }
      return a;
    }
    // the value's own class decides its text (numeric NaN prints as the double does)
    return PgValues.toText(v, PgValues.typeOf(v), ZoneOffset.UTC);
  }

  /** The Java value of a JSON value of column {@code c}, as {@link #value(Object, DataType)}. */
  public static Object javaValue(Object json, Column c) {
    return javaValue(json, c.type(), c.typmod());
  }

  private static Object javaValue(Object json, DataType type, int typmod) {
    if (json == null) {
      return null;
    }
    if (json instanceof JsonArray a) {
      DataType element = type.isArray() ? type.element() : DataType.TEXT;
      List<Object> out = new ArrayList<>(a.size());
      for (Object x : a) {
        out.add(x instanceof JsonArray ? javaValue(x, type, typmod)
            : javaValue(x, element, typmod));
      }
      return Collections.unmodifiableList(out);
    }
    if (json instanceof Number n) {
      return switch (type) {
        case INT2 -> n.shortValue();
        case INT4 -> n.intValue();
        case INT8, OID -> n.longValue();
        case FLOAT4 -> n.floatValue();
        case FLOAT8 -> n.doubleValue();
        case NUMERIC -> new BigDecimal(n.toString());
        default -> PgValues.fromText(n.toString(), type, typmod, ZoneOffset.UTC);
      };
    }
    if (json instanceof Boolean) {
      return json;
    }
    return PgValues.fromText(json.toString(), type, typmod, ZoneOffset.UTC);
  }

  public static JsonArray results(List<StatementResult> rs, MessageCatalog catalog, String lc) {
    JsonArray a = new JsonArray();
    rs.forEach(r -> a.add(result(r, catalog, lc)));
    return a;
  }
}
