package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.Database;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;

/**
 * The definition a writer holding ROW EXCLUSIVE on a table must maintain: like PostgreSQL's
 * catalog snapshot, the newest committed one (an index created after a REPEATABLE READ
 * writer's snapshot still gets its entries), unless the transaction changed the definition
 * itself (it then holds a stronger table lock) or created the table. Stateless.
 */
final class CurrentDefinition {

  private CurrentDefinition() {
  }

  /** Thrown by a write that planned with an older index list; the caller retries with it. */
  static final class Changed extends RuntimeException {
    final TableDef now;

    Changed(TableDef now) {
      super(null, null, false, false);
      this.now = now;
    }
  }

  /**
   * Checks that {@code planned} is still the definition to write with; throws {@link Changed}
   * when only its indexes differ, 40001 when its shape changed since (DDL the writer's snapshot
   * does not see). Blocking; the caller holds ROW EXCLUSIVE on the table.
   */
  static void check(Database db, TransactionBlock txn, StoreTransaction t, TableDef planned) {
    byte[] key = Keys.table(planned.name());
    boolean own = db.tableLocks().holdsAtLeast(t.txid(), planned.name(),
        TableLockMode.SHARE_UPDATE_EXCLUSIVE);
    byte[] bytes = own ? null : t.latestCommitted(key);
    if (bytes == null) {
      bytes = t.get(key);
    }
    if (bytes == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist",
          planned.name());
    }
    TableDef now = TableDef.fromBytes(bytes);
    if (now.id() != planned.id() || !now.columns().equals(planned.columns())) {
      throw SnapsyncException.error(SqlState.SERIALIZATION_FAILURE, "sql.serialization_failure");
    }
    if (!now.indexes().equals(planned.indexes())) {
      throw new Changed(planned.withIndexes(now.indexes()));
    }
  }
}
