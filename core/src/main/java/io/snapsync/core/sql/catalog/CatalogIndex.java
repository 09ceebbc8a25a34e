package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One index of a user table as the catalog shows it (pg_class relkind 'i', pg_index,
 * pg_indexes, and for a PRIMARY KEY or UNIQUE constraint also pg_constraint): the primary key
 * the table is keyed by ({@link TableDef#key()}, named {@code <table>_pkey}; none for a table
 * without one) and then the table's {@link TableDef#indexes() secondary indexes}, which include
 * UNIQUE constraints and a primary key added later by ALTER TABLE.
 *
 * @param oid the index's OID
 * @param name the index's name
 * @param table the indexed table
 * @param columns the key columns, as indexes into the table's columns, in key order
 * @param primary true for the primary key
 * @param unique true for a unique index
 * @param constraint true when a PRIMARY KEY or UNIQUE constraint of the same name owns it
 * @param descending per column: DESC
 * @param nullsFirst per column: NULLS FIRST
 * @param predicate a partial index's WHERE text, or null
 */
public record CatalogIndex(long oid, String name, TableDef table, List<Integer> columns,
    boolean primary, boolean unique, boolean constraint, List<Boolean> descending,
    List<Boolean> nullsFirst, String predicate) {

  /** The indexes of {@code d}, the key's primary key first. */
  public static List<CatalogIndex> of(TableDef d) {
    List<CatalogIndex> out = new ArrayList<>(1 + d.indexes().size());
    if (!d.hiddenKey()) {
      List<Boolean> no = Collections.nCopies(d.key().size(), false);
      out.add(new CatalogIndex(CatalogOids.primaryKey(d), d.name() + "_pkey", d, d.key(), true,
          true, true, no, no, null));
    }
    for (IndexDef i : d.indexes()) {
      out.add(new CatalogIndex(CatalogOids.index(i), i.name(), d, i.columns(), i.primary(),
          i.unique() || i.primary(), i.constraint() || i.primary(), i.descending(),
          i.nullsFirst(), i.predicate()));
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

  /** pg_index.indoption: per column 1 for DESC, 2 for NULLS FIRST (PostgreSQL's bits). */
  public List<Short> options() {
    List<Short> out = new ArrayList<>(columns.size());
    for (int k = 0; k < columns.size(); k++) {
      boolean desc = k < descending.size() && descending.get(k);
      boolean first = k < nullsFirst.size() ? nullsFirst.get(k) : desc;
      out.add((short) ((desc ? 1 : 0) | (first ? 2 : 0)));
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

  /** The key columns with their DESC / NULLS FIRST / NULLS LAST marks, as pg_get_indexdef. */
  public String keyList() {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < columns.size(); k++) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(CatalogText.quoteIdent(table.columns().get(columns.get(k)).name()));
      short o = options().get(k);
      boolean desc = (o & 1) != 0;
      boolean first = (o & 2) != 0;
      if (desc) {
        b.append(" DESC");
      }
      if (desc && !first) {
        b.append(" NULLS LAST");
      } else if (!desc && first) {
        b.append(" NULLS FIRST");
      }
    }
    return b.toString();
  }
}
