package io.snapsync.sql.parser.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's subscripting of an array: {@code a[1][2]} (an element) or {@code a[1:2][:3]} (a
 * slice, an array). Operand 0 is the array, then the bounds each {@code [...]} names; the
 * operator's {@link #shape()} says, per subscript, which bounds are present: {@code i} an index,
 * {@code s} lo:hi, {@code l} lo:, {@code u} :hi, {@code n} a bare colon. One instance per shape.
 */
public final class PgSubscript extends SqlSpecialOperator {

  private static final Map<String, PgSubscript> BY_SHAPE = new ConcurrentHashMap<>();

  private final String shape;

  private PgSubscript(String shape) {
    super("[" + shape + "]", SqlKind.OTHER_FUNCTION, 100, true, null,
        (binding, ret, types) -> {
          for (int i = 1; i < types.length; i++) {
            types[i] = binding.getTypeFactory().createSqlType(SqlTypeName.INTEGER);
          }
          if (types.length > 0 && types[0] == null) {
            types[0] = binding.getValidator().getUnknownType();
          }
        }, null);
    this.shape = shape;
  }

  /** The operator of a subscript chain of this shape. */
  public static PgSubscript of(String shape) {
    return BY_SHAPE.computeIfAbsent(shape, PgSubscript::new);
  }

  /** The shape letter of one {@code [...]}. */
  public static char shapeOf(boolean slice, boolean lo, boolean hi) {
    if (!slice) {
      return 'i';
    }
    return lo ? (hi ? 's' : 'l') : (hi ? 'u' : 'n');
  }

  /** The call's operands: the array, then the bounds. */
  public static SqlNode[] operands(SqlNode array, List<SqlNode> bounds) {
    List<SqlNode> all = new ArrayList<>();
    all.add(array);
    all.addAll(bounds);
    return all.toArray(new SqlNode[0]);
  }

  /** One letter per subscript: i, s, l, u or n. */
  public String shape() {
    return shape;
  }

  /** True when the result is an element (every subscript an index), false for a slice. */
  public boolean isElement() {
    return shape.chars().allMatch(c -> c == 'i');
  }

  /** Types the call itself: the operator is this instance, never looked up by name. */
  @Override
  public RelDataType deriveType(org.apache.calcite.sql.validate.SqlValidator validator,
      org.apache.calcite.sql.validate.SqlValidatorScope scope, SqlCall call) {
    return validateOperands(validator, scope, call);
  }

  @Override
  public SqlOperandCountRange getOperandCountRange() {
    int n = 1;
    for (char c : shape.toCharArray()) {
      n += c == 's' ? 2 : c == 'n' ? 0 : 1;
    }
    return SqlOperandCountRanges.of(n);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    RelDataType t = binding.getOperandType(0);
    if (t.getSqlTypeName() == SqlTypeName.ARRAY || isNameIndex(t)) {
      return true;
    }
    if (throwOnFailure) {
      throw binding.newValidationSignatureError();
    }
    return false;
  }

  /**
   * {@code typname[0]}: PostgreSQL's {@code name} is subscriptable as a character array from
   * 0; snapsync types {@code name} as a string, so one index into a string is its character.
   */
  private boolean isNameIndex(RelDataType t) {
    return shape.equals("i") && org.apache.calcite.sql.type.SqlTypeUtil.inCharFamily(t);
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    RelDataTypeFactory f = binding.getTypeFactory();
    RelDataType t = binding.getOperandType(0);
    if (isNameIndex(t)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
    }
    if (!isElement()) {
      return f.createTypeWithNullability(t, true);
    }
    while (t.getComponentType() != null) {
      t = t.getComponentType();
    }
    return f.createTypeWithNullability(t, true);
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    call.operand(0).unparse(writer, leftPrec, 0);
    int k = 1;
    for (char c : shape.toCharArray()) {
      SqlWriter.Frame frame = writer.startList("[", "]");
      if (c == 'i' || c == 's' || c == 'l') {
        call.operand(k++).unparse(writer, 0, 0);
      }
      if (c != 'i') {
        writer.setNeedWhitespace(false);
        writer.print(":");
        writer.setNeedWhitespace(false);
      }
      if (c == 's' || c == 'u') {
        call.operand(k++).unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
  }
}
