package io.snapsync.core.sql.index;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a new index over the rows a transaction sees and chooses PostgreSQL's default index
 * names. The caller holds the table definition's lock. Blocking; stateless.
 */
public final class IndexBuilder {

  private IndexBuilder() {
  }

  /** A fresh index id (as random as table ids, so they never meet). */
  static long newId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
  }

  /**
   * Writes an entry of {@code ix} for every row of {@code def} that {@code t} sees; a unique
   * index meeting two rows with the same non-null values fails with 23505 {@code could not
   * create unique index}.
   */
  public static void build(StoreTransaction t, TableDef def, IndexDef ix, Runnable checkCanceled) {
    build(t, t, def, ix, checkCanceled);
  }

  /** As {@link #build(StoreTransaction, TableDef, IndexDef, Runnable)}, rows read by {@code source}. */
  static void build(StoreTransaction source, StoreTransaction t, TableDef def, IndexDef ix,
      Runnable checkCanceled) {
    int width = def.columns().size();
    try (CloseableIterator<KeyValue> it = source.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        checkCanceled.run();
        KeyValue kv = it.next();
        List<Object> row = RowCodec.decode(kv.value(), width);
        List<Object> values = IndexMaintenance.values(ix, row);
        byte[] entry = IndexKeys.entry(ix, values, kv.key());
        if (ix.unique() && t.get(entry) != null) {
          throw SnapsyncException.error(SqlState.UNIQUE_VIOLATION, "index.could_not_create_unique",
              ix.name()).withDetail("index.duplicated_key", IndexMaintenance.columnNames(def, ix),
              IndexMaintenance.valueText(ix, row));
        }
        t.put(entry, IndexKeys.entryValue(kv.key(), values));
      }
    }
  }

  /** The names of every relation (table or index) {@code t} sees. */
  public static Set<String> relationNames(StoreTransaction t) {
    Set<String> names = new HashSet<>();
    for (TableDef d : TableCatalog.all(t)) {
      names.add(d.name());
      d.indexes().forEach(i -> names.add(i.name()));
    }
    return names;
  }

  /**
   * PostgreSQL's choice of name: {@code table_col1_col2_suffix}, with 1, 2, ... appended while
   * the name is taken.
   */
  public static String defaultName(String table, List<String> columns, String suffix,
      Set<String> taken) {
    String base = table + "_" + String.join("_", columns) + "_" + suffix;
    String name = base;
    for (int n = 1; taken.contains(name); n++) {
      name = base + n;
    }
    return name;
  }
}
