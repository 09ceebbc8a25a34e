package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.ddl.PartitionRows;
import io.snapsync.core.sql.ddl.PartitionTree;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowKey;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a partitioned table or a parent of INHERITS children: the rows of every leaf table
 * under it (the parent's own first, for inheritance; partitions in bound order), each in the
 * parent's column order. The leaves are looked up when the scan opens, through the statement's
 * store transaction, so a partition created after the statement's snapshot is not read and a
 * cached plan sees partitions added since. As the target of UPDATE or DELETE it appends each
 * row's {@link RowKey} (whose prefix names its leaf), or reads only the one key re-checked.
 */
public record AppendScanNode(TableDef def) implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    List<TableDef> leaves = PartitionTree.leaves(ctx.txn(), def);
    boolean target = ctx.isTarget(this);
    byte[] only = target ? ctx.targetKey() : null;
    if (only != null) {
      TableDef leaf = owner(leaves, only);
      byte[] bytes = leaf == null ? null : ctx.txn().get(only);
      if (bytes == null) {
        return Cursor.of(List.of());
      }
      return Cursor.of(List.<Object[]>of(row(leaf, bytes, only, true)));
    }
    return new Cursor() {
      private int next;
      private TableDef leaf;
      private CloseableIterator<KeyValue> it;

      @Override
      public Object[] next() {
        while (it == null || !it.hasNext()) {
          close();
          if (next >= leaves.size()) {
            return null;
          }
          leaf = leaves.get(next++);
          it = ctx.txn().scan(Keys.rowsFrom(leaf.id()), Keys.rowsTo(leaf.id()));
        }
        ctx.checkCanceled();
        KeyValue kv = it.next();
        return row(leaf, kv.value(), kv.key(), target);
      }

      @Override
      public void close() {
        if (it != null) {
          it.close();
          it = null;
        }
      }
    };
  }

  private Object[] row(TableDef leaf, byte[] value, byte[] key, boolean withKey) {
    List<Object> r = PartitionRows.toParent(def, leaf, RowCodec.decode(value,
        leaf.columns().size()));
    int width = def.columns().size();
    Object[] out = Arrays.copyOf(r.toArray(), withKey ? width + 1 : width);
    if (withKey) {
      out[width] = new RowKey(key);
    }
    return out;
  }

  /** The leaf among {@code leaves} whose rows' key range holds {@code key}, or null. */
  public static TableDef owner(List<TableDef> leaves, byte[] key) {
    for (TableDef l : leaves) {
      if (Arrays.compareUnsigned(key, Keys.rowsFrom(l.id())) >= 0
          && Arrays.compareUnsigned(key, Keys.rowsTo(l.id())) < 0) {
        return l;
      }
    }
    return null;
  }

  @Override
  public List<PlanNode> inputs() {
    return new ArrayList<>();
  }

  @Override
  public String describe() {
    return "Append on " + def.name();
  }
}
