package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.ddl.SequenceDef;
import io.snapsync.core.sql.exec.TableDef;
import java.util.List;

/**
 * The catalog functions that look an object up by OID or name: {@code pg_get_constraintdef}
 * (PRIMARY KEY, UNIQUE, CHECK), {@code pg_get_indexdef} with a column number and
 * {@code pg_get_serial_sequence}. Static, thread-safe; callers pass a view of their
 * statement's transaction.
 */
public final class CatalogLookups {

  private CatalogLookups() {
  }

  /**
   * {@code pg_get_constraintdef(oid, pretty)}: null for an OID that is no constraint; the
   * pretty form drops the CHECK expression's own parentheses, as PostgreSQL's.
   */
  public static String constraintDef(CatalogView v, long oid, boolean pretty) {
    CatalogIndex i = v.index(oid);
    if (i != null) {
      return i.constraint() ? CatalogText.constraintDef(i) : null;
    }
    TableDef.Check c = ConstraintRows.check(v, oid);
    if (c == null) {
      return ForeignKeyRows.def(v, oid);
    }
    return c == null ? null : pretty ? "CHECK (" + c.sql().trim() + ")"
        : CatalogText.checkDef(c.sql());
  }

  /**
   * {@code pg_get_indexdef(oid, column, pretty)}: the whole definition for column 0, else the
   * name of that key column (1-based), as PostgreSQL; null for an unknown index or column.
   */
  public static String indexDef(CatalogView v, long oid, int column) {
    CatalogIndex i = v.index(oid);
    if (i == null) {
      return null;
    }
    if (column == 0) {
      return CatalogText.indexDef(i);
    }
    List<Integer> cols = i.columns();
    return column < 0 || column > cols.size() ? null
        : CatalogText.quoteIdent(i.table().columns().get(cols.get(column - 1)).name());
  }

  /**
   * {@code pg_get_serial_sequence(table, column)}: {@code public.<sequence>} for a serial
   * column, null for another column; the table name may be qualified with {@code public.}.
   */
  public static String serialSequence(CatalogView v, String table, String column) {
    String t = table.startsWith("public.") ? table.substring(7) : table;
    if (t.length() > 1 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
    } else {
      t = t.toLowerCase(java.util.Locale.ROOT);
    }
    SequenceDef s = SequenceTables.ownedBy(v, t, column);
    return s == null ? null : "public." + CatalogText.quoteIdent(s.name());
  }
}
