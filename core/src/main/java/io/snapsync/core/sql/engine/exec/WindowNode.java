package io.snapsync.core.sql.engine.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Window functions: for each group (partition keys, order keys, frame) sorts the rows, then
 * computes each call per row. Output rows are the input fields, then every call's value, in
 * the order of the last group's sort. Frames: the whole partition without ORDER BY, else
 * RANGE (peers included, or within an offset of the ordering value: {@link RangeOffset}) or
 * ROWS between the bounds.
 *
 * @param width input fields plus constants (calls' arguments index into both)
 */
public record WindowNode(PlanNode input, Object[] constants, List<Group> groups, int inputWidth)
    implements PlanNode {

  /**
   * Frame bound: offset rows before (negative) or after, or unbounded. A RANGE offset is
   * {@code value}, or input field {@code valueField} when the plan computes it (sign of
   * {@code offset}: -1 preceding, 1 following).
   */
  public record Bound(boolean unbounded, boolean currentRow, long offset, Object value,
      int valueField) {

    public Bound(boolean unbounded, boolean currentRow, long offset) {
      this(unbounded, currentRow, offset, null, -1);
    }

    /** Whether this is a RANGE offset (a value, or an input field that computes it). */
    public boolean isRange() {
      return value != null || valueField >= 0;
    }

    /** The RANGE offset of {@code row}, checked as PostgreSQL checks it. */
    Object rangeOffset(Object[] row, boolean lower) {
      Object v = valueField >= 0 ? row[valueField] : value;
      RangeOffset.check(v, lower);
      return v;
    }
  }

  /**
   * A window: partitioning, ordering, frame, and its calls; {@code range}: how RANGE offsets
   * shift the ordering value (null without them); {@code exclude}: rows the frame leaves out;
   * {@code groups}: GROUPS mode, offsets count peer groups ({@link GroupsFrames}).
   */
  public record Group(int[] partition, List<SortKey> order, boolean rows, Bound lower,
      Bound upper, List<Call> calls, RangeOffset range, Exclude exclude, boolean groups) {

    public Group(int[] partition, List<SortKey> order, boolean rows, Bound lower, Bound upper,
        List<Call> calls) {
      this(partition, order, rows, lower, upper, calls, null, Exclude.NONE, false);
    }

    public Group(int[] partition, List<SortKey> order, boolean rows, Bound lower, Bound upper,
        List<Call> calls, RangeOffset range, Exclude exclude) {
      this(partition, order, rows, lower, upper, calls, range, exclude, false);
    }
  }

  /** The frame's EXCLUDE clause. */
  public enum Exclude { NONE, CURRENT_ROW, GROUP, TIES }

  /** One call: a ranking/offset function by name, or an aggregate ({@code agg} non-null). */
  public record Call(String name, int[] args, AggSpec agg) {
  }

  @Override
  public Cursor open(ExecContext ctx) {
    int calls = groups.stream().mapToInt(g -> g.calls().size()).sum();
    int base = inputWidth + constants.length;
    List<Object[]> rows = new ArrayList<>();
    try (Cursor in = input.open(ctx)) {
      Object[] r;
      while ((r = in.next()) != null) {
        ctx.checkCanceled();
        Object[] w = new Object[base + calls];
        System.arraycopy(r, 0, w, 0, inputWidth);
        System.arraycopy(constants, 0, w, inputWidth, constants.length);
        rows.add(w);
      }
    }
    int out = base;
    for (Group g : groups) {
      List<SortKey> keys = new ArrayList<>();
      for (int p : g.partition()) {
        keys.add(new SortKey(p, false, false, null));
      }
      keys.addAll(g.order());
      rows.sort(SortKey.comparator(keys));
      Comparator<Object[]> part = SortKey.comparator(keys.subList(0, g.partition().length));
      Comparator<Object[]> peers = SortKey.comparator(g.order());
      int start = 0;
      while (start < rows.size()) {
        int end = start + 1;
        while (end < rows.size() && part.compare(rows.get(start), rows.get(end)) == 0) {
          end++;
        }
        WindowFrames.compute(rows.subList(start, end), g, peers, out, ctx);
        start = end;
      }
      out += g.calls().size();
    }
    List<Object[]> result = new ArrayList<>(rows.size());
    for (Object[] w : rows) {
      Object[] o = new Object[inputWidth + calls];
      System.arraycopy(w, 0, o, 0, inputWidth);
      System.arraycopy(w, base, o, inputWidth, calls);
      result.add(o);
    }
    return Cursor.of(result);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return "WindowAgg";
  }
}
