package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.List;

/**
 * Reads a user table through the statement's store transaction (its snapshot): the whole
 * table, a primary-key range, or one primary-key point. Bounds are evaluated per execution
 * (they may be parameters); the filter above still checks every row.
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
    var type = def.pkColumn().type();
    if (point != null) {
      Object v = point.eval(null, ctx);
      byte[] bytes = v == null ? null : ctx.txn().get(Keys.row(def.id(), type, key(v)));
      Object[] row = bytes == null ? null : RowCodec.decode(bytes, width).toArray();
      return Cursor.of(row == null ? List.of() : List.<Object[]>of(row));
    }
    byte[] from = Keys.rowsFrom(def.id());
    byte[] to = Keys.rowsTo(def.id());
    if (lower != null) {
      Object v = lower.eval(null, ctx);
      if (v == null) {
        return Cursor.of(List.of());
      }
      byte[] k = Keys.row(def.id(), type, key(v));
      from = lowerInclusive ? k : Keys.successor(k);
    }
    if (upper != null) {
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
    CloseableIterator<KeyValue> it = ctx.txn().scan(from, to);
    return new Cursor() {
      @Override
      public Object[] next() {
        if (!it.hasNext()) {
          return null;
        }
        ctx.checkCanceled();
        return RowCodec.decode(it.next().value(), width).toArray();
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
    return (point != null ? "Index Point Scan" : lower != null || upper != null
        ? "Index Range Scan" : "Seq Scan") + " on " + def.name();
  }
}
