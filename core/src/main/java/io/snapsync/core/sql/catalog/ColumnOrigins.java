package io.snapsync.core.sql.catalog;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Result columns with the user-table column each one comes from (table OID, attnum), from the
 * validator's field origins ({@code [schema, table, column]} or null per output). Static.
 */
public final class ColumnOrigins {

  private ColumnOrigins() {
  }

  /**
   * {@code columns} with origins set where {@code origins} names a column of a table in
   * {@code tables} (the definitions the analysis looked up, by name).
   */
  public static List<Column> apply(List<Column> columns, List<List<String>> origins,
      Map<String, TableDef> tables) {
    if (origins == null || origins.size() != columns.size()) {
      return columns;
    }
    List<Column> out = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      List<String> o = origins.get(i);
      TableDef d = o == null || o.size() < 2 ? null : tables.get(o.get(o.size() - 2));
      int at = d == null ? -1 : d.indexOf(o.get(o.size() - 1));
      out.add(at < 0 ? columns.get(i) : columns.get(i).withOrigin(CatalogOids.table(d), at + 1));
    }
    return out;
  }
}
