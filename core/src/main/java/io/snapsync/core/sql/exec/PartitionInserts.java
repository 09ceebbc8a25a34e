package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.PartitionRows;
import io.snapsync.core.sql.ddl.PartitionTree;
import io.snapsync.core.sql.ddl.RowChecks;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * INSERT into a partitioned table or into a partition: each row of a partitioned table goes
 * to its leaf partition ({@link PartitionTree#route}; 23514 when none admits it), is checked
 * against the leaf's CHECK constraints and written there; a row inserted into a partition
 * directly must fit its bound and its ancestors' (23514 {@code new row for relation "c"
 * violates partition constraint}). Thread-safe; stateless apart from its collaborators.
 */
public final class PartitionInserts {

  private final Database db;
  private final RowModifier modifier;

  public PartitionInserts(Database db, RowModifier modifier) {
    this.db = db;
    this.modifier = modifier;
  }

  /** True when an INSERT into {@code def} goes through here. */
  public static boolean involved(TableDef def) {
    return def.partitioning() != null
        && (def.partitioned() || def.partitioning().partition());
  }

  /** Inserts {@code rows} (complete, in {@code def}'s column order) into {@code def}. */
  public Future<RowModifier.Written> insert(TableDef def, List<List<Object>> rows,
      SessionContext ctx) {
    return db.blockingInline(() -> route(ctx.txn().storeTxn(), def, rows))
        .compose(routed -> {
          Future<List<RowModifier.Change>> all = Future.succeededFuture(new ArrayList<>());
          for (Map.Entry<TableDef, List<List<Object>>> e : routed.entrySet()) {
            all = all.compose(done -> RowChecks.verify(db.executor().queries(), e.getKey(),
                e.getValue(), ctx).compose(v -> modifier.insert(e.getKey(), e.getValue(), ctx))
                .map(w -> {
                  done.addAll(w.changes());
                  return done;
                }));
          }
          return all.map(RowModifier.Written::new);
        });
  }

  /** The rows of each leaf table, in the leaf's column order. Blocking. */
  public static Map<TableDef, List<List<Object>>> route(StoreTransaction t, TableDef def,
      List<List<Object>> rows) {
    Map<TableDef, List<List<Object>>> out = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      TableDef leaf = def.partitioned() ? PartitionTree.route(t, def, row) : def;
      List<Object> r = leaf == def ? row : PartitionRows.toChild(def, leaf, row);
      if (!def.partitioned()) {
        checkFits(t, leaf, r);
      }
      out.computeIfAbsent(leaf, k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** 23514 unless partition {@code p} and its ancestors admit {@code row} (p's order). */
  public static void checkFits(StoreTransaction t, TableDef p, List<Object> row) {
    TableDef child = p;
    List<Object> r = row;
    while (child.partitioning() != null && child.partitioning().partition()) {
      TableDef parent = TableCatalog.require(t, child.partitioning().parent());
      if (!PartitionTree.fits(t, parent, child, r)) {
        throw SnapsyncException.error(SqlState.CHECK_VIOLATION, "ddl.partition.violates", p.name())
            .withDetail("ddl.partition.violates.detail", text(p, row));
      }
      r = PartitionRows.toParent(parent, child, r);
      child = parent;
    }
  }

  private static String text(TableDef def, List<Object> row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      Column c = def.columns().get(i);
      out.add(row.get(i) == null ? "null" : PgValues.toText(row.get(i), c.type(),
          ZoneOffset.UTC));
    }
    return String.join(", ", out);
  }
}
