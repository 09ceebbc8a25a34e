package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.ddl.ForeignKeyDef;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * FOREIGN KEY constraints in the catalog: their pg_constraint rows ({@code contype} 'f', the
 * referenced table and columns, the action codes) and {@code pg_get_constraintdef}'s text
 * ({@code FOREIGN KEY (pid) REFERENCES p(id) ON DELETE CASCADE}). Static, thread-safe.
 */
final class ForeignKeyRows {

  private ForeignKeyRows() {
  }

  /** The OID of the {@code n}-th foreign key checked by {@code def}'s rows. */
  static long oid(TableDef def, int n) {
    return CatalogOids.check(def, -1000 - n);
  }

  /** The foreign keys {@code def}'s rows are checked by (its own constraints), in order. */
  static List<ForeignKeyDef> of(TableDef def) {
    return def.foreignKeys().stream().filter(fk -> fk.table().equals(def.name())).toList();
  }

  /** pg_constraint's rows of {@code d}'s foreign keys, in its column order. */
  static List<List<Object>> rows(CatalogView v, TableDef d) {
    List<List<Object>> rows = new ArrayList<>();
    List<ForeignKeyDef> fks = of(d);
    for (int n = 0; n < fks.size(); n++) {
      ForeignKeyDef fk = fks.get(n);
      TableDef parent = table(v, fk.refTable());
      rows.add(Arrays.asList(oid(d, n), fk.name(), CatalogOids.PUBLIC, "f", false, false, true,
          CatalogOids.table(d), 0L, 0L, 0L, parent == null ? 0L : CatalogOids.table(parent),
          code(fk.onUpdate()), code(fk.onDelete()), "s", true, 0, true, attnums(fk.columns()),
          attnums(fk.refColumns()), null, null, null, null, null, null));
    }
    return rows;
  }

  /** {@code pg_get_constraintdef} of foreign key {@code oid}, or null when none has it. */
  static String def(CatalogView v, long oid) {
    for (TableDef d : v.tables()) {
      List<ForeignKeyDef> fks = of(d);
      for (int n = 0; n < fks.size(); n++) {
        if (oid(d, n) == oid) {
          return text(v, d, fks.get(n));
        }
      }
    }
    return null;
  }

  private static String text(CatalogView v, TableDef d, ForeignKeyDef fk) {
    TableDef parent = table(v, fk.refTable());
    StringBuilder b = new StringBuilder("FOREIGN KEY (").append(columns(d, fk.columns()))
        .append(") REFERENCES ").append(CatalogText.quoteIdent(Names.relname(fk.refTable())))
        .append("(").append(parent == null ? "" : columns(parent, fk.refColumns())).append(")");
    if (!"NO ACTION".equals(fk.onUpdate())) {
      b.append(" ON UPDATE ").append(fk.onUpdate());
    }
    if (!"NO ACTION".equals(fk.onDelete())) {
      b.append(" ON DELETE ").append(fk.onDelete());
    }
    return b.toString();
  }

  private static String columns(TableDef d, List<Integer> cols) {
    return cols.stream().map(c -> CatalogText.quoteIdent(d.columns().get(c).name()))
        .collect(Collectors.joining(", "));
  }

  private static TableDef table(CatalogView v, String name) {
    for (TableDef d : v.tables()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  private static List<Short> attnums(List<Integer> cols) {
    return cols.stream().map(c -> (short) (c + 1)).toList();
  }

  /** pg_constraint's action code: a(no action), r(estrict), c(ascade), n(ull), d(efault). */
  private static String code(String action) {
    return switch (action == null ? "NO ACTION" : action) {
      case "RESTRICT" -> "r";
      case "CASCADE" -> "c";
      case "SET NULL" -> "n";
      case "SET DEFAULT" -> "d";
      default -> "a";
    };
  }
}
