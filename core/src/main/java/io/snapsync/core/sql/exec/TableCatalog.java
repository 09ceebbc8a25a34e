package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/** Table definitions, read and written through a transaction (transactional DDL). */
public final class TableCatalog {

  private TableCatalog() {
  }

  /** The table as {@code t} sees it, or null. Blocking. */
  public static TableDef find(StoreTransaction t, String name) {
    byte[] b = t.get(Keys.table(name));
    return b == null ? null : TableDef.fromBytes(b);
  }

  /** The table, or 42P01 {@code relation "t" does not exist}. Blocking. */
  public static TableDef require(StoreTransaction t, String name) {
    TableDef d = find(t, name);
    if (d == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "sql.relation_not_exist", name);
    }
    return d;
  }

  /** Every table visible to {@code t}. Blocking. */
  public static List<TableDef> all(StoreTransaction t) {
    List<TableDef> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.tablesFrom(), Keys.tablesTo())) {
      while (it.hasNext()) {
        out.add(TableDef.fromBytes(it.next().value()));
      }
    }
    return out;
  }

  /** Writes {@code d} as {@code t}'s version of the table (the caller holds its lock). Blocking. */
  public static void put(StoreTransaction t, TableDef d) {
    t.put(Keys.table(d.name()), d.toBytes());
  }
}
