package io.snapsync.core.sql.catalog;

import io.snapsync.sql.parser.ast.PgTypeNameSpec;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Casts to and from the reg* types, rewritten to their I/O functions ({@link RegTypes}): the
 * grammar reads {@code regclass} as an OID-valued type, so {@code 'pg_class'::regclass}
 * becomes {@code regclassin('pg_class')} and {@code x::regclass::text} becomes
 * {@code regclassout(x)}. A reg* value that is not cast to text stays its OID. Stateless.
 */
public final class RegCasts {

  private static final Set<String> REG = Set.of("regclass", "regtype", "regnamespace",
      "regproc");
  private static final Set<String> TEXT = Set.of("text", "varchar", "name");

  private RegCasts() {
  }

  /** The rewrite of {@code call}, or null when it is no reg* cast; {@code self} visits operands. */
  public static SqlNode rewrite(SqlCall call, SqlShuttle self) {
    if (call.getKind() != SqlKind.CAST || call.operandCount() != 2
        || !(call.operand(1) instanceof SqlDataTypeSpec target)) {
      return null;
    }
    String to = pgName(target);
    SqlNode operand = call.operand(0);
    if (to != null && REG.contains(to)) {
      if (operand instanceof SqlCharStringLiteral) {
        return function(to + "in", operand);
      }
      return null;
    }
    if (isText(target) && operand instanceof SqlCall inner && inner.getKind() == SqlKind.CAST
        && inner.operand(1) instanceof SqlDataTypeSpec innerType) {
      String reg = pgName(innerType);
      if (reg != null && REG.contains(reg)) {
        SqlNode value = inner.operand(0) instanceof SqlCharStringLiteral
            ? function(reg + "in", inner.operand(0)) : inner.operand(0).accept(self);
        return function(reg + "out", value);
      }
    }
    return null;
  }

  private static String pgName(SqlDataTypeSpec spec) {
    return spec.getTypeNameSpec() instanceof PgTypeNameSpec p ? p.pgName() : null;
  }

  private static boolean isText(SqlDataTypeSpec spec) {
    String name = pgName(spec);
    if (name != null) {
      return TEXT.contains(name);
    }
    String simple = spec.getTypeName().getSimple().toLowerCase(java.util.Locale.ROOT);
    return simple.equals("varchar") || simple.equals("text");
  }

  private static SqlNode function(String name, SqlNode arg) {
    SqlIdentifier id = new SqlIdentifier(name, arg.getParserPosition());
    return new SqlBasicCall(new SqlUnresolvedFunction(id, null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION), List.of(arg), arg.getParserPosition());
  }
}
