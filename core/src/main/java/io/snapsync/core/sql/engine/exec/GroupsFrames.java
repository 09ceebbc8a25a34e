package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.Comparator;
import java.util.List;

/**
 * Frame bounds in GROUPS mode: {@code n PRECEDING} starts the frame at the first row of the
 * peer group {@code n} groups before the current row's, {@code n FOLLOWING} ends it at the
 * last row of the group {@code n} after (clamped to the partition; past its end the frame is
 * empty). The offset is PostgreSQL-checked: NULL is 22004, negative 22013.
 */
final class GroupsFrames {

  private GroupsFrames() {
  }

  /** The frame's first (lower) or last row index for row {@code i} (may be out of range). */
  static int bound(List<Object[]> part, Comparator<Object[]> peers, int i, WindowNode.Bound b,
      boolean lower) {
    Object v = b.valueField() >= 0 ? part.get(i)[b.valueField()] : b.value();
    if (v == null) {
      throw SnapsyncException.error(SqlState.NULL_VALUE_NOT_ALLOWED,
          lower ? "engine.expr.frame_start_null" : "engine.expr.frame_end_null");
    }
    long k = ((Number) v).longValue();
    if (k < 0) {
      throw SnapsyncException.error(SqlState.INVALID_PRECEDING_OR_FOLLOWING_SIZE,
          lower ? "engine.expr.frame_start_negative" : "engine.expr.frame_end_negative");
    }
    int n = part.size();
    if (b.offset() < 0) {
      int start = start(part, peers, i);
      int end = -1;
      for (long t = 0; t < k; t++) {
        if (start == 0) {
          return lower ? 0 : -1;
        }
        end = start - 1;
        start = start(part, peers, end);
      }
      return lower ? start : k == 0 ? end(part, peers, i) : end;
    }
    int end = end(part, peers, i);
    int start = k == 0 ? start(part, peers, i) : -1;
    for (long t = 0; t < k; t++) {
      if (end == n - 1) {
        return lower ? n : n - 1;
      }
      start = end + 1;
      end = end(part, peers, start);
    }
    return lower ? start : end;
  }

  private static int start(List<Object[]> part, Comparator<Object[]> peers, int i) {
    int j = i;
    while (j > 0 && peers.compare(part.get(j - 1), part.get(i)) == 0) {
      j--;
    }
    return j;
  }

  private static int end(List<Object[]> part, Comparator<Object[]> peers, int i) {
    int j = i;
    while (j + 1 < part.size() && peers.compare(part.get(j + 1), part.get(i)) == 0) {
      j++;
    }
    return j;
  }
}
