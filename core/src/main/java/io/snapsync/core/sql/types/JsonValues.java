package io.snapsync.core.sql.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * json and jsonb: json is validated and kept as written; jsonb is normalized as PostgreSQL
 * stores it (object keys ordered by length then bytes, the last of duplicate keys wins,
 * numbers as numeric, output spacing {@code {"a": 1, "b": [1, 2]}}). Trees are Java values:
 * {@code Map} (sorted), {@code List}, {@code String}, {@code BigDecimal}, {@code Boolean} and
 * {@link #NULL}.
 */
final class JsonValues {

  /** JSON {@code null} in a tree. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** jsonb key order: shorter keys first, then bytewise. */
  static final Comparator<String> KEY_ORDER = (a, b) -> {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return x.length != y.length ? Integer.compare(x.length, y.length)
        : Arrays.compareUnsigned(x, y);
  };

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {
  }

  static Json parse(String text, boolean binary) {
    Object tree = tree(text, "json");
    return binary ? new Json(write(tree), true) : new Json(text, false);
  }

  /** The tree of a JSON text; 22P02 {@code invalid input syntax for type json}. */
  static Object tree(String text, String typeName) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw TypeErrors.invalidJson(typeName, "").withDetail("types.invalid_json.end");
      }
      Object v = value(p, t);
      if (p.nextToken() != null) {
        throw TypeErrors.invalidJson(typeName, p.getText());
      }
      return v;
    } catch (JsonProcessingException e) {
      String token = e.getOriginalMessage();
      boolean end = token != null && token.contains("end-of-input");
      var err = TypeErrors.invalidJson(typeName, tokenAt(text, e));
      throw end ? err.withDetail("types.invalid_json.end") : err;
    } catch (IOException e) {
      throw TypeErrors.invalidJson(typeName, "");
    }
  }

  private static String tokenAt(String text, JsonProcessingException e) {
    if (e.getLocation() == null) {
      return "";
    }
    int at = (int) Math.max(0, Math.min(text.length(), e.getLocation().getCharOffset() - 1));
    int end = at;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))
        && ",:{}[]".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return end == at && at < text.length() ? text.substring(at, at + 1)
        : text.substring(at, end);
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new TreeMap<>(KEY_ORDER);
        JsonToken k;
        while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.getCurrentName();
          m.put(key, value(p, p.nextToken()));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
          l.add(value(p, e));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: {
        BigDecimal d = new BigDecimal(p.getText());
        return d.scale() < 0 ? d.setScale(0) : d;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new IOException("unexpected token " + t);
    }
  }

  /** PostgreSQL's jsonb output text of a tree. */
  static String write(Object tree) {
    StringBuilder sb = new StringBuilder();
    write(sb, tree);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Object v) {
    if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        string(sb, e.getKey());
        sb.append(": ");
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, l.get(i));
      }
      sb.append(']');
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else {
      sb.append("null");
    }
  }

  /** PostgreSQL's {@code escape_json}. */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** jsonb order: null &lt; string &lt; number &lt; boolean &lt; array &lt; object (roughly PostgreSQL's). */
  @SuppressWarnings("unchecked")
  static int compare(Object a, Object b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    switch (ra) {
      case 1:
        return CharTypes.compare((String) a, (String) b);
      case 2:
        return ((BigDecimal) a).compareTo((BigDecimal) b);
      case 3:
        return Boolean.compare((Boolean) a, (Boolean) b);
      case 4: {
        List<Object> x = (List<Object>) a;
        List<Object> y = (List<Object>) b;
        if (x.size() != y.size()) {
          return Integer.compare(x.size(), y.size());
        }
        for (int i = 0; i < x.size(); i++) {
          int c = compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      }
      case 5: {
        Map<String, Object> x = (Map<String, Object>) a;
        Map<String, Object> y = (Map<String, Object>) b;
        if (x.size() != y.size()) {
          return Integer.compare(x.size(), y.size());
        }
        var ix = x.entrySet().iterator();
        var iy = y.entrySet().iterator();
        while (ix.hasNext()) {
          var ex = ix.next();
          var ey = iy.next();
          int c = KEY_ORDER.compare(ex.getKey(), ey.getKey());
          if (c == 0) {
            c = compare(ex.getValue(), ey.getValue());
          }
          if (c != 0) {
            return c;
          }
        }
        return 0;
      }
      default:
        return 0;
    }
  }

  private static int rank(Object v) {
    if (v instanceof String) {
      return 1;
    }
    if (v instanceof BigDecimal) {
      return 2;
    }
    if (v instanceof Boolean) {
      return 3;
    }
    if (v instanceof List) {
      return 4;
    }
    if (v instanceof Map) {
      return 5;
    }
    return 0;
  }

  /** A hash consistent with {@link #compare} (numbers without trailing zeros). */
  @SuppressWarnings("unchecked")
  static int hash(Object v) {
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
    }
    if (v instanceof List<?> l) {
      int h = 1;
      for (Object x : l) {
        h = 31 * h + hash(x);
      }
      return h;
    }
    if (v instanceof Map<?, ?> m) {
      int h = 7;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        h = 31 * h + e.getKey().hashCode() * 17 + hash(e.getValue());
      }
      return h;
    }
    return v == NULL ? 3 : v.hashCode();
  }
}
