package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE [IF EXISTS] t} with one action: {@code ADD [COLUMN] [IF NOT EXISTS] col
 * type ...}, {@code ADD table_constraint}, {@code DROP [COLUMN] [IF EXISTS] col [CASCADE |
 * RESTRICT]}, {@code RENAME [COLUMN] a TO b} or {@code RENAME TO t2}.
 */
public final class PgAlterTable extends SqlCall {

  /** The action. */
  public enum Action {
    ADD_COLUMN, ADD_CONSTRAINT, DROP_COLUMN, DROP_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE,
    /** {@code ALTER [COLUMN] col ...}: the element is a {@link PgAlterColumn}. */
    ALTER_COLUMN,
    /** ATTACH / DETACH PARTITION, [NO] INHERIT: the element is a {@link PgPartitionAction}. */
    PARTITION
  }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final SqlIdentifier table;
  private final boolean ifExists;
  private final Action action;
  private final SqlNode element;
  private final SqlIdentifier column;
  private final SqlIdentifier newName;
  private final boolean actionIfExists;
  private final boolean cascade;

  public PgAlterTable(SqlParserPos pos, SqlIdentifier table, boolean ifExists, Action action,
      SqlNode element, SqlIdentifier column, SqlIdentifier newName, boolean actionIfExists,
      boolean cascade) {
    super(pos);
    this.table = table;
    this.ifExists = ifExists;
    this.action = action;
    this.element = element;
    this.column = column;
    this.newName = newName;
    this.actionIfExists = actionIfExists;
    this.cascade = cascade;
  }

  public SqlIdentifier table() {
    return table;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public Action action() {
    return action;
  }

  /** ADD: the column declaration or table constraint (as in {@link PgCreateTable}). */
  public SqlNode element() {
    return element;
  }

  /** DROP COLUMN / RENAME COLUMN: the column; DROP CONSTRAINT: the constraint. */
  public SqlIdentifier column() {
    return column;
  }

  /** RENAME: the new name. */
  public SqlIdentifier newName() {
    return newName;
  }

  /** ADD COLUMN IF NOT EXISTS / DROP COLUMN IF EXISTS. */
  public boolean actionIfExists() {
    return actionIfExists;
  }

  public boolean cascade() {
    return cascade;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(table, element, column, newName);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    table.unparse(writer, 0, 0);
    switch (action) {
      case ADD_COLUMN:
        writer.keyword(actionIfExists ? "ADD COLUMN IF NOT EXISTS" : "ADD COLUMN");
        element.unparse(writer, 0, 0);
        break;
      case ADD_CONSTRAINT:
        writer.keyword("ADD");
        element.unparse(writer, 0, 0);
        break;
      case DROP_COLUMN:
      case DROP_CONSTRAINT:
        writer.keyword(action == Action.DROP_CONSTRAINT ? "DROP CONSTRAINT" : "DROP COLUMN");
        if (actionIfExists) {
          writer.keyword("IF EXISTS");
        }
        column.unparse(writer, 0, 0);
        if (cascade) {
          writer.keyword("CASCADE");
        }
        break;
      case ALTER_COLUMN:
        writer.keyword("ALTER COLUMN");
        column.unparse(writer, 0, 0);
        element.unparse(writer, 0, 0);
        break;
      case RENAME_COLUMN:
        writer.keyword("RENAME COLUMN");
        column.unparse(writer, 0, 0);
        writer.keyword("TO");
        newName.unparse(writer, 0, 0);
        break;
      default:
        writer.keyword("RENAME TO");
        newName.unparse(writer, 0, 0);
    }
  }
}
