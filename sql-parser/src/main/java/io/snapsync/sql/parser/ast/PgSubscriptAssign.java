package io.snapsync.sql.parser.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The new value of an array column that {@code SET a[1] = v} or {@code SET a[2:3] = v}
 * assigns into: operands are the array, the bounds (as in {@link PgSubscript}), and the value.
 * The grammar turns {@code SET col[...] = v} into {@code SET col = <this call>}, folding several
 * assignments to one column into one nested call.
 */
public final class PgSubscriptAssign extends SqlSpecialOperator {

  private static final Map<String, PgSubscriptAssign> BY_SHAPE = new ConcurrentHashMap<>();

  private final String shape;

  private PgSubscriptAssign(String shape) {
    super(":=[" + shape + "]", SqlKind.OTHER_FUNCTION, 100, true, null,
        (binding, ret, types) -> {
          for (int i = 1; i < types.length - 1; i++) {
            types[i] = binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
          }
          if (types.length > 0 && types[types.length - 1] == null) {
            types[types.length - 1] = binding.getTypeFactory().createSqlType(SqlTypeName.NULL);
          }
        }, null);
    this.shape = shape;
  }

  public static PgSubscriptAssign of(String shape) {
    return BY_SHAPE.computeIfAbsent(shape, PgSubscriptAssign::new);
  }

  /** One letter per subscript, as {@link PgSubscript#shape()}. */
  public String shape() {
    return shape;
  }

  /** True when one element is assigned (every subscript an index). */
  public boolean isElement() {
    return shape.chars().allMatch(c -> c == 'i');
  }

  /**
   * Adds {@code column[bounds] = value} to an UPDATE's SET lists as {@code column =
   * assign(column-or-earlier-value, bounds, value)}.
   */
  public static void addTo(SqlNodeList columns, SqlNodeList values, SqlIdentifier column,
      String shape, List<SqlNode> bounds, SqlNode value, SqlParserPos pos) {
    int at = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).toString().equals(column.toString())) {
        at = i;
      }
    }
    List<SqlNode> ops = new ArrayList<>();
    ops.add(at >= 0 ? values.get(at) : column);
    ops.addAll(bounds);
    ops.add(value);
    SqlNode call = of(shape).createCall(pos, ops.toArray(new SqlNode[0]));
    if (at >= 0) {
      values.set(at, call);
    } else {
      columns.add(column);
      values.add(call);
    }
  }

  /** Types the call itself: the operator is this instance, never looked up by name. */
  @Override
  public RelDataType deriveType(org.apache.calcite.sql.validate.SqlValidator validator,
      org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
    return validateOperands(validator, scope, call);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int n = 2;
    for (char c : shape.toCharArray()) {
      n += c == 's' ? 2 : c == 'n' ? 0 : 1;
    }
    return SqlOperandCountRanges.of(n);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (binding.getOperandType(0).getSqlTypeName() == SqlTypeName.ARRAY) {
      return true;
    }
    if (throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return false;
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    return binding.getTypeFactory().createTypeWithNullability(binding.getOperandType(0), true);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.print(getName() + "(");
    for (int i = 0; i < call.operandCount(); i++) {
      if (i > 0) {
        writer.print(", ");
      }
      call.operand(i).unparse(writer, 0, 0);
    }
    writer.print(")");
  }
}
