package io.snapsync.core.sql.catalog;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How a catalog table is declared: PostgreSQL 15's column names and types, and its rows
 * computed from a {@link CatalogView} of the statement's transaction on a worker thread.
 */
final class CatalogTableDef {

  private CatalogTableDef() {
  }

  /** Columns from alternating name, type pairs. */
  static List<Column> cols(Object... nameType) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      out.add(new Column((String) nameType[i], (DataType) nameType[i + 1]));
    }
    return List.copyOf(out);
  }

  /**
   * Registers {@code name} unless a table of that name exists already. A {@code pg_} table
   * gets PostgreSQL's system column {@code tableoid} as its last column (pg_dump selects it):
   * the table's own OID, {@code 'pg_class'::regclass} for pg_class.
   */
  static void add(Database db, SystemTableRegistry r, String name, List<Column> columns,
      Function<CatalogView, List<List<Object>>> rows) {
    if (r.find(name).isPresent()) {
      return;
    }
    if (!name.startsWith("pg_")) {
      r.add(SystemTable.of(name, columns,
          call -> db.blocking(() -> rows.apply(CatalogView.of(call, r)))));
      return;
    }
    List<Column> withOid = new ArrayList<>(columns);
    withOid.add(new Column("tableoid", DataType.OID));
    r.add(SystemTable.of(name, List.copyOf(withOid), call -> db.blocking(() -> {
      CatalogView v = CatalogView.of(call, r);
      Long oid = v.systemOid(name);
      List<List<Object>> out = new ArrayList<>();
      for (List<Object> row : rows.apply(v)) {
        List<Object> full = new ArrayList<>(row);
        full.add(oid);
        out.add(full);
      }
      return out;
    })));
  }

  /** Registers an always-empty table (one clients join against). */
  static void empty(Database db, SystemTableRegistry r, String name, Object... nameType) {
    add(db, r, name, cols(nameType), v -> List.of());
  }
}
