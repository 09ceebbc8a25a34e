package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT4_ARRAY;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Arrays (Java lists, nested for more dimensions, lower bound 1): {@code || @> <@ &&},
 * array_append/prepend/cat, array_length/lower/upper/ndims/dims, cardinality,
 * array_position(s), array_remove, array_replace, array_to_string, string_to_array. Registered
 * once per array type of {@link DataType}.
 */
final class ArrayFunctions {

  private ArrayFunctions() {
  }

  static void register(Registry r) {
    for (DataType a : DataType.values()) {
      if (a.isArray()) {
        perType(r, a, a.element());
      }
    }
    r.add(Fn.of("string_to_array", TEXT_ARRAY, (x, c) -> x[0] == null ? null
        : split((String) x[0], (String) x[1], null), TEXT, TEXT).lenient());
    r.add(Fn.of("string_to_array", TEXT_ARRAY, (x, c) -> x[0] == null ? null
        : split((String) x[0], (String) x[1], (String) x[2]), TEXT, TEXT, TEXT).lenient());
  }

  private static void perType(Registry r, DataType a, DataType e) {
    r.add(Fn.of("||", a, (x, c) -> cat(l(x[0]), l(x[1])), a, a).lenient());
    r.add(Fn.of("||", a, (x, c) -> append(l(x[0]), x[1]), a, e).lenient());
    r.add(Fn.of("||", a, (x, c) -> prepend(x[0], l(x[1])), e, a).lenient());
    r.add(Fn.of("array_cat", a, (x, c) -> cat(l(x[0]), l(x[1])), a, a).lenient());
    r.add(Fn.of("array_append", a, (x, c) -> append(l(x[0]), x[1]), a, e).lenient());
    r.add(Fn.of("array_prepend", a, (x, c) -> prepend(x[0], l(x[1])), e, a).lenient());
    r.add(Fn.of("array_length", INT4, (x, c) -> dimLength(l(x[0]), i(x[1])), a, INT4));
    r.add(Fn.of("array_upper", INT4, (x, c) -> dimLength(l(x[0]), i(x[1])), a, INT4));
    r.add(Fn.of("array_lower", INT4, (x, c) -> dimLength(l(x[0]), i(x[1])) == null ? null : 1,
        a, INT4));
    r.add(Fn.of("cardinality", INT4, (x, c) -> cardinality(l(x[0])), a));
    r.add(Fn.of("array_ndims", INT4, (x, c) -> l(x[0]).isEmpty() ? null : dims(l(x[0])).size(),
        a));
    r.add(Fn.of("array_dims", TEXT, (x, c) -> l(x[0]).isEmpty() ? null : dimsText(l(x[0])), a));
    r.add(Fn.of("array_position", INT4, (x, c) -> position(l(x[0]), x[1], 1, e), a, e)
        .lenient().strictOn0());
    r.add(Fn.of("array_position", INT4, (x, c) -> x[2] == null ? null
        : position(l(x[0]), x[1], i(x[2]), e), a, e, INT4).lenient().strictOn0());
    r.add(Fn.of("array_positions", INT4_ARRAY, (x, c) -> positions(l(x[0]), x[1], e), a, e)
        .lenient().strictOn0());
    r.add(Fn.of("array_remove", a, (x, c) -> replace(l(x[0]), x[1], null, true, e), a, e)
        .lenient().strictOn0());
    r.add(Fn.of("array_replace", a, (x, c) -> replace(l(x[0]), x[1], x[2], false, e), a, e, e)
        .lenient().strictOn0());
    r.add(Fn.of("array_to_string", TEXT, (x, c) -> toText(l(x[0]), (String) x[1], null, e, c),
        a, TEXT));
    r.add(Fn.of("array_to_string", TEXT, (x, c) -> x[0] == null || x[1] == null ? null
        : toText(l(x[0]), (String) x[1], (String) x[2], e, c), a, TEXT, TEXT).lenient());
    r.add(Fn.of("@>", BOOL, (x, c) -> contains(l(x[0]), l(x[1]), e), a, a));
    r.add(Fn.of("<@", BOOL, (x, c) -> contains(l(x[1]), l(x[0]), e), a, a));
    r.add(Fn.of("&&", BOOL, (x, c) -> overlaps(l(x[0]), l(x[1]), e), a, a));
  }

  @SuppressWarnings("unchecked")
  static List<Object> l(Object v) {
    return (List<Object>) v;
  }

  private static int i(Object v) {
    return ((Number) v).intValue();
  }

  /** The lengths of each dimension (empty for an empty array). */
  static List<Integer> dims(List<?> a) {
    List<Integer> d = new ArrayList<>();
    Object cur = a;
    while (cur instanceof List<?> l && !l.isEmpty()) {
      d.add(l.size());
      cur = l.get(0);
    }
    return d;
  }

  /** True when two arrays have the same dimensions (nested list lengths). */
  static boolean sameShape(List<?> a, List<?> b) {
    return dims(a).equals(dims(b));
  }

  private static Integer dimLength(List<?> a, int dim) {
    List<Integer> d = dims(a);
    return dim >= 1 && dim <= d.size() ? d.get(dim - 1) : null;
  }

  private static int cardinality(List<?> a) {
    int n = 1;
    for (int d : dims(a)) {
      n *= d;
    }
    return a.isEmpty() ? 0 : n;
  }

  private static String dimsText(List<?> a) {
    StringBuilder b = new StringBuilder();
    for (int d : dims(a)) {
      b.append("[1:").append(d).append(']');
    }
    return b.toString();
  }

  private static List<Object> cat(List<Object> a, List<Object> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    List<Integer> da = dims(a);
    List<Integer> db = dims(b);
    List<Object> out = new ArrayList<>(a);
    if (da.size() == db.size() && da.subList(1, da.size()).equals(db.subList(1, db.size()))) {
      out.addAll(b);
    } else if (da.size() == db.size() + 1 && da.subList(1, da.size()).equals(db)) {
      out.add(b);
    } else if (db.size() == da.size() + 1 && db.subList(1, db.size()).equals(da)) {
      out = new ArrayList<>();
      out.add(a);
      out.addAll(b);
    } else {
      throw SnapsyncException.error(FuncErrors.ARRAY_SUBSCRIPT, "functions.array_cat_incompatible")
          .withDetail("functions.array_cat_incompatible.detail");
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> append(List<Object> a, Object e) {
    List<Object> out = a == null ? new ArrayList<>() : new ArrayList<>(a);
    checkOneDimension(out);
    out.add(e);
    return Collections.unmodifiableList(out);
  }

  private static List<Object> prepend(Object e, List<Object> a) {
    List<Object> out = new ArrayList<>();
    out.add(e);
    if (a != null) {
      checkOneDimension(a);
      out.addAll(a);
    }
    return Collections.unmodifiableList(out);
  }

  private static void checkOneDimension(List<?> a) {
    if (!a.isEmpty() && a.get(0) instanceof List) {
      throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "functions.array_append_dims");
    }
  }

  private static Integer position(List<Object> a, Object e, int start, DataType t) {
    checkOneDimension(a);
    for (int k = Math.max(start, 1); k <= a.size(); k++) {
      if (ValueOrder.notDistinct(a.get(k - 1), e, t)) {
        return k;
      }
    }
    return null;
  }

  private static List<Object> positions(List<Object> a, Object e, DataType t) {
    checkOneDimension(a);
    List<Object> out = new ArrayList<>();
    for (int k = 1; k <= a.size(); k++) {
      if (ValueOrder.notDistinct(a.get(k - 1), e, t)) {
        out.add(k);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Object> replace(List<Object> a, Object from, Object to, boolean remove,
      DataType t) {
    if (remove && !a.isEmpty() && a.get(0) instanceof List) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "functions.array_remove_multidimensional");
    }
    List<Object> out = new ArrayList<>();
    for (Object v : a) {
      if (v instanceof List<?> sub) {
        out.add(replace(l(sub), from, to, false, t));
      } else if (ValueOrder.notDistinct(v, from, t)) {
        if (!remove) {
          out.add(to);
        }
      } else {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static String toText(List<Object> a, String sep, String nullText, DataType t,
      EvalContext c) {
    StringBuilder b = new StringBuilder();
    boolean first = true;
    for (Object v : flatten(a)) {
      if (v == null && nullText == null) {
        continue;
      }
      b.append(first ? "" : sep).append(v == null ? nullText : TextOut.of(v, t, c));
      first = false;
    }
    return b.toString();
  }

  private static List<Object> flatten(List<?> a) {
    List<Object> out = new ArrayList<>();
    for (Object v : a) {
      if (v instanceof List<?> sub) {
        out.addAll(flatten(sub));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  private static boolean contains(List<Object> a, List<Object> b, DataType t) {
    List<Object> fa = flatten(a);
    for (Object v : flatten(b)) {
      if (v == null || fa.stream().noneMatch(w -> w != null && ValueOrder.compare(w, v, t) == 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean overlaps(List<Object> a, List<Object> b, DataType t) {
    List<Object> fa = flatten(a);
    for (Object v : flatten(b)) {
      if (v != null && fa.stream().anyMatch(w -> w != null && ValueOrder.compare(w, v, t) == 0)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> split(String s, String delim, String nullText) {
    List<Object> out = new ArrayList<>();
    if (s.isEmpty()) {
      return List.of();
    }
    if (delim == null) {
      s.codePoints().forEach(cp -> out.add(nulled(new String(Character.toChars(cp)), nullText)));
    } else if (delim.isEmpty()) {
      out.add(nulled(s, nullText));
    } else {
      int from = 0;
      for (int at; (at = s.indexOf(delim, from)) >= 0; from = at + delim.length()) {
        out.add(nulled(s.substring(from, at), nullText));
      }
      out.add(nulled(s.substring(from), nullText));
    }
    return Collections.unmodifiableList(out);
  }

  private static String nulled(String part, String nullText) {
    return part.equals(nullText) ? null : part;
  }
}
