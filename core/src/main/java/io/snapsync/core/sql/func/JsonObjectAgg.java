package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.Map;

/**
 * {@code json_object_agg(key, value)} and {@code jsonb_object_agg}: one object of every row's
 * key (as text) and value (as JSON); jsonb keeps the last value of a repeated key, json keeps
 * them all in input order (written {@code { "k" : v, ... }}).
 */
final class JsonObjectAgg implements AggregateFunction.Accumulator {

  private static final List<DataType> KEYS = List.of(DataType.TEXT, DataType.VARCHAR,
      DataType.BPCHAR, DataType.NAME, DataType.INT2, DataType.INT4, DataType.INT8,
      DataType.NUMERIC);

  private final DataType keyType;
  private final DataType valueType;
  private final boolean binary;
  private final EvalContext ctx;
  private Map<String, Object> object;
  private StringBuilder text;

  private JsonObjectAgg(DataType keyType, DataType valueType, boolean binary, EvalContext ctx) {
    this.keyType = keyType;
    this.valueType = valueType;
    this.binary = binary;
    this.ctx = ctx;
  }

  static void register(Registry r) {
    for (DataType k : KEYS) {
      for (DataType v : DataType.values()) {
        if (v != DataType.VOID) {
          r.add(new Agg("jsonb_object_agg", List.of(k, v), DataType.JSONB, false,
              c -> new JsonObjectAgg(k, v, true, c)));
          r.add(new Agg("json_object_agg", List.of(k, v), DataType.JSON, false,
              c -> new JsonObjectAgg(k, v, false, c)));
        }
      }
    }
  }

  @Override
  public void add(Object[] args) {
    if (args[0] == null) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "types.json_field_name_null");
    }
    String key = TextOut.of(args[0], keyType, ctx);
    Object value = JsonValues.toTree(args[1], valueType, binary, ctx);
    if (binary) {
      if (object == null) {
        object = JsonTree.newObject(true);
      }
      object.put(key, value);
      return;
    }
    text = text == null ? new StringBuilder("{ ") : text.append(", ");
    JsonTree.string(text, key);
    text.append(" : ").append(JsonTree.write(value));
  }

  @Override
  public Object result() {
    if (binary) {
      return object == null ? null : JsonTree.json(object, true);
    }
    return text == null ? null : new io.snapsync.core.sql.types.Json(text + " }", false);
  }
}
