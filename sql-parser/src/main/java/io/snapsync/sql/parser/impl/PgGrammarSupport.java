package io.snapsync.sql.parser.impl;

import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Java helpers the grammar's actions call (hand-written; the rest of this package is generated
 * from {@code src/main/codegen}).
 */
public final class PgGrammarSupport {

  private PgGrammarSupport() {
  }

  /**
   * Removes and returns the operand {@code ::} applies to: the last operand in the flat
   * operator/operand list, together with any subscripts and field accesses that follow it
   * ({@code a[1]::int} casts {@code a[1]}), since {@code ::} binds tighter than every other
   * operator.
   */
  public static SqlNode popCastOperand(List<Object> list) {
    SqlNode operand = (SqlNode) list.remove(list.size() - 1);
    while (list.size() >= 2 && list.get(list.size() - 1) instanceof SqlParserUtil.ToTreeListItem
        && isPostfixBinding((SqlParserUtil.ToTreeListItem) list.get(list.size() - 1))
        && list.get(list.size() - 2) instanceof SqlNode) {
      SqlParserUtil.ToTreeListItem item = (SqlParserUtil.ToTreeListItem) list.remove(
          list.size() - 1);
      SqlNode base = (SqlNode) list.remove(list.size() - 1);
      operand = item.getOperator().createCall(item.getPos(), base, operand);
    }
    return operand;
  }

  private static boolean isPostfixBinding(SqlParserUtil.ToTreeListItem item) {
    SqlOperator op = item.getOperator();
    return op.getKind() == SqlKind.ITEM || op.getKind() == SqlKind.DOT;
  }

  /** The body of a {@code $$...$$} string. */
  public static SqlNode dollarString(String image, SqlParserPos pos) {
    return SqlLiteral.createCharString(image.substring(2, image.length() - 2), pos);
  }

  /** The string of an {@code INTERVAL '...'} token, quotes removed and {@code ''} undoubled. */
  public static String intervalString(String image) {
    String quoted = image.substring(image.indexOf('\''));
    return quoted.substring(1, quoted.length() - 1).replace("''", "'");
  }

  /** {@code n} of a {@code $n} token; -1 when it does not fit an int. */
  public static int paramNumber(String image) {
    try {
      return Integer.parseInt(image.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A typed literal {@code type 'value'}: PostgreSQL's constant of that type, as a CAST. */
  public static SqlNode typedLiteral(SqlTypeNameSpec type, String value, SqlParserPos typePos,
      SqlParserPos pos) {
    return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(value, pos),
        new SqlDataTypeSpec(type, typePos));
  }

  /** A type keyword as a type name spec. */
  public static SqlTypeNameSpec basic(SqlTypeName name, SqlParserPos pos) {
    return new SqlBasicTypeNameSpec(name, pos);
  }
}
