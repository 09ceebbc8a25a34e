package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of pg_constraint for the table-level constraints snapsync keeps: PRIMARY KEY and
 * UNIQUE ('p', 'u', each backed by its index: conindid) and CHECK ('c', conbin holding the
 * expression's text); and of pg_attrdef for column defaults. NOT NULL is a column property
 * (pg_attribute.attnotnull), as in PostgreSQL 15. Static, thread-safe.
 */
final class ConstraintRows {

  private ConstraintRows() {
  }

  /** pg_constraint's rows, in its column order, for the tables of {@code v}. */
  static List<List<Object>> constraints(CatalogView v) {
    List<List<Object>> rows = new ArrayList<>();
    SchemaRows schemas = SchemaRows.of(v);
    for (TableDef d : v.tables()) {
      long rel = CatalogOids.table(d);
      long namespace = schemas.namespaceOf(d.name());
      for (CatalogIndex i : CatalogIndex.of(d)) {
        if (i.constraint()) {
          rows.add(row(i.oid(), io.snapsync.core.sql.ddl.Names.relname(i.name()), namespace,
              i.primary() ? "p" : "u", rel, i.oid(), i.attnums(), null));
        }
      }
      for (int n = 0; n < d.checks().size(); n++) {
        TableDef.Check c = d.checks().get(n);
        rows.add(row(CatalogOids.check(d, n), c.name(), namespace, "c", rel, 0L, null,
            c.sql()));
      }
      rows.addAll(ForeignKeyRows.rows(v, d));
    }
    return rows;
  }

  /** The CHECK constraint with OID {@code oid} among {@code v}'s tables, or null. */
  static TableDef.Check check(CatalogView v, long oid) {
    for (TableDef d : v.tables()) {
      for (int n = 0; n < d.checks().size(); n++) {
        if (CatalogOids.check(d, n) == oid) {
          return d.checks().get(n);
        }
      }
    }
    return null;
  }

  /** pg_attrdef's rows (oid, adrelid, adnum, adbin) for the column defaults of {@code v}. */
  static List<List<Object>> defaults(CatalogView v) {
    List<List<Object>> rows = new ArrayList<>();
    for (TableDef d : v.tables()) {
      for (int c = 0; c < d.columns().size(); c++) {
        String sql = d.defaultOf(c);
        if (sql != null) {
          rows.add(Arrays.asList(CatalogOids.attrdef(d, c + 1), CatalogOids.table(d),
              (short) (c + 1), CatalogText.defaultExpr(v, sql)));
        }
      }
    }
    return rows;
  }

  private static List<Object> row(long oid, String name, long namespace, String type, long rel,
      long index, List<Short> key, String bin) {
    return Arrays.asList(oid, name, namespace, type, false, false, true, rel, 0L, index,
        0L, 0L, " ", " ", " ", true, 0, !"c".equals(type), key, null, null, null, null, null,
        null, bin);
  }
}
