package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexDef;
import io.snapsync.sql.parser.ast.PgForeignKey;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * FOREIGN KEY constraints in DDL: the syntax tree to a spec, CREATE TABLE's resolution against
 * the referenced table with PostgreSQL's checks and default name ({@code t_col_fkey}), and the
 * referenced side of DROP TABLE (2BP01 unless CASCADE), ALTER TABLE ADD and DROP CONSTRAINT.
 * Every referential action is kept ({@link ForeignKeyActions} runs CASCADE, SET NULL and SET
 * DEFAULT). Stateless.
 */
final class ForeignKeys {

  private ForeignKeys() {
  }

  /** The spec of a table or column constraint. */
  static DdlStatement.ForeignKeySpec spec(PgForeignKey fk) {
    return new DdlStatement.ForeignKeySpec(fk.name() == null ? null : Names.simple(fk.name()),
        fk.columns().stream().map(Names::simple).toList(), Names.of(fk.refTable()),
        fk.refColumns() == null ? null : fk.refColumns().stream().map(Names::simple).toList(),
        sql(fk.onDelete()), sql(fk.onUpdate()));
  }

  private static String sql(PgForeignKey.Action a) {
    return a.name().replace('_', ' ');
  }

  /**
   * Adds the constraints of {@code specs} to the new table {@code child} (already written) and
   * to the tables they reference (whose definitions the caller locked). Blocking.
   */
  static TableDef create(StoreTransaction t, TableDef child, List<DdlStatement.ForeignKeySpec> specs) {
    Set<String> taken = new HashSet<>();
    child.checks().forEach(c -> taken.add(c.name()));
    child.indexes().forEach(i -> taken.add(i.name()));
    child.foreignKeys().stream().filter(f -> f.table().equals(child.name()))
        .forEach(f -> taken.add(f.name()));
    TableDef now = child;
    for (DdlStatement.ForeignKeySpec s : specs) {
      TableDef parent = s.refTable().equals(child.name()) ? now
          : TableCatalog.require(t, s.refTable());
      ForeignKeyDef fk = resolve(now, parent, s, taken);
      taken.add(fk.name());
      List<ForeignKeyDef> mine = new ArrayList<>(now.foreignKeys());
      mine.add(fk);
      now = now.withForeignKeys(mine);
      if (parent != child && !parent.name().equals(child.name())) {
        List<ForeignKeyDef> theirs = new ArrayList<>(parent.foreignKeys());
        theirs.add(fk);
        TableCatalog.put(t, parent.withForeignKeys(theirs));
      }
    }
    TableCatalog.put(t, now);
    return now;
  }

  private static ForeignKeyDef resolve(TableDef child, TableDef parent,
      DdlStatement.ForeignKeySpec s, Set<String> taken) {
    List<Integer> cols = positions(child, s.columns());
    List<Integer> ref;
    if (s.refColumns() == null) {
      if (parent.hiddenKey()) {
        throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "ddl.fk_no_pk",
            parent.name());
      }
      ref = parent.key();
    } else {
      ref = positions(parent, s.refColumns());
    }
    if (cols.size() != ref.size()) {
      throw SnapsyncException.error(DdlStates.INVALID_FOREIGN_KEY, "ddl.fk_count");
    }
    if (!unique(parent, ref)) {
      throw SnapsyncException.error(DdlStates.INVALID_FOREIGN_KEY, "ddl.fk_no_unique",
          parent.name());
    }
    String name = s.name();
    if (name == null) {
      String base = Names.relname(child.name()) + "_" + String.join("_", s.columns()) + "_fkey";
      name = base;
      for (int n = 1; taken.contains(name); n++) {
        name = base + n;
      }
    } else if (taken.contains(name)) {
      throw SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "ddl.constraint_exists", name,
          child.name());
    }
    return new ForeignKeyDef(name, child.name(), cols, parent.name(), ref, s.onDelete(),
        s.onUpdate());
  }

  private static List<Integer> positions(TableDef def, List<String> names) {
    List<Integer> out = new ArrayList<>();
    for (String n : names) {
      int i = def.indexOf(n);
      if (i < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "ddl.fk_column_not_exist", n);
      }
      out.add(i);
    }
    return out;
  }

  /** Whether {@code cols} (as a set) are the primary key or a unique index of {@code def}. */
  static boolean unique(TableDef def, List<Integer> cols) {
    Set<Integer> want = new HashSet<>(cols);
    if (want.size() != cols.size()) {
      return false;
    }
    if (!def.hiddenKey() && new HashSet<>(def.key()).equals(want)) {
      return true;
    }
    return uniqueIndex(def, cols) != null;
  }

  /** The non-partial unique index over exactly {@code cols} (as a set), or null. */
  static IndexDef uniqueIndex(TableDef def, List<Integer> cols) {
    for (IndexDef ix : def.indexes()) {
      if (ix.unique() && ix.predicate() == null
          && new HashSet<>(ix.columns()).equals(new HashSet<>(cols))
          && ix.columns().size() == cols.size()) {
        return ix;
      }
    }
    return null;
  }

  /**
   * TRUNCATE of {@code def} with {@code tables}: 0A000 while a table outside them references it
   * (CASCADE to the referencing tables is not supported yet).
   */
  static void checkTruncate(TableDef def, List<String> tables, boolean cascade) {
    for (ForeignKeyDef fk : def.foreignKeys()) {
      if (fk.refTable().equals(def.name()) && !tables.contains(fk.table())) {
        if (cascade) {
          throw DdlParser.unsupported("TRUNCATE ... CASCADE to referencing tables");
        }
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.fk_truncate")
            .withDetail("ddl.fk_truncate.detail", fk.table(), def.name())
            .withHint("ddl.fk_truncate.hint", fk.table());
      }
    }
  }

  /**
   * ALTER TABLE of a table in FOREIGN KEY constraints: renaming it or dropping a column is not
   * supported yet (0A000), so no constraint is left naming what is gone.
   */
  static void checkAlter(TableDef def, DdlStatement.AlterTable a) {
    if (!def.foreignKeys().isEmpty() && (a.action() == DdlStatement.AlterTable.Action.RENAME_TABLE
        || a.action() == DdlStatement.AlterTable.Action.DROP_COLUMN)) {
      throw DdlParser.unsupported("ALTER TABLE " + (a.action()
          == DdlStatement.AlterTable.Action.RENAME_TABLE ? "RENAME" : "DROP COLUMN")
          + " of a table in a foreign key constraint");
    }
  }

  /** The tables {@code def}'s constraints join it to (other than itself). */
  static Set<String> related(TableDef def) {
    Set<String> out = new HashSet<>();
    for (ForeignKeyDef fk : def.foreignKeys()) {
      out.add(fk.table());
      out.add(fk.refTable());
    }
    out.remove(def.name());
    return out;
  }

  /**
   * DROP TABLE of {@code dropped}: 2BP01 while a table not being dropped references one of
   * them, unless CASCADE (then that constraint goes, with a notice); the constraints are
   * removed from the surviving tables. Blocking; the caller locked the related definitions.
   */
  static List<io.snapsync.core.session.Notice> drop(StoreTransaction t, List<TableDef> dropped,
      boolean cascade) {
    Set<String> names = new HashSet<>();
    dropped.forEach(d -> names.add(d.name()));
    List<ForeignKeyDef> dependents = new ArrayList<>();
    for (TableDef d : dropped) {
      for (ForeignKeyDef fk : d.foreignKeys()) {
        if (fk.refTable().equals(d.name()) && !names.contains(fk.table())) {
          dependents.add(fk);
        }
      }
    }
    List<io.snapsync.core.session.Notice> notices = new ArrayList<>();
    if (!dependents.isEmpty()) {
      ForeignKeyDef first = dependents.get(0);
      if (!cascade) {
        // PostgreSQL lists every dependent in DETAIL; the first is named here
        throw SnapsyncException.error(DdlStates.DEPENDENT_OBJECTS_STILL_EXIST,
            "ddl.fk_table_depends", first.refTable()).withDetail("ddl.fk_table_depends.detail",
            first.name(), first.table(), first.refTable()).withHint("ddl.cascade.hint");
      }
      notices.add(dependents.size() == 1
          ? io.snapsync.core.session.Notice.of(io.snapsync.core.error.Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
              "ddl.fk_drop_cascades", first.name(), first.table())
          : io.snapsync.core.session.Notice.of(io.snapsync.core.error.Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
              "ddl.fk_drop_cascades_many", dependents.size()));
    }
    Set<String> others = new HashSet<>();
    dropped.forEach(d -> others.addAll(related(d)));
    others.removeAll(names);
    for (String other : others) {
      TableDef o = TableCatalog.find(t, other);
      if (o != null) {
        TableCatalog.put(t, o.withForeignKeys(o.foreignKeys().stream()
            .filter(fk -> !names.contains(fk.table()) && !names.contains(fk.refTable()))
            .toList()));
      }
    }
    return notices;
  }
}
