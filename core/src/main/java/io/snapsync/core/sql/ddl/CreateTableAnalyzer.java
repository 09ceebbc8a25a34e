package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.sql.parser.ast.PgCreateTable;
import io.snapsync.sql.parser.ast.PgForeignKey;
import io.snapsync.sql.parser.ast.PgIdentity;
import io.snapsync.sql.parser.ast.PgTableLike;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlCheckConstraint;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;

/**
 * CREATE TABLE's syntax tree to a {@link DdlStatement.CreateTable}: column types with their
 * typmods, NOT NULL, DEFAULT and CHECK as SQL text, the primary key; the checks PostgreSQL does
 * before looking at the catalog (42701 duplicate column, 42P16 two primary keys, 42703 a key
 * column that does not exist).
 */
final class CreateTableAnalyzer {

  private final String sql;
  private final String table;
  private final List<DdlStatement.ColumnSpec> columns = new ArrayList<>();
  private final List<DdlStatement.CheckSpec> checks = new ArrayList<>();
  private final List<SqlCheckConstraint> pendingChecks = new ArrayList<>();
  private final List<DdlStatement.LikeSpec> likes = new ArrayList<>();
  private List<String> key = List.of();
  private final List<DdlStatement.UniqueSpec> uniques = new ArrayList<>();
  private final List<DdlStatement.ForeignKeySpec> foreignKeys = new ArrayList<>();
  private Partitioning placement;

  private CreateTableAnalyzer(String sql, String table) {
    this.sql = sql;
    this.table = table;
  }

  static DdlStatement analyze(String sql, PgCreateTable c) {
    if (c.query != null) {
      return new DdlStatement.CreateTable(TempTables.parsedName(c), List.of(), List.of(), List.of(),
          c.ifNotExists, List.of(), SourceText.from(sql, c.query), List.of());
    }
    CreateTableAnalyzer a = new CreateTableAnalyzer(sql, TempTables.parsedName(c));
    for (SqlNode e : c.columnList) {
      a.element(e);
    }
    a.validate();
    for (SqlCheckConstraint ch : a.pendingChecks) {
      a.checks.add(CheckNames.spec(sql, ch, a.columns.stream()
          .map(DdlStatement.ColumnSpec::name).toList()));
    }
    DdlStatement.CreateTable create = new DdlStatement.CreateTable(a.table,
        List.copyOf(a.columns), a.key, List.copyOf(a.checks), c.ifNotExists,
        List.copyOf(a.likes), null, List.copyOf(a.uniques), List.copyOf(a.foreignKeys));
    return a.placement == null ? create : new DdlStatement.CreatePlaced(create, a.placement);
  }

  private void element(SqlNode e) {
    if (e instanceof SqlColumnDeclaration d) {
      columns.add(column(sql, d));
    } else if (e instanceof SqlKeyConstraint k) {
      List<String> cols = ((SqlNodeList) k.getOperandList().get(1)).stream()
          .map(Names::simple).toList();
      if (k.getKind() == SqlKind.PRIMARY_KEY) {
        if (!key.isEmpty()) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "ddl.multiple_pk",
              table);
        }
        key = cols;
      } else {
        SqlNode given = k.getOperandList().get(0);
        uniques.add(new DdlStatement.UniqueSpec(given != null ? Names.simple(given)
            : UniqueConstraints.defaultName(table, cols, false), cols));
      }
    } else if (e instanceof SqlCheckConstraint ch) {
      pendingChecks.add(ch);
    } else if (e instanceof PgTableLike like) {
      likes.add(new DdlStatement.LikeSpec(Names.of(like.table()), columns.size(),
          like.includingDefaults(), like.includingConstraints()));
    } else if (e instanceof io.snapsync.sql.parser.ast.PgPartitionClause pc) {
      placement = PartitionAnalyzer.add(placement, pc);
    } else if (e instanceof PgForeignKey fk) {
      foreignKeys.add(ForeignKeys.spec(fk));
    } else {
      throw DdlParser.unsupported(e.getKind().sql);
    }
  }

  /** One column of CREATE TABLE or ALTER TABLE ADD COLUMN. */
  static DdlStatement.ColumnSpec column(String sql, SqlColumnDeclaration d) {
    ColumnType type = ColumnType.of(d.dataType);
    boolean notNull = Boolean.FALSE.equals(d.dataType.getNullable());
    String defaultSql = null;
    boolean serial = type.serial();
    if (d.expression instanceof PgIdentity) {
      serial = true;
      notNull = true;
    } else if (d.expression != null) {
      if (d.strategy == ColumnStrategy.STORED) {
        throw DdlParser.unsupported("GENERATED ALWAYS AS (...) STORED");
      }
      if (serial) {
        throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "ddl.serial_default",
            Names.simple(d.name), "serial");
      }
      defaultSql = SourceText.of(sql, d.expression);
    }
    if (type.serial()) {
      notNull = true;
    }
    return new DdlStatement.ColumnSpec(Names.simple(d.name), type.type(), type.typmod(),
        notNull, defaultSql, serial);
  }

  /** 42701 when two of {@code columns} have one name. */
  static void checkDistinct(List<DdlStatement.ColumnSpec> columns) {
    Set<String> names = new HashSet<>();
    for (DdlStatement.ColumnSpec c : columns) {
      if (!names.add(c.name())) {
        throw SnapsyncException.error(DdlStates.DUPLICATE_COLUMN, "ddl.duplicate_column",
            c.name());
      }
    }
  }

  private void validate() {
    if (placement != null && (placement.partition() || !placement.inherits().isEmpty())) {
      return; // the columns come from the parent: checked when the statement runs
    }
    Set<String> names = new HashSet<>();
    if (likes.isEmpty()) {
      checkDistinct(columns);
    }
    columns.forEach(c -> names.add(c.name()));
    Set<String> keyNames = new HashSet<>();
    for (String k : key) {
      if (!names.contains(k) && likes.isEmpty()) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "ddl.key_column_not_exist", k);
      }
      if (!keyNames.add(k)) {
        throw SnapsyncException.error(DdlStates.DUPLICATE_COLUMN, "ddl.key_column_twice", k);
      }
    }
  }
}
