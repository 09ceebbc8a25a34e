package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowKey;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.core.sql.index.IndexKeys;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a table through one of its secondary indexes under the statement's snapshot (index
 * entries are versioned like rows, so the index and the table agree at every snapshot): the
 * entries whose leading columns equal {@code equal}'s values and, on the next column, lie
 * between {@code lower} and {@code upper}, in index order; then each row by its key, or, for
 * an index-only scan, the row's indexed columns from the entry (the others null: the plan
 * reads none of them). The filter above still checks every condition. As the target scan of
 * a DML statement it appends each row's {@link RowKey} like {@link TableScanNode}.
 *
 * @param cond the index condition as EXPLAIN prints it, e.g. {@code (a = 5)}
 * @param estimatedRows the planner's estimate, for EXPLAIN
 */
public record IndexScanNode(TableDef def, IndexDef index, List<Evaluator> equal,
    Evaluator lower, boolean lowerInclusive, Evaluator upper, boolean upperInclusive,
    boolean indexOnly, String cond, double estimatedRows) implements PlanNode {

  private static final byte VALUE_FLAG = 1;

  public IndexScanNode {
    equal = List.copyOf(equal);
  }

  @Override
  public Cursor open(ExecContext ctx) {
    int width = def.columns().size();
    boolean target = ctx.isTarget(this);
    if (target && ctx.targetKey() != null) {
      byte[] bytes = ctx.txn().get(ctx.targetKey());
      if (bytes == null) {
        return Cursor.of(List.of());
      }
      Object[] row = Arrays.copyOf(RowCodec.decode(bytes, width).toArray(), width + 1);
      row[width] = new RowKey(ctx.targetKey());
      return Cursor.of(List.<Object[]>of(row));
    }
    List<Object> values = new ArrayList<>(equal.size());
    for (Evaluator e : equal) {
      Object v = e.eval(null, ctx);
      if (v == null) {
        return Cursor.of(List.of());
      }
      values.add(v);
    }
    byte[] prefix = IndexKeys.prefix(index, values);
    byte[] from = prefix;
    byte[] to = IndexKeys.prefixEnd(prefix);
    if (lower != null || upper != null) {
      from = append(prefix, VALUE_FLAG);
      to = IndexKeys.prefixEnd(from);
      boolean desc = index.descending().get(values.size());
      Object lo = lower == null ? null : lower.eval(null, ctx);
      Object hi = upper == null ? null : upper.eval(null, ctx);
      if ((lower != null && lo == null) || (upper != null && hi == null)) {
        return Cursor.of(List.of());
      }
      // on a DESC column the lower bound limits the end of the key range, the upper its start
      if (lower != null) {
        byte[] k = bound(values, lo);
        if (desc) {
          to = lowerInclusive ? IndexKeys.prefixEnd(k) : k;
        } else {
          from = lowerInclusive ? k : IndexKeys.prefixEnd(k);
        }
      }
      if (upper != null) {
        byte[] k = bound(values, hi);
        if (desc) {
          from = upperInclusive ? k : IndexKeys.prefixEnd(k);
        } else {
          to = upperInclusive ? IndexKeys.prefixEnd(k) : k;
        }
      }
    }
    if (to != null && Arrays.compareUnsigned(from, to) >= 0) {
      return Cursor.of(List.of());
    }
    return cursor(ctx, ctx.txn().scan(from, to), width, target,
        ScanCount.index(ctx, def, index.name(), !(indexOnly && !target)));
  }

  private byte[] bound(List<Object> values, Object v) {
    List<Object> withBound = new ArrayList<>(values);
    withBound.add(v);
    return IndexKeys.prefix(index, withBound);
  }

  private static byte[] append(byte[] prefix, byte b) {
    byte[] k = Arrays.copyOf(prefix, prefix.length + 1);
    k[prefix.length] = b;
    return k;
  }

  private Cursor cursor(ExecContext ctx, CloseableIterator<KeyValue> it, int width,
      boolean withKeys, ScanCount count) {
    boolean onlyIndex = indexOnly && !withKeys;
    return new Cursor() {
      @Override
      public Object[] next() {
        while (it.hasNext()) {
          ctx.checkCanceled();
          List<Object> entry = IndexKeys.decodeValue(index, it.next().value());
          byte[] rowKey = (byte[]) entry.get(0);
          Object[] row;
          if (onlyIndex) {
            row = new Object[width];
            for (int i = 0; i < index.columns().size(); i++) {
              row[index.columns().get(i)] = entry.get(i + 1);
            }
            count.row();
            return row;
          }
          byte[] bytes = ctx.txn().get(rowKey);
          if (bytes == null) {
            continue;
          }
          row = RowCodec.decode(bytes, width).toArray();
          count.row();
          if (!withKeys) {
            return row;
          }
          Object[] keyed = Arrays.copyOf(row, width + 1);
          keyed[width] = new RowKey(rowKey);
          return keyed;
        }
        return null;
      }

      @Override
      public void close() {
        it.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return (indexOnly ? "Index Only Scan using " : "Index Scan using ") + index.name() + " on "
        + def.name();
  }
}
