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
            (tree, ctx) -> each(each, tree, binary, text))));
        String elements = p + "_array_elements" + suffix;
        out.add(new Srf(elements, Srf.Kind.OUT, (args, d) -> one(args, type, List.of(
            new Column("value", value)), (tree, ctx) -> elements(tree, binary, text))));
      }
      String keys = p + "_object_keys";
      out.add(new Srf(keys, Srf.Kind.BASE, (args, d) -> one(args, type, List.of(
          new Column(keys, DataType.TEXT)), (tree, ctx) -> keys(keys, tree))));
      for (boolean set : new boolean[] {false, true}) {
        String name = p + "_to_record" + (set ? "set" : "");
        out.add(new Srf(name, Srf.Kind.RECORD, (args, d) -> one(args, type, d,
            (tree, ctx) -> records(name, tree, set, d, ctx))));
      }
    }
    return out;
  }

  private interface Producer {
    List<Object[]> rows(Object tree, CallContext ctx);
  }

  private static Optional<SetReturningFunction.Bound> one(List<DataType> args, DataType type,
      List<Column> cols, Producer p) {
    if (args.size() != 1 || !Srf.fits(args.get(0), type)) {
      return Optional.empty();
    }
    return Optional.of(Srf.bound(List.of(type), cols,
        (a, ctx) -> RowSource.of(p.rows(SrfSupport.tree((Json) a[0]), ctx))));
  }

  private static Object value(Object v, boolean binary, boolean text) {
    return text ? SrfSupport.text(v) : SrfSupport.json(v, binary);
  }

  private static List<Object[]> each(String fn, Object tree, boolean binary, boolean text) {
    if (!(tree instanceof Map<?, ?> m)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "engine.srf.json_not_object", fn);
    }
    List<Object[]> rows = new ArrayList<>();
    m.forEach((k, v) -> rows.add(new Object[] {k, value(v, binary, text)}));
    return rows;
  }

  private static List<Object[]> elements(Object tree, boolean binary, boolean text) {
    if (!(tree instanceof List<?> l)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, tree instanceof Map
          ? "engine.srf.json_elements_object" : "engine.srf.json_elements_scalar");
    }
    List<Object[]> rows = new ArrayList<>();
    l.forEach(v -> rows.add(new Object[] {value(v, binary, text)}));
    return rows;
  }

  private static List<Object[]> keys(String fn, Object tree) {
    if (!(tree instanceof Map<?, ?> m)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, tree instanceof List
          ? "engine.srf.json_keys_array" : "engine.srf.json_keys_scalar", fn);
    }
    List<Object[]> rows = new ArrayList<>();
    m.keySet().forEach(k -> rows.add(new Object[] {k}));
    return rows;
  }

  private static List<Object[]> records(String fn, Object tree, boolean set, List<Column> cols,
      CallContext ctx) {
    List<Object[]> rows = new ArrayList<>();
    if (!set) {
      if (!(tree instanceof Map<?, ?> m)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "engine.srf.json_record_not_object", fn);
      }
      rows.add(record(m, cols, ctx));
      return rows;
    }
    if (!(tree instanceof List<?> l)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "engine.srf.json_recordset_not_array", fn);
    }
    for (Object e : l) {
      if (!(e instanceof Map<?, ?> m)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "engine.srf.json_recordset_element", fn);
      }
      rows.add(record(m, cols, ctx));
    }
    return rows;
  }

  private static Object[] record(Map<?, ?> m, List<Column> cols, CallContext ctx) {
    Object[] row = new Object[cols.size()];
    for (int i = 0; i < row.length; i++) {
      Column c = cols.get(i);
      Object v = m.get(c.name());
      if (v == null || SrfSupport.isNull(v) && c.type() != DataType.JSON
          && c.type() != DataType.JSONB) {
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
