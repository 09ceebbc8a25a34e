package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.PartitionRows;
import io.snapsync.core.sql.ddl.PartitionTree;
import io.snapsync.core.sql.engine.exec.AppendScanNode;
import io.snapsync.core.sql.exec.PartitionInserts;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UPDATE and DELETE through a partitioned table or an INHERITS parent: the target rows (found
 * by an {@link AppendScanNode}, each carrying its leaf's row key) are written in the leaf that
 * holds them; an UPDATE whose new row no longer fits its partition moves it (deleted there,
 * routed again from the parent), as PostgreSQL does. An UPDATE of a partition itself must keep
 * its rows inside the bound (23514). Thread-safe.
 */
final class PartitionWrites {

  private final Database db;
  private final RowModifier modifier;
  private final PartitionInserts inserts;

  PartitionWrites(Database db, RowModifier modifier) {
    this.db = db;
    this.modifier = modifier;
    this.inserts = new PartitionInserts(db, modifier);
  }

  /** True when a write to {@code def} reads or moves rows of other tables. */
  static boolean appends(TableDef def) {
    return def.partitioning() != null && def.partitioning().appends();
  }

  Future<RowModifier.Written> update(TableDef def, List<RowModifier.Change> changes,
      RowModifier.Recheck recheck, SessionContext ctx) {
    if (!appends(def)) {
      // a partition updated directly keeps its rows inside its bound
      return db.blockingInline(() -> {
        StoreTransaction t = ctx.txn().storeTxn();
        changes.forEach(c -> PartitionInserts.checkFits(t, def, c.newRow()));
        return null;
      }).compose(v -> modifier.update(def, changes, recheck, ctx));
    }
    return db.blockingInline(() -> split(ctx.txn().storeTxn(), def, changes, true))
        .compose(s -> {
          Future<List<RowModifier.Change>> all = Future.succeededFuture(new ArrayList<>());
          for (Map.Entry<TableDef, List<RowModifier.Change>> e : s.stay().entrySet()) {
            all = all.compose(done -> modifier.update(e.getKey(), e.getValue(), recheck, ctx)
                .map(w -> add(done, w)));
          }
          for (Map.Entry<TableDef, List<RowModifier.Change>> e : s.move().entrySet()) {
            List<List<Object>> rows = e.getValue().stream().map(RowModifier.Change::newRow)
                .toList();
            all = all.compose(done -> modifier.delete(e.getKey(), e.getValue(), recheck, ctx)
                .compose(w -> inserts.insert(def, rows, ctx)).map(w -> {
                  // report the moved rows as updated (their old keys, their new values)
                  done.addAll(e.getValue());
                  return done;
                }));
          }
          return all.map(RowModifier.Written::new);
        });
  }

  Future<RowModifier.Written> delete(TableDef def, List<RowModifier.Change> changes,
      RowModifier.Recheck recheck, SessionContext ctx) {
    return db.blockingInline(() -> split(ctx.txn().storeTxn(), def, changes, false))
        .compose(s -> {
          Future<List<RowModifier.Change>> all = Future.succeededFuture(new ArrayList<>());
          for (Map.Entry<TableDef, List<RowModifier.Change>> e : s.stay().entrySet()) {
            all = all.compose(done -> modifier.delete(e.getKey(), e.getValue(), recheck, ctx)
                .map(w -> add(done, w)));
          }
          return all.map(RowModifier.Written::new);
        });
  }

  private static List<RowModifier.Change> add(List<RowModifier.Change> done,
      RowModifier.Written w) {
    done.addAll(w.changes());
    return done;
  }

  private record Split(Map<TableDef, List<RowModifier.Change>> stay,
      Map<TableDef, List<RowModifier.Change>> move) {
  }

  /** The changes by leaf; with {@code moves}, those leaving their partition apart. Blocking. */
  private static Split split(StoreTransaction t, TableDef def, List<RowModifier.Change> changes,
      boolean moves) {
    List<TableDef> leaves = PartitionTree.leaves(t, def);
    Map<TableDef, List<RowModifier.Change>> stay = new LinkedHashMap<>();
    Map<TableDef, List<RowModifier.Change>> move = new LinkedHashMap<>();
    for (RowModifier.Change c : changes) {
      TableDef leaf = AppendScanNode.owner(leaves, c.key());
      if (leaf == null) {
        continue;
      }
      if (!PartitionRows.sameShape(def, leaf)) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
            "ddl.partition.write_through_parent", def.name());
      }
      boolean stays = !moves || fits(t, def, leaf, c.newRow());
      (stays ? stay : move).computeIfAbsent(leaf, k -> new ArrayList<>()).add(c);
    }
    return new Split(stay, move);
  }

  /** True when {@code row} still fits {@code leaf} and its ancestors below {@code top}. */
  private static boolean fits(StoreTransaction t, TableDef top, TableDef leaf,
      List<Object> row) {
    TableDef child = leaf;
    while (child != null && !child.name().equals(top.name()) && child.partitioning() != null
        && child.partitioning().partition()) {
      TableDef parent = TableCatalog.require(t, child.partitioning().parent());
      if (!PartitionTree.fits(t, parent, child, row)) {
        return false;
      }
      child = parent;
    }
    return true;
  }
}
