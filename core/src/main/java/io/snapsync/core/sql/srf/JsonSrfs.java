package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.SrfSupport;
import io.snapsync.core.sql.types.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The json and jsonb set-returning functions: {@code *_each[_text]},
 * {@code *_array_elements[_text]}, {@code *_object_keys} and {@code *_to_record[set]} (with a
 * column definition list), for both json and jsonb, over the trees of
 * {@link SrfSupport}. A value of the wrong shape is 22023 with PostgreSQL's message.
 */
final class JsonSrfs {

  private JsonSrfs() {
  }

  static List<SetReturningFunction> all() {
    List<SetReturningFunction> out = new ArrayList<>();
    for (boolean binary : new boolean[] {true, false}) {
      String p = binary ? "jsonb" : "json";
      DataType type = binary ? DataType.JSONB : DataType.JSON;
      for (boolean text : new boolean[] {false, true}) {
        String suffix = text ? "_text" : "";
        DataType value = text ? DataType.TEXT : type;
        String each = p + "_each" + suffix;
        out.add(new Srf(each, Srf.Kind.OUT, (args, d) -> one(args, type, List.of(
            new Column("key", DataType.TEXT), new Column("value", value)),
            (j, tree, ctx) -> each(each, j, tree, binary, text))));
        String elements = p + "_array_elements" + suffix;
        out.add(new Srf(elements, Srf.Kind.OUT, (args, d) -> one(args, type, List.of(
            new Column("value", value)), (j, tree, ctx) -> elements(j, tree, binary, text))));
      }
      String keys = p + "_object_keys";
      out.add(new Srf(keys, Srf.Kind.BASE, (args, d) -> one(args, type, List.of(
          new Column(keys, DataType.TEXT)), (j, tree, ctx) -> keys(keys, j, tree))));
      for (boolean set : new boolean[] {false, true}) {
        String name = p + "_to_record" + (set ? "set" : "");
        out.add(new Srf(name, Srf.Kind.RECORD, (args, d) -> one(args, type, d,
            (j, tree, ctx) -> records(name, j, tree, set, d, ctx))));
      }
    }
    return out;
  }

  /** The rows for json value {@code j}, its tree {@code tree}. */
  private interface Producer {
    List<Object[]> rows(Json j, Object tree, CallContext ctx);
  }

  private static Optional<SetReturningFunction.Bound> one(List<DataType> args, DataType type,
      List<Column> cols, Producer p) {
    if (args.size() != 1 || !Srf.fits(args.get(0), type)) {
      return Optional.empty();
    }
    return Optional.of(Srf.bound(List.of(type), cols,
        (a, ctx) -> RowSource.of(p.rows((Json) a[0], SrfSupport.tree((Json) a[0]), ctx))));
  }

  private static Object value(Object v, boolean binary, boolean text) {
    return text ? SrfSupport.text(v) : SrfSupport.json(v, binary);
  }

  private static List<Object[]> each(String fn, Json j, Object tree, boolean binary,
      boolean text) {
    if (!(tree instanceof Map<?, ?> m)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "engine.srf.json_not_object", fn);
    }
    List<Object[]> rows = new ArrayList<>();
    if (!binary) {
      JsonRaw.members(j.text()).forEach(r -> rows.add(new Object[] {r.key(), raw(r, text)}));
      return rows;
    }
    m.forEach((k, v) -> rows.add(new Object[] {k, value(v, binary, text)}));
    return rows;
  }

  private static List<Object[]> elements(Json j, Object tree, boolean binary, boolean text) {
    if (!(tree instanceof List<?> l)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, tree instanceof Map
          ? "engine.srf.json_elements_object" : "engine.srf.json_elements_scalar");
    }
    List<Object[]> rows = new ArrayList<>();
    if (!binary) {
      JsonRaw.members(j.text()).forEach(r -> rows.add(new Object[] {raw(r, text)}));
      return rows;
    }
    l.forEach(v -> rows.add(new Object[] {value(v, binary, text)}));
    return rows;
  }

  private static Object raw(JsonRaw.Member m, boolean text) {
    return text ? JsonRaw.text(m.raw()) : new Json(m.raw(), false);
  }

  private static List<Object[]> keys(String fn, Json j, Object tree) {
    if (!(tree instanceof Map<?, ?> m)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, tree instanceof List
          ? "engine.srf.json_keys_array" : "engine.srf.json_keys_scalar", fn);
    }
    List<Object[]> rows = new ArrayList<>();
    if (!j.binary()) {
      JsonRaw.members(j.text()).forEach(r -> rows.add(new Object[] {r.key()}));
      return rows;
    }
    m.keySet().forEach(k -> rows.add(new Object[] {k}));
    return rows;
  }

  private static List<Object[]> records(String fn, Json j, Object tree, boolean set,
      List<Column> cols, CallContext ctx) {
    List<Object[]> rows = new ArrayList<>();
    if (!set) {
      if (!(tree instanceof Map<?, ?> m)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, tree instanceof List
            ? "engine.srf.json_record_array" : "engine.srf.json_record_scalar");
      }
      rows.add(j.binary() ? record(m, cols, ctx) : record(rawObject(j.text()), cols, ctx));
      return rows;
    }
    if (!(tree instanceof List<?> l)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "engine.srf.json_recordset_not_array", fn);
    }
    List<JsonRaw.Member> raw = j.binary() ? null : JsonRaw.members(j.text());
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof Map<?, ?> m)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "engine.srf.json_recordset_element", fn);
      }
      rows.add(raw == null ? record(m, cols, ctx) : record(rawObject(raw.get(i).raw()), cols, ctx));
    }
    return rows;
  }

  /** A json object's members as written, each value a raw json text (the last of a key wins). */
  private static Map<String, Object> rawObject(String text) {
    Map<String, Object> m = new java.util.HashMap<>();
    JsonRaw.members(text).forEach(r -> m.put(r.key(), new RawValue(r.raw())));
    return m;
  }

  private record RawValue(String raw) {
  }

  private static Object[] record(Map<?, ?> m, List<Column> cols, CallContext ctx) {
    Object[] row = new Object[cols.size()];
    for (int i = 0; i < row.length; i++) {
      Column c = cols.get(i);
      Object v = m.get(c.name());
      if (v instanceof RawValue r) {
        if (r.raw().equals("null")) {
          continue;
        }
        if (c.type() == DataType.JSON || c.type() == DataType.JSONB) {
          row[i] = c.type() == DataType.JSON ? new Json(r.raw(), false)
              : SrfSupport.json(SrfSupport.tree(new Json(r.raw(), true)), true);
        } else if (JsonRaw.text(r.raw()) != null) {
          row[i] = ValueOps.cast(JsonRaw.text(r.raw()), DataType.TEXT, c.type(), c.typmod(),
              ctx.eval().timeZone());
        }
        continue;
      }
      if (v == null || SrfSupport.isNull(v)) {
        continue;
      }
      if (c.type() == DataType.JSON || c.type() == DataType.JSONB) {
        row[i] = SrfSupport.json(v, c.type() == DataType.JSONB);
      } else {
        row[i] = ValueOps.cast(SrfSupport.text(v), DataType.TEXT, c.type(), c.typmod(),
            ctx.eval().timeZone());
      }
    }
    return row;
  }
}
