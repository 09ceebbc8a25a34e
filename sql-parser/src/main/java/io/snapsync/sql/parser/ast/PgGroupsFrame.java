package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * A window frame in {@code GROUPS} mode, which Calcite's windows lack. A GROUPS frame whose
 * bounds are only UNBOUNDED and CURRENT ROW is the same frame in RANGE mode, and is parsed as
 * that. Otherwise the frame is parsed in ROWS mode with each offset wrapped in a call of
 * {@link #OFFSET}: the engine's window builder recognises the call and counts peer groups
 * instead of rows. The call's value is its operand's.
 */
public final class PgGroupsFrame {

  /** The marker of a GROUPS offset: {@code n PRECEDING} is {@code PRECEDING(OFFSET(n))}. */
  public static final SqlSpecialOperator OFFSET = new SqlSpecialOperator("GROUPS OFFSET",
      SqlKind.OTHER, 0, true, ReturnTypes.ARG0, InferTypes.RETURN_TYPE,
      OperandTypes.ANY) {
    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      call.operand(0).unparse(writer, leftPrec, rightPrec);
    }

    @Override
    public org.apache.calcite.rel.type.RelDataType deriveType(
        org.apache.calcite.sql.validate.SqlValidator validator,
        org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
      // not looked up by name: the marker is no function of the operator table
      return validator.deriveType(scope, call.operand(0));
    }
  };

  private PgGroupsFrame() {
  }

  /** The window of a specification; {@code groups}: the frame was given in GROUPS mode. */
  public static SqlWindow window(boolean groups, SqlIdentifier id, SqlNodeList partitionList,
      SqlNodeList orderList, SqlLiteral isRows, SqlNode lower, SqlNode upper,
      SqlLiteral allowPartial, SqlLiteral exclude, SqlParserPos pos) {
    if (groups) {
      boolean offsets = offset(lower) || offset(upper);
      isRows = SqlLiteral.createBoolean(offsets, isRows.getParserPosition());
      if (offsets) {
        lower = mark(lower);
        upper = mark(upper);
      }
    }
    return SqlWindow.create(null, id, partitionList, orderList, isRows, lower, upper,
        allowPartial, exclude, pos);
  }

  private static boolean offset(SqlNode bound) {
    return bound instanceof SqlCall c && (c.getKind() == SqlKind.PRECEDING
        || c.getKind() == SqlKind.FOLLOWING);
  }

  private static SqlNode mark(SqlNode bound) {
    if (!offset(bound)) {
      return bound;
    }
    SqlCall c = (SqlCall) bound;
    SqlNode n = c.operand(0);
    return c.getOperator().createCall(c.getParserPosition(),
        OFFSET.createCall(n.getParserPosition(), n));
  }
}
