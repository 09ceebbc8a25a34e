package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.engine.expr.ValueOps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNION, INTERSECT, EXCEPT, with or without ALL, over two or more inputs of the same width.
 * Rows compare as in GROUP BY (NULLs equal).
 */
public record SetOpNode(Kind kind, boolean all, List<PlanNode> inputs) implements PlanNode {

  /** The set operation. */
  public enum Kind { UNION, INTERSECT, EXCEPT }

  @Override
  public Cursor open(ExecContext ctx) {
    if (kind == Kind.UNION && all) {
      return new Cursor() {
        int i;
        Cursor cur = inputs.get(0).open(ctx);

        @Override
        public Object[] next() {
          while (true) {
            Object[] r = cur.next();
            if (r != null) {
              return r;
            }
            cur.close();
            if (++i >= inputs.size()) {
              cur = Cursor.of(List.of());
              return null;
            }
            cur = inputs.get(i).open(ctx);
          }
        }

        @Override
        public void close() {
          cur.close();
        }
      };
    }
    // counts per distinct row: first input, then each later input applied
    Map<List<Object>, Entry> counts = new LinkedHashMap<>();
    for (Object[] r : JoinCursor.drain(inputs.get(0).open(ctx), ctx)) {
      counts.computeIfAbsent(key(r), k -> new Entry(r)).count++;
    }
    for (int i = 1; i < inputs.size(); i++) {
      Map<List<Object>, long[]> other = new HashMap<>();
      for (Object[] r : JoinCursor.drain(inputs.get(i).open(ctx), ctx)) {
        List<Object> k = key(r);
        if (kind == Kind.UNION) {
          counts.computeIfAbsent(k, x -> new Entry(r)).count++;
        } else {
          other.computeIfAbsent(k, x -> new long[1])[0]++;
        }
      }
      if (kind != Kind.UNION) {
        for (Map.Entry<List<Object>, Entry> e : counts.entrySet()) {
          long o = other.getOrDefault(e.getKey(), new long[1])[0];
          Entry en = e.getValue();
          if (kind == Kind.INTERSECT) {
            en.count = all ? Math.min(en.count, o) : (o > 0 ? Math.min(en.count, 1) : 0);
          } else {
            en.count = all ? Math.max(0, en.count - o) : (o > 0 ? 0 : Math.min(en.count, 1));
          }
        }
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Entry e : counts.values()) {
      long n = all ? e.count : Math.min(e.count, 1);
      for (long j = 0; j < n; j++) {
        out.add(e.row.clone());
      }
    }
    return Cursor.of(out);
  }

  private static List<Object> key(Object[] r) {
    Object[] k = new Object[r.length];
    for (int i = 0; i < r.length; i++) {
      k[i] = ValueOps.hashKey(r[i]);
    }
    return Arrays.asList(k);
  }

  private static final class Entry {
    final Object[] row;
    long count;

    Entry(Object[] row) {
      this.row = row;
    }
  }

  @Override
  public String describe() {
    return kind.name().charAt(0) + kind.name().substring(1).toLowerCase() + (all ? " All" : "");
  }
}
