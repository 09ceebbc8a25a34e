package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table created PARTITION OF or INHERITS a parent, as PostgreSQL merges them:
 * the parents' columns first (with their types, NOT NULL, DEFAULT and CHECK constraints), then
 * the table's own; an own column of an inherited name merges with it (NOTICE {@code merging
 * column "a" with inherited definition}; 42804 if the types differ). Blocking; stateless.
 */
final class PartitionShapes {

  private PartitionShapes() {
  }

  static DdlStatement.CreateTable shape(StoreTransaction t, DdlStatement.CreateTable c,
      Partitioning placement, List<Notice> notices) {
    List<TableDef> parents = new ArrayList<>();
    if (placement.partition()) {
      TableDef parent = TableCatalog.require(t, placement.parent());
      if (!parent.partitioned()) {
        throw SnapsyncException.error(PartitionPlacement.INVALID_OBJECT_DEFINITION,
            "ddl.partition.not_partitioned", parent.name());
      }
      parents.add(parent);
    }
    for (String name : placement.inherits()) {
      TableDef parent = TableCatalog.require(t, name);
      if (parent.partitioned()) {
        throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
            "ddl.inherit.from_partitioned", parent.name());
      }
      if (parent.partitioning() != null && parent.partitioning().partition()) {
        throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE,
            "ddl.inherit.from_partition", parent.name());
      }
      if (parents.stream().anyMatch(p -> p.name().equals(name))) {
        throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.inherit.twice", name);
      }
      parents.add(parent);
    }
    List<DdlStatement.ColumnSpec> cols = new ArrayList<>();
    List<DdlStatement.CheckSpec> checks = new ArrayList<>();
    for (TableDef p : parents) {
      for (int i = 0; i < p.columns().size(); i++) {
        Column col = p.columns().get(i);
        DdlStatement.ColumnSpec spec = new DdlStatement.ColumnSpec(col.name(), col.type(),
            col.typmod(), p.isNotNull(i), p.defaultOf(i), false);
        int at = find(cols, col.name());
        if (at < 0) {
          cols.add(spec);
        } else {
          notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.inherit.merging_multiple",
              col.name()));
          cols.set(at, merge(cols.get(at), spec));
        }
      }
      for (TableDef.Check ch : p.checks()) {
        if (checks.stream().noneMatch(x -> ch.name().equals(x.name()))) {
          checks.add(new DdlStatement.CheckSpec(ch.name(), null, ch.sql()));
        }
      }
    }
    for (DdlStatement.ColumnSpec own : c.columns()) {
      int at = find(cols, own.name());
      if (at < 0) {
        cols.add(own);
      } else {
        notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.inherit.merging", own.name()));
        DdlStatement.ColumnSpec merged = merge(cols.get(at), own);
        cols.set(at, new DdlStatement.ColumnSpec(merged.name(), merged.type(), merged.typmod(),
            merged.notNull(), own.defaultSql() != null || own.serial() ? own.defaultSql()
                : cols.get(at).defaultSql(), own.serial()));
      }
    }
    checks.addAll(c.checks());
    List<String> key = c.key();
    if (key.isEmpty() && placement.partition() && !parents.get(0).key().isEmpty()) {
      TableDef parent = parents.get(0);
      key = parent.key().stream().map(k -> parent.columns().get(k).name()).toList();
    }
    for (String k : key) {
      if (find(cols, k) < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "ddl.key_column_not_exist", k);
      }
    }
    return new DdlStatement.CreateTable(c.table(), cols, key, checks, c.ifNotExists(),
        c.likes(), null, c.uniques(), c.foreignKeys());
  }

  private static DdlStatement.ColumnSpec merge(DdlStatement.ColumnSpec a,
      DdlStatement.ColumnSpec b) {
    if (a.type() != b.type()) {
      throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "ddl.inherit.type_conflict",
          a.name()).withDetail("ddl.inherit.type_conflict.detail", a.type().sqlName(),
              b.type().sqlName());
    }
    return new DdlStatement.ColumnSpec(a.name(), a.type(), a.typmod(),
        a.notNull() || b.notNull(), a.defaultSql(), a.serial());
  }

  private static int find(List<DdlStatement.ColumnSpec> cols, String name) {
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
