package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.Comparator;
import java.util.List;

/** The per-partition computation of {@link WindowNode}'s calls. */
final class WindowFrames {

  private WindowFrames() {
  }

  static void compute(List<Object[]> part, WindowNode.Group g, Comparator<Object[]> peers,
      int out, ExecContext ctx) {
    int n = part.size();
    for (int c = 0; c < g.calls().size(); c++) {
      WindowNode.Call call = g.calls().get(c);
      int col = out + c;
      switch (call.name()) {
        case "row_number" -> {
          for (int i = 0; i < n; i++) {
            part.get(i)[col] = (long) (i + 1);
          }
        }
        case "rank", "dense_rank" -> {
          long rank = 0;
          long dense = 0;
          for (int i = 0; i < n; i++) {
            if (i == 0 || peers.compare(part.get(i - 1), part.get(i)) != 0) {
              rank = i + 1;
              dense++;
            }
            part.get(i)[col] = call.name().equals("rank") ? rank : dense;
          }
        }
        case "lag", "lead" -> {
          for (int i = 0; i < n; i++) {
            Object[] row = part.get(i);
            long off = call.args().length > 1 ? ((Number) row[call.args()[1]]).longValue() : 1;
            long j = call.name().equals("lag") ? i - off : i + off;
            part.get(i)[col] = j >= 0 && j < n ? part.get((int) j)[call.args()[0]]
                : call.args().length > 2 ? row[call.args()[2]] : null;
          }
        }
        case "first_value", "last_value", "nth_value" -> {
          for (int i = 0; i < n; i++) {
            part.get(i)[col] = nth(part, g, peers, call, i, ctx);
          }
        }
        default -> aggregate(part, g, peers, call, col, ctx);
      }
    }
  }

  private static void aggregate(List<Object[]> part, WindowNode.Group g,
      Comparator<Object[]> peers, WindowNode.Call call, int col, ExecContext ctx) {
    if (call.agg() == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
          "window function " + call.name());
    }
    int n = part.size();
    boolean running = g.lower().unbounded() && g.exclude() == WindowNode.Exclude.NONE;
    AggSpec.State state = running ? call.agg().newState(ctx.eval()) : null;
    int added = 0;
    for (int i = 0; i < n; i++) {
      ctx.checkCanceled();
      int[] f = frame(part, g, peers, i, ctx);
      if (running) {
        while (added <= f[1]) {
          state.add(part.get(added++));
        }
        part.get(i)[col] = state.result();
      } else {
        AggSpec.State s = call.agg().newState(ctx.eval());
        for (int j = f[0]; j <= f[1]; j++) {
          if (!excluded(part, g, peers, i, j)) {
            s.add(part.get(j));
          }
        }
        part.get(i)[col] = s.result();
      }
    }
  }

  /** first_value, last_value or nth_value of row {@code i}'s frame, exclusions applied. */
  private static Object nth(List<Object[]> part, WindowNode.Group g, Comparator<Object[]> peers,
      WindowNode.Call call, int i, ExecContext ctx) {
    long want = 1;
    if (call.name().equals("nth_value")) {
      Object k = part.get(i)[call.args()[1]];
      if (k == null) {
        return null;
      }
      want = ((Number) k).longValue();
      if (want <= 0) {
        throw SnapsyncException.error(SqlState.INVALID_ARGUMENT_FOR_NTH_VALUE,
            "engine.expr.nth_value_not_positive");
      }
    }
    int[] f = frame(part, g, peers, i, ctx);
    boolean last = call.name().equals("last_value");
    long seen = 0;
    for (int k = 0; k <= f[1] - f[0]; k++) {
      int j = last ? f[1] - k : f[0] + k;
      if (!excluded(part, g, peers, i, j) && ++seen == want) {
        return part.get(j)[call.args()[0]];
      }
    }
    return null;
  }

  /** Whether the frame's EXCLUDE clause leaves row {@code j} out of row {@code i}'s frame. */
  private static boolean excluded(List<Object[]> part, WindowNode.Group g,
      Comparator<Object[]> peers, int i, int j) {
    return switch (g.exclude()) {
      case NONE -> false;
      case CURRENT_ROW -> i == j;
      case GROUP -> peers.compare(part.get(i), part.get(j)) == 0;
      case TIES -> i != j && peers.compare(part.get(i), part.get(j)) == 0;
    };
  }

  /** The first and last row index of row {@code i}'s frame (first > last: empty). */
  private static int[] frame(List<Object[]> part, WindowNode.Group g, Comparator<Object[]> peers,
      int i, ExecContext ctx) {
    int n = part.size();
    if (g.order().isEmpty() && !g.rows()) {
      return new int[] {0, n - 1};
    }
    int lo = bound(part, g, peers, i, g.lower(), true, ctx);
    int hi = bound(part, g, peers, i, g.upper(), false, ctx);
    return new int[] {Math.max(0, lo), Math.min(n - 1, hi)};
  }

  private static int bound(List<Object[]> part, WindowNode.Group g, Comparator<Object[]> peers,
      int i, WindowNode.Bound b, boolean lower, ExecContext ctx) {
    int n = part.size();
    if (b.unbounded()) {
      return lower ? 0 : n - 1;
    }
    if (g.groups() && !b.currentRow()) {
      return GroupsFrames.bound(part, peers, i, b, lower);
    }
    if (b.currentRow()) {
      if (g.rows()) {
        return i;
      }
      int j = i;
      if (lower) {
        while (j > 0 && peers.compare(part.get(j - 1), part.get(i)) == 0) {
          j--;
        }
      } else {
        while (j + 1 < n && peers.compare(part.get(j + 1), part.get(i)) == 0) {
          j++;
        }
      }
      return j;
    }
    if (!g.rows()) {
      if (g.range() == null) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported",
            "RANGE with an offset");
      }
      return g.range().bound(part, i, b.rangeOffset(part.get(i), lower), b.offset() < 0, lower,
          ctx.eval());
    }
    long j = i + b.offset();
    return (int) Math.max(-1, Math.min(n, j));
  }
}
