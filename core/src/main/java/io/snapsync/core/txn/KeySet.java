package io.snapsync.core.txn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * A bounded set of store keys and key ranges: the predicate reads (SIREAD) or the writes of one
 * serializable transaction. Past {@link #maxPoints} points they are promoted to the ranges of
 * their relations (a table's rows, or a key-space prefix), and past {@link #maxRanges} ranges
 * every range is widened to whole relations and then, if still too many, to everything: like
 * PostgreSQL's promotion of tuple locks to page and relation locks, this trades false
 * positives for bounded memory. Not thread-safe (the tracker's lock guards it).
 */
final class KeySet {

  /** Row keys are {@code 'R'} + 8-byte table id + primary key: the relation is the first 9. */
  private static final byte ROW = 'R';
  private static final int ROW_PREFIX = 9;

  private final int maxPoints;
  private final int maxRanges;
  private final TreeSet<byte[]> points = new TreeSet<>(Arrays::compareUnsigned);
  /** Pairs {from, to}; {@code to == null}: no end. */
  private final List<byte[][]> ranges = new ArrayList<>(0);

  KeySet(int maxPoints, int maxRanges) {
    this.maxPoints = maxPoints;
    this.maxRanges = maxRanges;
  }

  boolean isEmpty() {
    return points.isEmpty() && ranges.isEmpty();
  }

  /** How many points and ranges are held (for the memory statistics). */
  int size() {
    return points.size() + ranges.size();
  }

  void addPoint(byte[] key) {
    if (coveredByRange(key)) {
      return;
    }
    points.add(key);
    if (points.size() > maxPoints) {
      for (byte[] p : points) {
        addRangeUnchecked(relationFrom(p), relationTo(p));
      }
      points.clear();
      compact();
    }
  }

  /** Adds {@code from <= key < to} ({@code to == null}: no end). */
  void addRange(byte[] from, byte[] to) {
    for (byte[][] r : ranges) {
      if (Arrays.compareUnsigned(r[0], from) <= 0 && endsAfterOrAt(r[1], to)) {
        return;
      }
    }
    addRangeUnchecked(from, to);
    (to == null ? points.tailSet(from, true) : points.subSet(from, true, to, false)).clear();
    compact();
  }

  void addAll(KeySet other) {
    for (byte[][] r : other.ranges) {
      addRange(r[0], r[1]);
    }
    for (byte[] p : other.points) {
      addPoint(p);
    }
  }

  /** True when {@code key} is in the set. */
  boolean covers(byte[] key) {
    return points.contains(key) || coveredByRange(key);
  }

  /** True when some key of the set lies in {@code from <= key < to}. */
  boolean intersects(byte[] from, byte[] to) {
    byte[] p = points.ceiling(from);
    if (p != null && (to == null || Arrays.compareUnsigned(p, to) < 0)) {
      return true;
    }
    for (byte[][] r : ranges) {
      boolean startsBeforeTo = to == null || Arrays.compareUnsigned(r[0], to) < 0;
      boolean endsAfterFrom = r[1] == null || Arrays.compareUnsigned(r[1], from) > 0;
      if (startsBeforeTo && endsAfterFrom) {
        return true;
      }
    }
    return false;
  }

  /** True when the sets share a key (a point of one in the other, or overlapping ranges). */
  boolean intersects(KeySet other) {
    for (byte[][] r : other.ranges) {
      if (intersects(r[0], r[1])) {
        return true;
      }
    }
    for (byte[] p : other.points) {
      if (covers(p)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the points and ranges (for a prepared transaction's record). */
  void writeTo(DataOutput out) throws IOException {
    out.writeInt(points.size());
    for (byte[] p : points) {
      writeBytes(out, p);
    }
    out.writeInt(ranges.size());
    for (byte[][] r : ranges) {
      writeBytes(out, r[0]);
      out.writeBoolean(r[1] != null);
      if (r[1] != null) {
        writeBytes(out, r[1]);
      }
    }
  }

  /** Adds what {@link #writeTo} wrote. */
  void readFrom(DataInput in) throws IOException {
    for (int i = in.readInt(); i > 0; i--) {
      addPoint(readBytes(in));
    }
    for (int i = in.readInt(); i > 0; i--) {
      byte[] from = readBytes(in);
      addRange(from, in.readBoolean() ? readBytes(in) : null);
    }
  }

  private static void writeBytes(DataOutput out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInput in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }

  void clear() {
    points.clear();
    ranges.clear();
  }

  private boolean coveredByRange(byte[] key) {
    for (byte[][] r : ranges) {
      if (Arrays.compareUnsigned(r[0], key) <= 0
          && (r[1] == null || Arrays.compareUnsigned(key, r[1]) < 0)) {
        return true;
      }
    }
    return false;
  }

  private void addRangeUnchecked(byte[] from, byte[] to) {
    ranges.add(new byte[][] {from, to});
  }

  /** Merges overlapping ranges; widens them when there are too many. */
  private void compact() {
    merge();
    if (ranges.size() > maxRanges) {
      List<byte[][]> wide = new ArrayList<>(ranges.size());
      for (byte[][] r : ranges) {
        wide.add(new byte[][] {relationFrom(r[0]), r[1] == null ? null : relationTo(r[1])});
      }
      ranges.clear();
      ranges.addAll(wide);
      merge();
    }
    if (ranges.size() > maxRanges) {
      byte[] first = ranges.get(0)[0];
      ranges.clear();
      ranges.add(new byte[][] {first, null});
    }
  }

  private void merge() {
    ranges.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
    List<byte[][]> out = new ArrayList<>(ranges.size());
    for (byte[][] r : ranges) {
      byte[][] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && (last[1] == null || Arrays.compareUnsigned(r[0], last[1]) <= 0)) {
        if (!endsAfterOrAt(last[1], r[1])) {
          last[1] = r[1];
        }
      } else {
        out.add(new byte[][] {r[0], r[1]});
      }
    }
    ranges.clear();
    ranges.addAll(out);
  }

  /** True when end {@code a} is at or after end {@code b} (null = no end). */
  private static boolean endsAfterOrAt(byte[] a, byte[] b) {
    return a == null || (b != null && Arrays.compareUnsigned(a, b) >= 0);
  }

  private static int prefixLength(byte[] key) {
    return key.length >= ROW_PREFIX && key[0] == ROW ? ROW_PREFIX : Math.min(1, key.length);
  }

  /** The first key of the relation holding {@code key}. */
  static byte[] relationFrom(byte[] key) {
    return Arrays.copyOf(key, prefixLength(key));
  }

  /** The first key after the relation holding {@code key} (null: no end). */
  static byte[] relationTo(byte[] key) {
    byte[] p = Arrays.copyOf(key, prefixLength(key));
    for (int i = p.length - 1; i >= 0; i--) {
      if (p[i] != (byte) 0xFF) {
        p[i]++;
        return Arrays.copyOf(p, i + 1);
      }
    }
    return null;
  }
}
