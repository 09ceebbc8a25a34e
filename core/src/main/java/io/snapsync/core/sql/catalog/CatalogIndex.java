package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * One index of a user table as the catalog shows it (pg_class relkind 'i', pg_index,
 * pg_indexes, and for a primary key also pg_constraint). Today a table's only index is its
 * primary key ({@link TableDef#key()}; none for a table without one); secondary indexes join
 * {@link #of} when {@code TableDef} lists them.
 *
 * @param oid the index's OID
 * @param name the index's name ({@code <table>_pkey} for the primary key)
 * @param table the indexed table
 * @param columns the key columns, as indexes into the table's columns, in key order
 * @param primary true for the primary key
 * @param unique true for a unique index
 */
public record CatalogIndex(long oid, String name, TableDef table, List<Integer> columns,
    boolean primary, boolean unique) {

  /** The indexes of {@code d}, primary key first. */
  public static List<CatalogIndex> of(TableDef d) {
    List<CatalogIndex> out = new ArrayList<>(1);
    if (!d.hiddenKey()) {
      out.add(new CatalogIndex(CatalogOids.primaryKey(d), d.name() + "_pkey", d, d.key(), true,
          true));
    }
    return out;
  }

  /** The index with OID {@code oid} among {@code tables}' indexes, or null. */
  public static CatalogIndex find(List<TableDef> tables, long oid) {
    for (TableDef d : tables) {
      for (CatalogIndex i : of(d)) {
        if (i.oid() == oid) {
          return i;
        }
      }
    }
    return null;
  }

  /** The key columns' attnums (1-based), as pg_index.indkey and pg_constraint.conkey hold them. */
  public List<Short> attnums() {
    List<Short> out = new ArrayList<>(columns.size());
    for (int c : columns) {
      out.add((short) (c + 1));
    }
    return out;
  }

  /** The key columns' names, quoted as needed and comma separated. */
  public String columnList() {
    StringBuilder b = new StringBuilder();
    for (int c : columns) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(CatalogText.quoteIdent(table.columns().get(c).name()));
    }
    return b.toString();
  }
}
