package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowKey;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.List;

/**
 * Reads a user table through the statement's store transaction (its snapshot): the whole
 * table, a primary-key range, or one primary-key point. Bounds are evaluated per execution
 * (they may be parameters); the filter above still checks every row. As the target scan of
 * a DML statement ({@link ExecContext#target}) it appends each row's {@link RowKey}, or reads
 * only the one key being re-checked.
 *
 * @param point evaluates the primary-key value of a point lookup, or null
 * @param lower evaluates the lowest primary-key value, or null
 * @param lowerInclusive whether {@code lower} itself is included
 * @param upper evaluates the highest primary-key value, or null
 * @param upperInclusive whether {@code upper} itself is included
 */
public record TableScanNode(TableDef def, Evaluator point, Evaluator lower, boolean lowerInclusive,
    Evaluator upper, boolean upperInclusive) implements PlanNode {

  public static TableScanNode full(TableDef def) {
    return new TableScanNode(def, null, null, false, null, false);
  }

  @Override
  public Cursor open(ExecContext ctx) {
    int width = def.columns().size();
    if (ctx.isTarget(this)) {
      return targeted(ctx, width);
    }
    if (point != null) {
      var type = def.pkColumn().type();
      Object v = point.eval(null, ctx);
      ScanCount count = ScanCount.index(ctx, def, def.name() + "_pkey", true);
      byte[] bytes = v == null ? null : ctx.txn().get(Keys.row(def.id(), type, key(v)));
      Object[] row = bytes == null ? null : RowCodec.decode(bytes, width).toArray();
      if (row != null) {
        count.row();
      }
      return Cursor.of(row == null ? List.of() : List.<Object[]>of(row));
    }
    byte[] from = Keys.rowsFrom(def.id());
    byte[] to = Keys.rowsTo(def.id());
    if (lower != null) {
      var type = def.pkColumn().type();
      Object v = lower.eval(null, ctx);
      if (v == null) {
        return Cursor.of(List.of());
      }
      byte[] k = Keys.row(def.id(), type, key(v));
      from = lowerInclusive ? k : Keys.successor(k);
    }
    if (upper != null) {
      var type = def.pkColumn().type();
      Object v = upper.eval(null, ctx);
      if (v == null) {
        return Cursor.of(List.of());
      }
      byte[] k = Keys.row(def.id(), type, key(v));
      to = upperInclusive ? Keys.successor(k) : k;
    }
    if (java.util.Arrays.compareUnsigned(from, to) >= 0) {
      return Cursor.of(List.of());
    }
    ScanCount count = lower != null || upper != null
        ? ScanCount.index(ctx, def, def.name() + "_pkey", true) : ScanCount.seq(ctx, def);
    return cursor(ctx, ctx.txn().scan(from, to), width, false, count);
  }

  /** The target scan: every row (or the one re-checked) with its {@link RowKey} appended. */
  private Cursor targeted(ExecContext ctx, int width) {
    byte[] only = ctx.targetKey();
    if (only != null) {
      byte[] bytes = ctx.txn().get(only);
      if (bytes == null) {
        return Cursor.of(List.of());
      }
      Object[] row = java.util.Arrays.copyOf(RowCodec.decode(bytes, width).toArray(), width + 1);
      row[width] = new RowKey(only);
      return Cursor.of(List.<Object[]>of(row));
    }
    return cursor(ctx, ctx.txn().scan(Keys.rowsFrom(def.id()), Keys.rowsTo(def.id())), width,
        true, ScanCount.seq(ctx, def));
  }

  private static Cursor cursor(ExecContext ctx, CloseableIterator<KeyValue> it, int width,
      boolean withKeys, ScanCount count) {
    return new Cursor() {
      @Override
      public Object[] next() {
        if (!it.hasNext()) {
          return null;
        }
        ctx.checkCanceled();
        KeyValue kv = it.next();
        count.row();
        Object[] row = RowCodec.decode(kv.value(), width).toArray();
        if (!withKeys) {
          return row;
        }
        Object[] keyed = java.util.Arrays.copyOf(row, width + 1);
        keyed[width] = new RowKey(kv.key());
        return keyed;
      }

      @Override
      public void close() {
        it.close();
      }
    };
  }

  /** The key value in the primary key column's Java class. */
  private Object key(Object v) {
    return switch (def.pkColumn().type()) {
      case INT4, INT8 -> v instanceof Number n ? (Object) n.longValue() : v;
      default -> v;
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return point != null || lower != null || upper != null
        ? "Index Scan using " + def.name() + "_pkey on " + def.name() : "Seq Scan on " + def.name();
  }
}
