package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.exec.TableScanNode;
import io.snapsync.core.sql.exec.RowKey;
import io.snapsync.core.sql.exec.TableDef;
import java.util.Arrays;

/**
 * UPDATE and DELETE on a table without a one-column primary key (none: hidden row ids, or a
 * composite key): the rows are addressed by the store key
 * the target scan found ({@link RowKey}, appended to each row), not by values, and a re-check
 * reads that one key again. Stateless.
 */
final class HiddenKeys {

  private HiddenKeys() {
  }

  /** The scan of {@code def} that finds the rows to write: the first one, depth first. */
  static PlanNode targetScan(PreparedQuery q, TableDef def) {
    PlanNode found = find(q.root(), def);
    if (found == null) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "schema.no_row_key",
          def.name());
    }
    return found;
  }

  private static PlanNode find(PlanNode n, TableDef def) {
    if ((n instanceof TableScanNode s && s.def().id() == def.id())
        || (n instanceof io.snapsync.core.sql.engine.exec.IndexScanNode x
            && x.def().id() == def.id())
        || (n instanceof io.snapsync.core.sql.engine.exec.AppendScanNode a
            && a.def().id() == def.id())) {
      return n;
    }
    for (PlanNode in : n.inputs()) {
      PlanNode f = find(in, def);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** The row key a target-scan row carries last; 0A000 if an operator lost it. */
  static byte[] key(Object[] row, TableDef def) {
    if (row.length == 0 || !(row[row.length - 1] instanceof RowKey k)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "schema.no_row_key",
          def.name());
    }
    return k.key();
  }

  /** {@code row} without its trailing {@link RowKey}, if any. */
  static Object[] strip(Object[] row) {
    return row.length > 0 && row[row.length - 1] instanceof RowKey
        ? Arrays.copyOf(row, row.length - 1) : row;
  }
}
