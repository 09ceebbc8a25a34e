package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows a partition bound admits, PostgreSQL's way: RANGE compares the key row-wise
 * (lower inclusive, upper exclusive, MINVALUE/MAXVALUE unbounded; a NULL key fits no range),
 * LIST tests membership (a NULL key fits a list holding NULL), HASH compares the row hash's
 * remainder ({@link PartitionHash}). DEFAULT is decided by the caller (no sibling fits).
 * Stateless.
 */
public final class PartitionBounds {

  private PartitionBounds() {
  }

  /** The partition-key values of {@code row} (in {@code parent}'s column order). */
  public static List<Object> key(TableDef parent, List<Object> row) {
    List<Object> out = new ArrayList<>();
    for (String k : parent.partitioning().keys()) {
      out.add(row.get(parent.indexOf(k)));
    }
    return out;
  }

  /** The types of {@code parent}'s partition-key columns. */
  public static List<Column> keyColumns(TableDef parent) {
    List<Column> out = new ArrayList<>();
    for (String k : parent.partitioning().keys()) {
      out.add(parent.columns().get(parent.indexOf(k)));
    }
    return out;
  }

  /** True when key values {@code key} fall in bound {@code b} (not DEFAULT). */
  public static boolean admits(List<Column> cols, PartitionBound b, List<Object> key) {
    return switch (b.kind()) {
      case DEFAULT -> false;
      case HASH -> PartitionHash.matches(PartitionHash.of(key, cols.stream().map(Column::type)
          .toList()), b.modulus(), b.remainder());
      case LIST -> {
        Object v = key.get(0);
        for (PartitionBound.Value x : b.values()) {
          if (x.text() == null ? v == null : v != null
              && PgValues.compare(v, value(x, cols.get(0)), cols.get(0).type()) == 0) {
            yield true;
          }
        }
        yield false;
      }
      case RANGE -> {
        for (Object v : key) {
          if (v == null) {
            yield false;
          }
        }
        yield compare(cols, b.from(), key) <= 0 && compare(cols, b.to(), key) > 0;
      }
    };
  }

  /** Bound {@code bound} against key {@code key}, row-wise: negative when below it. */
  static int compare(List<Column> cols, List<PartitionBound.Value> bound, List<Object> key) {
    for (int i = 0; i < bound.size(); i++) {
      PartitionBound.Value x = bound.get(i);
      if (x.infinity() != 0) {
        return x.infinity();
      }
      int c = PgValues.compare(value(x, cols.get(i)), key.get(i), cols.get(i).type());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** Two range bounds compared row-wise (MINVALUE lowest, MAXVALUE highest). */
  static int compareBounds(List<Column> cols, List<PartitionBound.Value> a,
      List<PartitionBound.Value> b) {
    for (int i = 0; i < a.size(); i++) {
      PartitionBound.Value x = a.get(i);
      PartitionBound.Value y = b.get(i);
      if (x.infinity() != 0 || y.infinity() != 0) {
        if (x.infinity() != y.infinity()) {
          return Integer.compare(x.infinity(), y.infinity());
        }
        return 0;
      }
      int c = PgValues.compare(value(x, cols.get(i)), value(y, cols.get(i)),
          cols.get(i).type());
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** A bound value in its column's type. */
  static Object value(PartitionBound.Value x, Column col) {
    return x.text() == null ? null
        : PgValues.fromText(x.text(), col.type(), col.typmod(), ZoneOffset.UTC);
  }

  /** Whether values of {@code type} print quoted in a bound. */
  static boolean quoted(DataType type) {
    return switch (type) {
      case INT2, INT4, INT8, NUMERIC, FLOAT4, FLOAT8, OID -> false;
      default -> true;
    };
  }
}
