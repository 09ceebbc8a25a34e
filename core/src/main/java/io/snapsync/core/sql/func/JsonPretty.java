package io.snapsync.core.sql.func;

import java.util.List;
import java.util.Map;

/** {@code jsonb_pretty}: PostgreSQL's indented layout (four spaces a level). */
final class JsonPretty {

  private JsonPretty() {
  }

  static String of(Object tree) {
    StringBuilder b = new StringBuilder();
    write(b, tree, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, int level) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{\n").append(indent(level)).append('}');
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(indent(level + 1));
        JsonTree.string(b, (String) e.getKey());
        b.append(": ");
        write(b, e.getValue(), level + 1);
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      b.append(indent(level)).append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        b.append("[\n").append(indent(level)).append(']');
        return;
      }
      b.append("[\n");
      for (int i = 0; i < l.size(); i++) {
        b.append(indent(level + 1));
        write(b, l.get(i), level + 1);
        b.append(i + 1 < l.size() ? ",\n" : "\n");
      }
      b.append(indent(level)).append(']');
    } else {
      b.append(JsonTree.write(v));
    }
  }

  private static String indent(int level) {
    return "    ".repeat(level);
  }
}
