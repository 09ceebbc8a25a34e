package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import io.vertx.core.Future;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The referential actions CASCADE, SET NULL and SET DEFAULT: once a statement deleted rows of a
 * referenced table (or changed their referenced columns), the referencing rows are deleted or
 * updated by a DELETE or UPDATE of the referencing table in the same transaction, so that they
 * take their row locks, run their own constraints (a SET DEFAULT value must be referenced, a
 * cascade goes on to the next table) and write as any statement does. NO ACTION and RESTRICT
 * stay checks ({@link ForeignKeyChecks}). Stateless.
 */
public final class ForeignKeyActions {

  private ForeignKeyActions() {
  }

  /**
   * Whether {@code fk}'s action for a delete ({@code delete}) or an update of the referenced
   * row is a statement on the referencing rows rather than a check.
   */
  public static boolean acts(ForeignKeyDef fk, boolean delete) {
    String a = delete ? fk.onDelete() : fk.onUpdate();
    return a != null && !a.equals("NO ACTION") && !a.equals("RESTRICT");
  }

  /** Whether a change of {@code def} may need actions on referencing rows. */
  public static boolean any(TableDef def) {
    return def.foreignKeys().stream().anyMatch(fk -> fk.refTable().equals(def.name())
        && (acts(fk, true) || acts(fk, false)));
  }

  /**
   * Runs the actions for the rows {@code written} (deletes have no new row) of {@code def},
   * one statement per referenced key, in order. The caller's statement wrote them already.
   */
  public static Future<Void> run(Database db, TableDef def, List<RowModifier.Change> written,
      SessionContext ctx) {
    List<String> statements = new ArrayList<>();
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (!fk.refTable().equals(def.name())) {
        continue;
      }
      Set<String> seen = new LinkedHashSet<>();
      for (RowModifier.Change c : written) {
        boolean delete = c.newRow() == null;
        if (c.oldRow() == null || !acts(fk, delete)) {
          continue;
        }
        List<Object> oldKey = pick(c.oldRow(), fk.refColumns());
        if (oldKey.contains(null)
            || (!delete && oldKey.equals(pick(c.newRow(), fk.refColumns())))) {
          continue;
        }
        String sql = statement(db, ctx, def, fk, delete ? fk.onDelete() : fk.onUpdate(), oldKey,
            delete ? null : pick(c.newRow(), fk.refColumns()));
        if (sql != null && seen.add(sql)) {
          statements.add(sql);
        }
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (String sql : statements) {
      String kind = sql.startsWith("DELETE") ? "DELETE" : "UPDATE";
      chain = chain.compose(v -> db.executor().dml().run(sql, kind, ctx, List.of())
          .mapEmpty());
    }
    return chain;
  }

  private static String statement(Database db, SessionContext ctx, TableDef parent,
      ForeignKeyDef fk, String action, List<Object> oldKey, List<Object> newKey) {
    TableDef child = fk.table().equals(parent.name()) ? parent
        : TableCatalog.find(ctx.txn().storeTxn(), fk.table());
    if (child == null) {
      return null;
    }
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < fk.columns().size(); i++) {
      where.append(i == 0 ? " WHERE " : " AND ").append(ident(child, fk.columns().get(i)))
          .append(" = ").append(literal(parent, fk.refColumns().get(i), oldKey.get(i)));
    }
    String table = relation(child.name());
    if (action.equals("CASCADE") && newKey == null) {
      return "DELETE FROM " + table + where;
    }
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < fk.columns().size(); i++) {
      set.append(i == 0 ? " SET " : ", ").append(ident(child, fk.columns().get(i))).append(" = ")
          .append(switch (action) {
            case "SET NULL" -> "NULL";
            case "SET DEFAULT" -> child.defaultOf(fk.columns().get(i)) == null ? "NULL"
                : "(" + child.defaultOf(fk.columns().get(i)) + ")";
            default -> literal(parent, fk.refColumns().get(i), newKey.get(i));
          });
    }
    return "UPDATE " + table + set + where;
  }

  private static List<Object> pick(List<Object> row, List<Integer> cols) {
    List<Object> out = new ArrayList<>(cols.size());
    cols.forEach(c -> out.add(row.get(c)));
    return out;
  }

  private static String ident(TableDef def, int column) {
    return quote(def.columns().get(column).name());
  }

  private static String relation(String key) {
    return quote(Names.schemaOf(key)) + "." + quote(Names.relname(key));
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The value of {@code def}'s column as a typed SQL literal. */
  private static String literal(TableDef def, int column, Object v) {
    Objects.requireNonNull(v);
    var col = def.columns().get(column);
    return "CAST('" + PgValues.toText(v, col.type(), ZoneOffset.UTC).replace("'", "''")
        + "' AS " + col.type().sqlName() + ")";
  }
}
