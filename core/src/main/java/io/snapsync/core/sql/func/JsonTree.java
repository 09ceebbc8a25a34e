package io.snapsync.core.sql.func;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.types.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * json/jsonb values as trees for the json functions: {@code Map} (jsonb: keys ordered by length
 * then text, as PostgreSQL stores them; json: as written), {@code List}, {@code String},
 * {@code BigDecimal}, {@code Boolean} and {@link #NULL}; written back in jsonb's output style.
 */
final class JsonTree {

  /** JSON {@code null} (a Java null is SQL NULL). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  static final Comparator<String> KEY_ORDER = (a, b) -> {
    byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return x.length != y.length ? Integer.compare(x.length, y.length)
        : java.util.Arrays.compareUnsigned(x, y);
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {
  }

  static Object parse(Json j) {
    return parse(j.text(), j.binary());
  }

  static Object parse(String text, boolean binary) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      Object v = value(p, t, binary);
      if (p.nextToken() != null) {
        throw invalid(binary);
      }
      return v;
    } catch (IOException e) {
      throw invalid(binary);
    }
  }

  private static SnapsyncException invalid(boolean binary) {
    return SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
        "functions.invalid_json", binary ? "jsonb" : "json");
  }

  private static Object value(JsonParser p, JsonToken t, boolean binary) throws IOException {
    if (t == null) {
      throw invalid(binary);
    }
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = newObject(binary);
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String key = p.currentName();
          m.put(key, value(p, p.nextToken(), binary));
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          l.add(value(p, e, binary));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(new BigDecimal(p.getText()));
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> NULL;
      default -> throw invalid(binary);
    };
  }

  static BigDecimal number(BigDecimal n) {
    return n.scale() < 0 ? n.setScale(0) : n;
  }

  static Map<String, Object> newObject(boolean binary) {
    return binary ? new TreeMap<>(KEY_ORDER) : new LinkedHashMap<>();
  }

  static Json json(Object tree, boolean binary) {
    return new Json(write(tree), binary);
  }

  static String write(Object tree) {
    StringBuilder b = new StringBuilder();
    write(b, tree);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(first ? "" : ", ");
        string(b, (String) e.getKey());
        b.append(": ");
        write(b, e.getValue());
        first = false;
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        b.append(i == 0 ? "" : ", ");
        write(b, l.get(i));
      }
      b.append(']');
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof BigDecimal d) {
      b.append(d.toPlainString());
    } else {
      b.append(v);
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    b.append('"');
  }

  /** PostgreSQL's jsonb_typeof names. */
  static String typeOf(Object v) {
    return v instanceof Map ? "object" : v instanceof List ? "array" : v instanceof String
        ? "string" : v instanceof BigDecimal ? "number" : v instanceof Boolean ? "boolean"
        : "null";
  }

  /** jsonb containment ({@code @>}): PostgreSQL's rules, arrays as multisets. */
  static boolean contains(Object a, Object b) {
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      for (Map.Entry<?, ?> e : mb.entrySet()) {
        if (!ma.containsKey(e.getKey()) || !contains(ma.get(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      for (Object eb : lb) {
        boolean found = false;
        for (Object ea : la) {
          if (contains(ea, eb)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> la && !(b instanceof Map) && !(b instanceof List)) {
      return la.stream().anyMatch(e -> scalarEquals(e, b));
    }
    return scalarEquals(a, b);
  }

  private static boolean scalarEquals(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return a == b || a != null && a.equals(b) && !(a instanceof Map) && !(a instanceof List);
  }
}
