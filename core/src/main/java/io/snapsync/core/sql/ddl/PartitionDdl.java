package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.exec.TableLockWaits;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The partition and inheritance side of DDL: a new table's placement (its bound checked, its
 * INHERITS parents marked), DROP TABLE of a parent taking its partitions (and, with CASCADE,
 * its INHERITS children), and ALTER TABLE ATTACH / DETACH PARTITION, [NO] INHERIT as MVCC
 * writes of the definitions after their keys are locked. Thread-safe; one per database.
 */
final class PartitionDdl {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tableLocks;

  PartitionDdl(Database db, RowLocks locks) {
    this.db = db;
    this.locks = locks;
    this.tableLocks = new TableLockWaits(db);
  }

  /** The tables {@code placement} names as parents. */
  static List<String> parents(Partitioning placement) {
    List<String> out = new ArrayList<>(placement.inherits());
    if (placement.partition()) {
      out.add(placement.parent());
    }
    return out;
  }

  /** {@code def} placed (checked, bound normalized); its INHERITS parents marked. Blocking. */
  static TableDef placed(StoreTransaction t, TableDef def, Partitioning placement,
      List<DdlStatement.UniqueSpec> uniques) {
    TableDef out = PartitionPlacement.place(t, def, placement, uniques);
    for (String p : placement.inherits()) {
      markInherited(t, TableCatalog.require(t, p));
    }
    return out;
  }

  private static void markInherited(StoreTransaction t, TableDef parent) {
    Partitioning p = parent.partitioning() != null ? parent.partitioning()
        : new Partitioning(null, List.of(), null, null, List.of(), false);
    if (!p.inherited()) {
      TableCatalog.put(t, parent.withPartitioning(p.withInherited(true)));
    }
  }

  /**
   * Adds to {@code found} (tables being dropped) their partitions, and with {@code cascade}
   * their INHERITS children (NOTICE {@code drop cascades to table c}); without it an INHERITS
   * child is 2BP01 as in PostgreSQL. Blocking.
   */
  static void withDescendants(StoreTransaction t, List<TableDef> found, boolean cascade,
      List<Notice> notices) {
    List<String> names = new ArrayList<>(found.stream().map(TableDef::name).toList());
    for (int i = 0; i < found.size(); i++) {
      TableDef d = found.get(i);
      if (d.partitioning() == null || !d.partitioning().appends()) {
        continue;
      }
      for (TableDef c : PartitionTree.children(t, d)) {
        if (names.contains(c.name())) {
          continue;
        }
        if (!d.partitioned()) {
          if (!cascade) {
            throw SnapsyncException.error(DdlStates.DEPENDENT_OBJECTS_STILL_EXIST,
                "ddl.inherit.drop_dependents", d.name())
                .withDetail("ddl.inherit.drop_dependents.detail", c.name(), d.name())
                .withHint("ddl.inherit.drop_dependents.hint");
          }
          notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.inherit.drop_cascades",
              c.name()));
        }
        names.add(c.name());
        found.add(c);
      }
    }
  }

  /** ALTER TABLE t ATTACH / DETACH PARTITION, [NO] INHERIT. */
  Future<StatementResult> alter(DdlStatement.AlterPlacement a, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<String> names = List.of(a.table(), a.other());
    return db.blocking(() -> {
      txn.checkWritable(a.tag());
      txn.startQuery();
      txn.storeTxn();
      return null;
    }).compose(v -> tableLocks.lockAll(ctx, names, TableLockMode.ACCESS_EXCLUSIVE))
        .compose(v -> locks.lockAll(ctx, names.stream().map(Keys::table).toList(),
            txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          TableDef def = TableCatalog.find(t, a.table());
          if (def == null) {
            if (a.ifExists()) {
              return new StatementResult(List.of(), List.of(), a.tag(), List.of(Notice.of(
                  Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.relation_not_exist_skipping", a.table())));
            }
            throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.relation_not_exist",
                a.table());
          }
          AccessCheck.requireOwner(db, ctx, def);
          TableDef other = TableCatalog.require(t, a.other());
          switch (a.action()) {
            case ATTACH -> attach(t, def, other, a.bound());
            case DETACH -> detach(t, def, other);
            case INHERIT -> inherit(t, def, other);
            default -> noInherit(t, def, other);
          }
          return StatementResult.command(a.tag());
        }));
  }

  private static void attach(StoreTransaction t, TableDef parent, TableDef child,
      PartitionBound bound) {
    if (!parent.partitioned()) {
      throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
          "ddl.partition.not_partitioned", parent.name());
    }
    if (child.partitioning() != null && child.partitioning().partition()) {
      throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
          "ddl.partition.already_partition", child.name());
    }
    if (child.partitioning() != null && !child.partitioning().inherits().isEmpty()) {
      throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
          "ddl.partition.attach_inheritor");
    }
    for (Column c : child.columns()) {
      int i = parent.indexOf(c.name());
      if (i < 0) {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.partition.extra_column", child.name(), c.name(), parent.name())
            .withDetail("ddl.partition.extra_column.detail");
      }
      if (parent.columns().get(i).type() != c.type()) {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.partition.column_type", child.name(), c.name());
      }
    }
    for (Column c : parent.columns()) {
      if (child.indexOf(c.name()) < 0) {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.partition.missing_column", c.name());
      }
    }
    PartitionBound b = PartitionPlacement.normalize(parent, child.name(), bound);
    PartitionPlacement.checkSiblings(t, parent, child.name(), b);
    Partitioning own = child.partitioning() != null ? child.partitioning()
        : new Partitioning(null, List.of(), null, null, List.of(), false);
    TableDef placed = child.withPartitioning(own.withParent(parent.name(), b));
    for (TableDef leaf : PartitionTree.leaves(t, placed)) {
      try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(leaf.id()),
          Keys.rowsTo(leaf.id()))) {
        while (it.hasNext()) {
          List<Object> row = RowCodec.decode(it.next().value(), leaf.columns().size());
          if (!PartitionTree.fits(t, parent, placed, PartitionRows.toParent(placed, leaf,
              row))) {
            throw SnapsyncException.error(DdlStates.CHECK_VIOLATION,
                "ddl.partition.attach_violated", child.name());
          }
        }
      }
    }
    TableCatalog.put(t, placed);
  }

  private static void detach(StoreTransaction t, TableDef parent, TableDef child) {
    if (child.partitioning() == null || !parent.name().equals(child.partitioning().parent())) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.partition.not_partition_of",
          child.name(), parent.name());
    }
    TableCatalog.put(t, child.withPartitioning(child.partitioning().withParent(null, null)));
  }

  private static void inherit(StoreTransaction t, TableDef child, TableDef parent) {
    if (parent.partitioned()) {
      throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
          "ddl.inherit.from_partitioned", parent.name());
    }
    if (child.name().equals(parent.name())) {
      throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.inherit.circular",
          parent.name(), child.name());
    }
    for (int i = 0; i < parent.columns().size(); i++) {
      Column c = parent.columns().get(i);
      int j = child.indexOf(c.name());
      if (j < 0) {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.inherit.missing_column", c.name());
      }
      if (child.columns().get(j).type() != c.type()) {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH,
            "ddl.inherit.column_type", child.name(), c.name());
      }
    }
    Partitioning own = child.partitioning() != null ? child.partitioning()
        : new Partitioning(null, List.of(), null, null, List.of(), false);
    if (own.inherits().contains(parent.name())) {
      throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.inherit.twice",
          parent.name());
    }
    List<String> ps = new ArrayList<>(own.inherits());
    ps.add(parent.name());
    TableCatalog.put(t, child.withPartitioning(own.withInherits(ps)));
    markInherited(t, parent);
  }

  private static void noInherit(StoreTransaction t, TableDef child, TableDef parent) {
    if (child.partitioning() == null
        || !child.partitioning().inherits().contains(parent.name())) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.inherit.not_parent",
          parent.name(), child.name());
    }
    List<String> ps = new ArrayList<>(child.partitioning().inherits());
    ps.remove(parent.name());
    TableCatalog.put(t, child.withPartitioning(child.partitioning().withInherits(ps)));
  }
}
