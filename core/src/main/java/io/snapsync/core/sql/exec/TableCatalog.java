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

  /** Definitions decoded once per stored version: every statement reads its tables' ones. */
  private static final DecodedDefinitions DECODED = new DecodedDefinitions();

  private TableCatalog() {
  }

  /** The table as {@code t} sees it, or null. Blocking. */
  public static TableDef find(StoreTransaction t, String name) {
    byte[] b = t.get(Keys.table(name));
    return b == null ? null : DECODED.decode(name, b);
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

  /** Records {@code owner} as the owner of {@code d} (ALTER TABLE OWNER TO). Blocking. */
  public static TableDef setOwner(StoreTransaction t, TableDef d, String owner) {
    TableDef changed = d.withOwner(owner);
    put(t, changed);
    return changed;
  }

  /** Writes (creates or replaces) the definition of table {@code d.name()}. Blocking. */
  public static void put(StoreTransaction t, TableDef d) {
    t.put(Keys.table(d.name()), d.toBytes());
  }
}
