package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.JSON;
import static io.snapsync.core.session.DataType.JSONB;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * json/jsonb operators ({@code -> ->> #> #>> @> <@ ? ?| ?& || -}) and functions
 * (jsonb_build_object/array, to_jsonb, jsonb_typeof, jsonb_array_length and the json variants).
 */
final class JsonFunctions {

  private JsonFunctions() {
  }

  static void register(Registry r) {
    for (DataType t : List.of(JSON, JSONB)) {
      boolean b = t == JSONB;
      r.add(Fn.of("->", t, (x, c) -> out(field(tree(x[0]), (String) x[1]), b), t, TEXT));
      r.add(Fn.of("->", t, (x, c) -> out(element(tree(x[0]), (Integer) x[1]), b), t, INT4));
      r.add(Fn.of("->>", TEXT, (x, c) -> text(field(tree(x[0]), (String) x[1])), t, TEXT));
      r.add(Fn.of("->>", TEXT, (x, c) -> text(element(tree(x[0]), (Integer) x[1])), t, INT4));
      r.add(Fn.of("#>", t, (x, c) -> out(path(tree(x[0]), x[1]), b), t, TEXT_ARRAY));
      r.add(Fn.of("#>>", TEXT, (x, c) -> text(path(tree(x[0]), x[1])), t, TEXT_ARRAY));
      String p = b ? "jsonb_" : "json_";
      r.add(Fn.of(p + "typeof", TEXT, (x, c) -> JsonTree.typeOf(tree(x[0])), t));
      r.add(Fn.of(p + "array_length", INT4, (x, c) -> arrayLength(tree(x[0])), t));
      r.template(p + "build_object", types -> types.size() % 2 != 0 ? Optional.empty()
          : Optional.of(new Fn(p + "build_object", types, t, false, false,
              (x, c) -> buildObject(x, types, b, c))));
      r.template(p + "build_array", types -> Optional.of(new Fn(p + "build_array", types, t,
          false, false, (x, c) -> {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
              l.add(JsonValues.toTree(x[i], types.get(i), b, c));
            }
            return JsonTree.json(l, b);
          })));
      for (DataType any : DataType.values()) {
        if (any != DataType.VOID) {
          r.add(Fn.of(b ? "to_jsonb" : "to_json", t, (x, c) -> JsonTree.json(
              JsonValues.toTree(x[0], any, b, c), b), any));
        }
      }
    }
    r.add(Fn.of("@>", BOOL, (x, c) -> JsonTree.contains(tree(x[0]), tree(x[1])), JSONB, JSONB),
        "jsonb_contains");
    r.add(Fn.of("jsonb_contained", BOOL, (x, c) -> JsonTree.contains(tree(x[1]), tree(x[0])),
        JSONB, JSONB));
    r.add(Fn.of("jsonb_exists", BOOL, (x, c) -> exists(tree(x[0]), (String) x[1]), JSONB, TEXT));
    r.add(Fn.of("jsonb_exists_any", BOOL, (x, c) -> keys(x[1]).stream()
        .anyMatch(k -> exists(tree(x[0]), k)), JSONB, TEXT_ARRAY));
    r.add(Fn.of("jsonb_exists_all", BOOL, (x, c) -> keys(x[1]).stream()
        .allMatch(k -> exists(tree(x[0]), k)), JSONB, TEXT_ARRAY));
    r.add(Fn.of("jsonb_concat", JSONB, (x, c) -> JsonTree.json(concat(tree(x[0]), tree(x[1])),
        true), JSONB, JSONB));
    r.add(Fn.of("<@", BOOL, (x, c) -> JsonTree.contains(tree(x[1]), tree(x[0])), JSONB, JSONB));
    r.add(Fn.of("?", BOOL, (x, c) -> exists(tree(x[0]), (String) x[1]), JSONB, TEXT));
    r.add(Fn.of("?|", BOOL, (x, c) -> keys(x[1]).stream().anyMatch(k -> exists(tree(x[0]), k)),
        JSONB, TEXT_ARRAY));
    r.add(Fn.of("?&", BOOL, (x, c) -> keys(x[1]).stream().allMatch(k -> exists(tree(x[0]), k)),
        JSONB, TEXT_ARRAY));
    r.add(Fn.of("||", JSONB, (x, c) -> JsonTree.json(concat(tree(x[0]), tree(x[1])), true),
        JSONB, JSONB));
    r.add(Fn.of("-", JSONB, (x, c) -> JsonTree.json(minusKey(tree(x[0]), (String) x[1]), true),
        JSONB, TEXT));
  }

  static Object tree(Object json) {
    return JsonTree.parse((Json) json);
  }

  private static Json out(Object tree, boolean binary) {
    return tree == null ? null : JsonTree.json(tree, binary);
  }

  /** {@code ->>}: strings unquoted, JSON null as SQL NULL, anything else as JSON text. */
  static String text(Object tree) {
    if (tree == null || tree == JsonTree.NULL) {
      return null;
    }
    return tree instanceof String s ? s : JsonTree.write(tree);
  }

  private static Object field(Object tree, String key) {
    return tree instanceof Map<?, ?> m ? m.get(key) : null;
  }

  private static Object element(Object tree, int i) {
    if (!(tree instanceof List<?> l)) {
      return null;
    }
    int at = i < 0 ? l.size() + i : i;
    return at >= 0 && at < l.size() ? l.get(at) : null;
  }

  static Object path(Object tree, Object path) {
    Object cur = tree;
    for (Object step : (List<?>) path) {
      if (step == null) {
        return null;
      }
      if (cur instanceof Map<?, ?> m) {
        cur = m.get((String) step);
      } else if (cur instanceof List<?>) {
        try {
          cur = element(cur, Integer.parseInt(((String) step).trim()));
        } catch (NumberFormatException e) {
          return null;
        }
      } else {
        return null;
      }
    }
    return cur;
  }

  private static Object arrayLength(Object tree) {
    if (tree instanceof List<?> l) {
      return l.size();
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        tree instanceof Map ? "functions.json_array_length_object"
            : "functions.json_array_length_scalar");
  }

  private static Json buildObject(Object[] x, List<DataType> types, boolean binary,
      EvalContext c) {
    Map<String, Object> m = JsonTree.newObject(binary);
    for (int i = 0; i < x.length; i += 2) {
      if (x[i] == null) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "functions.json_null_key", i + 1);
      }
      m.put(TextOut.of(x[i], types.get(i), c), JsonValues.toTree(x[i + 1], types.get(i + 1),
          binary, c));
    }
    if (binary) {
      return JsonTree.json(m, true);
    }
    StringBuilder text = new StringBuilder("{");
    m.forEach((k, v) -> {
      text.append(text.length() > 1 ? ", " : "");
      JsonTree.string(text, k);
      text.append(" : ").append(JsonTree.write(v));
    });
    return new Json(text.append('}').toString(), false);
  }

  private static boolean exists(Object tree, String key) {
    if (tree instanceof Map<?, ?> m) {
      return m.containsKey(key);
    }
    if (tree instanceof List<?> l) {
      return l.contains(key);
    }
    return key.equals(tree);
  }

  @SuppressWarnings("unchecked")
  private static List<String> keys(Object arr) {
    List<String> ks = new ArrayList<>();
    for (Object k : (List<Object>) arr) {
      if (k != null) {
        ks.add((String) k);
      }
    }
    return ks;
  }

  private static Object concat(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      Map<String, Object> m = JsonTree.newObject(true);
      ma.forEach((k, v) -> m.put((String) k, v));
      mb.forEach((k, v) -> m.put((String) k, v));
      return m;
    }
    List<Object> l = new ArrayList<>();
    addAll(l, a);
    addAll(l, b);
    return l;
  }

  private static void addAll(List<Object> l, Object v) {
    if (v instanceof List<?> x) {
      l.addAll(x);
    } else {
      l.add(v);
    }
  }

  private static Object minusKey(Object tree, String key) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> r = JsonTree.newObject(true);
      m.forEach((k, v) -> {
        if (!k.equals(key)) {
          r.put((String) k, v);
        }
      });
      return r;
    }
    if (tree instanceof List<?> l) {
      return l.stream().filter(e -> !key.equals(e)).toList();
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "functions.json_delete_scalar");
  }
}
