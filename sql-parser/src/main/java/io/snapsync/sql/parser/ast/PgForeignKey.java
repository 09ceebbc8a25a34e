package io.snapsync.sql.parser.ast;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code [CONSTRAINT name] FOREIGN KEY (cols) REFERENCES t [(cols)] [ON DELETE a] [ON UPDATE
 * a]}, or a column's {@code REFERENCES t [(col)]}.
 */
public final class PgForeignKey extends SqlCall {

  /** A referential action. */
  public enum Action {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }
  }

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("FOREIGN KEY", SqlKind.FOREIGN_KEY);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlIdentifier refTable;
  private final SqlNodeList refColumns;
  private final Action onDelete;
  private final Action onUpdate;

  public PgForeignKey(SqlParserPos pos, SqlIdentifier name, SqlNodeList columns,
      SqlIdentifier refTable, SqlNodeList refColumns, Action onDelete, Action onUpdate) {
    super(pos);
    this.name = name;
    this.columns = columns;
    this.refTable = refTable;
    this.refColumns = refColumns;
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
  }

  /** The constraint name, or null. */
  public SqlIdentifier name() {
    return name;
  }

  public SqlNodeList columns() {
    return columns;
  }

  public SqlIdentifier refTable() {
    return refTable;
  }

  /** The referenced columns, or null for the referenced table's primary key. */
  public SqlNodeList refColumns() {
    return refColumns;
  }

  public Action onDelete() {
    return onDelete;
  }

  public Action onUpdate() {
    return onUpdate;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, refTable, refColumns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword("FOREIGN KEY");
    columns.unparse(writer, 1, 1);
    writer.keyword("REFERENCES");
    refTable.unparse(writer, 0, 0);
    if (refColumns != null) {
      refColumns.unparse(writer, 1, 1);
    }
    if (onDelete != Action.NO_ACTION) {
      writer.keyword("ON DELETE " + onDelete.sql);
    }
    if (onUpdate != Action.NO_ACTION) {
      writer.keyword("ON UPDATE " + onUpdate.sql);
    }
  }
}
