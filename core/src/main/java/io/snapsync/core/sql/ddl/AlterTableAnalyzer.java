package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.ddl.DdlStatement.AlterTable;
import io.snapsync.core.sql.ddl.DdlStatement.AlterTable.Action;
import io.snapsync.sql.parser.ast.PgAlterColumn;
import io.snapsync.sql.parser.ast.PgAlterTable;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCheckConstraint;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;

/** ALTER TABLE's syntax tree to a {@link DdlStatement.AlterTable}. */
final class AlterTableAnalyzer {

  private AlterTableAnalyzer() {
  }

  static DdlStatement analyze(String sql, PgAlterTable a) {
    String table = Names.of(a.table());
    String column = a.column() == null ? null : a.column().getSimple();
    String newName = a.newName() == null ? null : a.newName().getSimple();
    boolean ie = a.ifExists();
    boolean aie = a.actionIfExists();
    switch (a.action()) {
      case ADD_COLUMN: {
        SqlColumnDeclaration d = (SqlColumnDeclaration) a.element();
        return new AlterTable(table, ie, Action.ADD_COLUMN, d.name.getSimple(), null,
            CreateTableAnalyzer.column(sql, d), null, null, aie);
      }
      case ADD_CONSTRAINT: {
        SqlNode e = a.element();
        if (e instanceof SqlCheckConstraint ch) {
          return new AlterTable(table, ie, Action.ADD_CHECK, null, null, null,
              CheckNames.spec(sql, ch, List.of()), null, aie);
        }
        if (e instanceof SqlKeyConstraint k) {
          List<String> cols = ((org.apache.calcite.sql.SqlNodeList) k.getOperandList().get(1))
              .stream().map(Names::simple).toList();
          SqlNode given = k.getOperandList().get(0);
          boolean primary = k.getKind() == SqlKind.PRIMARY_KEY;
          String name = given != null ? Names.simple(given)
              : UniqueConstraints.defaultName(table, cols, primary);
          return new AlterTable(table, ie, primary ? Action.ADD_PRIMARY_KEY : Action.ADD_UNIQUE,
              name, null, null, null, null, aie, cols);
        }
        if (e instanceof io.snapsync.sql.parser.ast.PgForeignKey fk) {
          return new AlterTable(table, ie, Action.ADD_FOREIGN_KEY, null, null, null, null, null,
              aie, List.of(), ForeignKeys.spec(fk), null, null);
        }
        throw DdlParser.unsupported("ALTER TABLE ... ADD " + e.getKind());
      }
      case DROP_COLUMN:
        return new AlterTable(table, ie, Action.DROP_COLUMN, column, null, null, null, null,
            aie);
      case DROP_CONSTRAINT:
        return new AlterTable(table, ie, Action.DROP_CONSTRAINT, column, null, null, null, null,
            aie);
      case RENAME_COLUMN:
        return new AlterTable(table, ie, Action.RENAME_COLUMN, column, newName, null, null,
            null, aie);
      case RENAME_TABLE:
        return new AlterTable(table, ie, Action.RENAME_TABLE, null, newName, null, null, null,
            aie);
      case PARTITION:
        return PartitionAnalyzer.alter(table, ie,
            (io.snapsync.sql.parser.ast.PgPartitionAction) a.element());
      default:
        return alterColumn(sql, table, ie, column, (PgAlterColumn) a.element());
    }
  }

  private static DdlStatement alterColumn(String sql, String table, boolean ifExists,
      String column, PgAlterColumn c) {
    return switch (c.change()) {
      case SET_DEFAULT -> new AlterTable(table, ifExists, Action.SET_DEFAULT, column, null, null,
          null, SourceText.of(sql, c.expression()), false);
      case DROP_DEFAULT -> new AlterTable(table, ifExists, Action.DROP_DEFAULT, column, null,
          null, null, null, false);
      case SET_NOT_NULL -> new AlterTable(table, ifExists, Action.SET_NOT_NULL, column, null,
          null, null, null, false);
      case DROP_NOT_NULL -> new AlterTable(table, ifExists, Action.DROP_NOT_NULL, column, null,
          null, null, null, false);
      default -> {
        ColumnType type = ColumnType.of(c.type());
        if (type.serial()) {
          throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "ddl.type_not_exist",
              c.type().getTypeName().getSimple().toLowerCase(java.util.Locale.ROOT));
        }
        yield new AlterTable(table, ifExists, Action.ALTER_TYPE, column, null, null, null, null,
            false, List.of(), null, new DdlStatement.ColumnSpec(column, type.type(),
            type.typmod(), false, null, false),
            c.expression() == null ? null : SourceText.of(sql, c.expression()));
      }
    };
  }
}
