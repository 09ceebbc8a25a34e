package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A user-defined function or procedure as stored in the catalog (PostgreSQL's {@code pg_proc}
 * row): name, parameters, result, language and body text. Immutable.
 *
 * @param id the routine's oid
 * @param kind {@code 'f'} function, {@code 'p'} procedure
 * @param returnType the result type ({@code VOID} for procedures and {@code RETURNS void}),
 *     null for {@code RETURNS trigger}
 * @param returnsSet true for {@code RETURNS SETOF} and {@code RETURNS TABLE}
 * @param language {@code sql} or {@code plpgsql}
 * @param body the source text ({@code prosrc}); for {@code RETURN expr} {@code SELECT expr}
 * @param volatility {@code 'i'}, {@code 's'} or {@code 'v'}
 */
public record RoutineDef(long id, String name, char kind, List<Param> params,
    DataType returnType, int returnTypmod, boolean returnsSet, String language, String body,
    char volatility, boolean strict, String owner) {

  /**
   * One parameter: {@code mode} is {@code 'i'} (IN), {@code 'o'} (OUT), {@code 'b'} (INOUT),
   * {@code 'v'} (VARIADIC) or {@code 't'} (a column of {@code RETURNS TABLE}).
   */
  public record Param(String name, DataType type, int typmod, String defaultExpr, char mode) {
  }

  public RoutineDef {
    params = List.copyOf(params);
  }

  /** The input parameters (IN, INOUT, VARIADIC): what a call passes. */
  public List<Param> inputs() {
    return params.stream().filter(p -> p.mode() != 'o' && p.mode() != 't').toList();
  }

  /** The output parameters (OUT, INOUT, TABLE columns): the columns of a row result. */
  public List<Param> outputs() {
    return params.stream().filter(p -> p.mode() == 'o' || p.mode() == 'b' || p.mode() == 't')
        .toList();
  }

  /**
   * The columns a call in FROM gives: the output parameters, or one column named after the
   * function of its result type.
   */
  public List<io.snapsync.core.session.Column> resultColumns() {
    List<Param> out = outputs();
    if (out.isEmpty()) {
      DataType t = returnType == null ? DataType.TEXT : returnType;
      return List.of(new io.snapsync.core.session.Column(name, t, returnTypmod));
    }
    return out.stream().map(p -> new io.snapsync.core.session.Column(
        p.name() == null ? "column" + (out.indexOf(p) + 1) : p.name(), p.type(), p.typmod()))
        .toList();
  }

  /** The input parameter types: with the name, what tells overloads apart. */
  public List<DataType> inputTypes() {
    return inputs().stream().map(Param::type).toList();
  }

  /** How many trailing inputs have defaults. */
  public int defaults() {
    int n = 0;
    List<Param> in = inputs();
    for (int i = in.size() - 1; i >= 0 && in.get(i).defaultExpr() != null; i--) {
      n++;
    }
    return n;
  }

  /** True for {@code RETURNS trigger}. */
  public boolean isTrigger() {
    return returnType == null && kind == 'f';
  }

  /** PostgreSQL's signature text: {@code name(integer, text)}. */
  public String signature() {
    return name + "(" + String.join(", ", inputTypes().stream().map(DataType::sqlName).toList())
        + ")";
  }

  public RoutineDef renamed(String newName) {
    return new RoutineDef(id, newName, kind, params, returnType, returnTypmod, returnsSet,
        language, body, volatility, strict, owner);
  }

  public RoutineDef withOwner(String newOwner) {
    return new RoutineDef(id, name, kind, params, returnType, returnTypmod, returnsSet,
        language, body, volatility, strict, newOwner);
  }

  public RoutineDef withId(long newId) {
    return new RoutineDef(newId, name, kind, params, returnType, returnTypmod, returnsSet,
        language, body, volatility, strict, owner);
  }

  byte[] toBytes() {
    JsonArray ps = new JsonArray();
    for (Param p : params) {
      JsonObject j = new JsonObject().put("type", p.type().name()).put("typmod", p.typmod())
          .put("mode", String.valueOf(p.mode()));
      if (p.name() != null) {
        j.put("name", p.name());
      }
      if (p.defaultExpr() != null) {
        j.put("default", p.defaultExpr());
      }
      ps.add(j);
    }
    JsonObject j = new JsonObject().put("id", id).put("name", name)
        .put("kind", String.valueOf(kind)).put("params", ps).put("typmod", returnTypmod)
        .put("set", returnsSet).put("language", language).put("body", body)
        .put("volatility", String.valueOf(volatility)).put("strict", strict);
    if (returnType != null) {
      j.put("returns", returnType.name());
    }
    if (owner != null) {
      j.put("owner", owner);
    }
    return j.toBuffer().getBytes();
  }

  static RoutineDef fromBytes(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    List<Param> ps = new ArrayList<>();
    for (Object o : j.getJsonArray("params")) {
      JsonObject p = (JsonObject) o;
      ps.add(new Param(p.getString("name"), DataType.valueOf(p.getString("type")),
          p.getInteger("typmod", -1), p.getString("default"), p.getString("mode").charAt(0)));
    }
    String ret = j.getString("returns");
    return new RoutineDef(j.getLong("id"), j.getString("name"), j.getString("kind").charAt(0),
        ps, ret == null ? null : DataType.valueOf(ret), j.getInteger("typmod", -1),
        j.getBoolean("set", false), j.getString("language"), j.getString("body"),
        j.getString("volatility").charAt(0), j.getBoolean("strict", false), j.getString("owner"));
  }
}
