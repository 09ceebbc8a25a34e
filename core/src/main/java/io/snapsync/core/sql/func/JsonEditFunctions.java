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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * jsonb's editing functions: {@code jsonb_set}, {@code jsonb_insert}, {@code #-},
 * {@code json(b)_strip_nulls}, {@code jsonb_pretty} and {@code json(b)_extract_path(_text)}.
 * Trees are never changed in place: the path to an edit is copied.
 */
final class JsonEditFunctions {

  private JsonEditFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("jsonb_set", JSONB, (x, c) -> set(x, true), JSONB, TEXT_ARRAY, JSONB));
    r.add(Fn.of("jsonb_set", JSONB, (x, c) -> set(x, (Boolean) x[3]), JSONB, TEXT_ARRAY, JSONB,
        BOOL));
    r.add(Fn.of("jsonb_insert", JSONB, (x, c) -> insert(x, false), JSONB, TEXT_ARRAY, JSONB));
    r.add(Fn.of("jsonb_insert", JSONB, (x, c) -> insert(x, (Boolean) x[3]), JSONB, TEXT_ARRAY,
        JSONB, BOOL));
    r.add(Fn.of("#-", JSONB, (x, c) -> deletePath(x), JSONB, TEXT_ARRAY));
    r.add(Fn.of("jsonb_delete_path", JSONB, (x, c) -> deletePath(x), JSONB, TEXT_ARRAY));
    r.add(Fn.of("-", JSONB, (x, c) -> deleteIndex(tree(x[0]), (Integer) x[1]), JSONB, INT4));
    r.add(Fn.of("-", JSONB, (x, c) -> deleteKeys(tree(x[0]), keys(x[1])), JSONB, TEXT_ARRAY));
    r.add(Fn.of("jsonb_delete", JSONB, (x, c) -> deleteKeys(tree(x[0]), keys(x[1])), JSONB,
        TEXT_ARRAY));
    r.add(Fn.of("jsonb_delete", JSONB, (x, c) -> deleteKeys(tree(x[0]), List.of(x[1])), JSONB,
        TEXT));
    r.add(Fn.of("jsonb_strip_nulls", JSONB, (x, c) -> JsonTree.json(strip(tree(x[0]), true),
        true), JSONB));
    r.add(Fn.of("json_strip_nulls", JSON, (x, c) -> JsonTree.json(strip(tree(x[0]), false),
        false), JSON));
    r.add(Fn.of("jsonb_pretty", TEXT, (x, c) -> JsonPretty.of(tree(x[0])), JSONB));
    for (DataType t : List.of(JSON, JSONB)) {
      String p = t == JSONB ? "jsonb_" : "json_";
      r.template(p + "extract_path", types -> path(p + "extract_path", types, t, false));
      r.template(p + "extract_path_text", types -> path(p + "extract_path_text", types, t,
          true));
    }
  }

  private static Object tree(Object json) {
    return JsonFunctions.tree(json);
  }

  private static Optional<ScalarFunction> path(String name, List<DataType> types, DataType t,
      boolean text) {
    if (types.isEmpty() || types.get(0) != t && types.get(0) != DataType.UNKNOWN) {
      return Optional.empty();
    }
    List<DataType> decl = new ArrayList<>();
    decl.add(t);
    for (int i = 1; i < types.size(); i++) {
      decl.add(TEXT);
    }
    return Optional.of(new Fn(name, decl, text ? TEXT : t, false, false, (x, c) -> {
      if (x[0] == null) {
        return null;
      }
      List<Object> keys = new ArrayList<>();
      for (int i = 1; i < x.length; i++) {
        keys.add(x[i]);
      }
      Object found = JsonFunctions.path(tree(x[0]), keys);
      return text ? JsonFunctions.text(found)
          : found == null ? null : JsonTree.json(found, t == JSONB);
    }));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> keys(Object arr) {
    return (List<Object>) arr;
  }

  private static Object set(Object[] x, boolean create) {
    Object target = tree(x[0]);
    List<Object> path = keys(x[1]);
    if (target instanceof Map || target instanceof List) {
      checkNoNulls(path);
      return JsonTree.json(edit(target, path, 0, tree(x[2]), create ? Mode.SET_CREATE
          : Mode.SET), true);
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "types.json_set_scalar");
  }

  private static Object insert(Object[] x, boolean after) {
    Object target = tree(x[0]);
    List<Object> path = keys(x[1]);
    if (target instanceof Map || target instanceof List) {
      checkNoNulls(path);
      return JsonTree.json(edit(target, path, 0, tree(x[2]), after ? Mode.INSERT_AFTER
          : Mode.INSERT_BEFORE), true);
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "types.json_set_scalar");
  }

  private static Object deletePath(Object[] x) {
    Object target = tree(x[0]);
    List<Object> path = keys(x[1]);
    if (!(target instanceof Map || target instanceof List)) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "types.json_delete_path_scalar");
    }
    checkNoNulls(path);
    return JsonTree.json(path.isEmpty() ? target : edit(target, path, 0, null, Mode.DELETE),
        true);
  }

  private static Object deleteIndex(Object node, int i) {
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l);
      int at = i < 0 ? out.size() + i : i;
      if (at >= 0 && at < out.size()) {
        out.remove(at);
      }
      return JsonTree.json(out, true);
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        node instanceof Map ? "types.json_delete_index_object" : "functions.json_delete_scalar");
  }

  private static Object deleteKeys(Object node, List<Object> keys) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = JsonTree.newObject(true);
      m.forEach((k, v) -> {
        if (!keys.contains(k)) {
          out.put((String) k, v);
        }
      });
      return JsonTree.json(out, true);
    }
    if (node instanceof List<?> l) {
      return JsonTree.json(l.stream().filter(e -> !(e instanceof String && keys.contains(e)))
          .toList(), true);
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "functions.json_delete_scalar");
  }

  private static void checkNoNulls(List<Object> path) {
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) == null) {
        throw SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED, "types.json_path_null",
            i + 1);
      }
    }
  }

  private enum Mode { SET, SET_CREATE, INSERT_BEFORE, INSERT_AFTER, DELETE }

  /** {@code node} with the edit applied at {@code path[depth..]}; unchanged where it is absent. */
  private static Object edit(Object node, List<Object> path, int depth, Object value, Mode mode) {
    if (depth >= path.size()) {
      return node;
    }
    String key = (String) path.get(depth);
    boolean last = depth == path.size() - 1;
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = JsonTree.newObject(true);
      m.forEach((k, v) -> out.put((String) k, v));
      if (!last) {
        if (out.containsKey(key)) {
          out.put(key, edit(out.get(key), path, depth + 1, value, mode));
        }
        return out;
      }
      switch (mode) {
        case DELETE -> out.remove(key);
        case SET -> {
          if (out.containsKey(key)) {
            out.put(key, value);
          }
        }
        case SET_CREATE -> out.put(key, value);
        default -> {
          if (out.containsKey(key)) {
            throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
                "types.json_insert_existing_key").withHint("types.json_insert_existing_key.hint");
          }
          out.put(key, value);
        }
      }
      return out;
    }
    if (node instanceof List<?> l) {
      int i;
      try {
        i = Integer.parseInt(key.trim());
      } catch (NumberFormatException e) {
        if (mode == Mode.DELETE && !last) {
          return node;
        }
        throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
            "types.json_path_not_integer", depth + 1, key);
      }
      List<Object> out = new ArrayList<>(l);
      int at = i < 0 ? out.size() + i : i;
      if (!last) {
        if (at >= 0 && at < out.size()) {
          out.set(at, edit(out.get(at), path, depth + 1, value, mode));
        }
        return out;
      }
      switch (mode) {
        case DELETE -> {
          if (at >= 0 && at < out.size()) {
            out.remove(at);
          }
        }
        case SET, SET_CREATE -> {
          if (at >= 0 && at < out.size()) {
            out.set(at, value);
          } else if (mode == Mode.SET_CREATE) {
            out.add(at < 0 ? 0 : out.size(), value);
          }
        }
        default -> {
          int pos = at < 0 ? 0 : Math.min(at + (mode == Mode.INSERT_AFTER ? 1 : 0), out.size());
          out.add(pos, value);
        }
      }
      return out;
    }
    return node;
  }

  private static Object strip(Object node, boolean binary) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = JsonTree.newObject(binary);
      m.forEach((k, v) -> {
        if (v != JsonTree.NULL) {
          out.put((String) k, strip(v, binary));
        }
      });
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object v : l) {
        out.add(strip(v, binary));
      }
      return out;
    }
    return node;
  }
}
