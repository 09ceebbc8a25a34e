package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.session.Column;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.core.sql.index.IndexKeys;
import io.snapsync.core.stats.ObjectStats;
import io.snapsync.storage.RangeUsage;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pg_stat_user_tables} and {@code pg_stat_user_indexes}: PostgreSQL 15's columns from
 * the node's {@link ObjectStats} counters (scans, rows read, fetched, inserted, updated,
 * deleted) and the store's versions ({@code n_live_tup}: rows of the latest state,
 * {@code n_dead_tup}: versions pending reclaim), plus snapsync's last column
 * {@code stored_bytes} (every stored version's key and value; null for a primary key, whose
 * entries are the table's rows). There is no VACUUM or ANALYZE history: those columns are null
 * or 0. The same rows feed WDR's object statistics ({@link #tableRows}, {@link #indexRows}).
 */
public final class ObjectStatsTables {

  /** pg_stat_user_tables' columns. */
  public static final List<Column> TABLE_COLUMNS = cols("relid", OID, "schemaname", NAME,
      "relname", NAME, "seq_scan", INT8, "seq_tup_read", INT8, "idx_scan", INT8,
      "idx_tup_fetch", INT8, "n_tup_ins", INT8, "n_tup_upd", INT8, "n_tup_del", INT8,
      "n_tup_hot_upd", INT8, "n_live_tup", INT8, "n_dead_tup", INT8, "n_mod_since_analyze", INT8,
      "n_ins_since_vacuum", INT8, "last_vacuum", TIMESTAMPTZ, "last_autovacuum", TIMESTAMPTZ,
      "last_analyze", TIMESTAMPTZ, "last_autoanalyze", TIMESTAMPTZ, "vacuum_count", INT8,
      "autovacuum_count", INT8, "analyze_count", INT8, "autoanalyze_count", INT8,
      "stored_bytes", INT8);

  /** pg_stat_user_indexes' columns. */
  public static final List<Column> INDEX_COLUMNS = cols("relid", OID, "indexrelid", OID,
      "schemaname", NAME, "relname", NAME, "indexrelname", NAME, "idx_scan", INT8,
      "idx_tup_read", INT8, "idx_tup_fetch", INT8, "stored_bytes", INT8);

  private ObjectStatsTables() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_stat_user_tables", TABLE_COLUMNS, v -> tableRows(db.store(),
        v.tables(), db.services().stats().objects()));
    add(db, r, "pg_stat_user_indexes", INDEX_COLUMNS, v -> indexRows(db.store(),
        v.tables(), db.services().stats().objects()));
  }

  /** The user tables {@code txn} sees. Blocking. */
  public static List<TableDef> tables(StoreTransaction txn) {
    return TableCatalog.all(txn);
  }

  /** One pg_stat_user_tables row per table of {@code tables}. Blocking: scans their versions. */
  public static List<List<Object>> tableRows(Store store, List<TableDef> tables,
      ObjectStats stats) {
    List<List<Object>> rows = new ArrayList<>();
    var counted = stats.tables();
    for (TableDef d : tables) {
      ObjectStats.Table t = counted.getOrDefault(d.id(), new ObjectStats.Table());
      RangeUsage u = store.usage(Keys.rowsFrom(d.id()), Keys.rowsTo(d.id()));
      boolean indexed = !CatalogIndex.of(d).isEmpty();
      long ins = t.inserted.sum();
      long upd = t.updated.sum();
      long del = t.deleted.sum();
      rows.add(Arrays.asList(CatalogOids.table(d), Names.schemaOf(d.name()),
          Names.relname(d.name()), t.seqScan.sum(), t.seqTupRead.sum(),
          indexed ? t.idxScan.sum() : null, indexed ? t.idxTupFetch.sum() : null, ins, upd, del,
          0L, u.liveRows(), u.deadVersions(), ins + upd + del, ins, null, null, null, null, 0L,
          0L, 0L, 0L, u.bytes()));
    }
    return rows;
  }

  /** One pg_stat_user_indexes row per index of {@code tables}. Blocking: scans their entries. */
  public static List<List<Object>> indexRows(Store store, List<TableDef> tables,
      ObjectStats stats) {
    List<List<Object>> rows = new ArrayList<>();
    var counted = stats.indexes();
    for (TableDef d : tables) {
      for (CatalogIndex i : CatalogIndex.of(d)) {
        ObjectStats.Index c = counted.getOrDefault(new ObjectStats.IndexKey(d.id(), i.name()),
            new ObjectStats.Index());
        Long bytes = null;
        IndexDef def = d.indexes().stream().filter(x -> x.name().equals(i.name())).findFirst()
            .orElse(null);
        if (def != null) {
          byte[] from = IndexKeys.prefix(def, List.of());
          byte[] to = IndexKeys.prefixEnd(from);
          bytes = store.usage(from, to).bytes();
        }
        rows.add(Arrays.asList(CatalogOids.table(d), i.oid(), Names.schemaOf(d.name()),
            Names.relname(d.name()), Names.relname(i.name()), c.scans.sum(), c.tupRead.sum(),
            c.tupFetch.sum(), bytes));
      }
    }
    return rows;
  }
}
