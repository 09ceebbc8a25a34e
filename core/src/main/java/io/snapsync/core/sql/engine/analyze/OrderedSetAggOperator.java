package io.snapsync.core.sql.engine.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Optionality;

/**
 * PostgreSQL's ordered-set and hypothetical-set aggregates ({@code percentile_cont},
 * {@code percentile_disc}, {@code mode}, {@code rank}, {@code dense_rank}, {@code percent_rank},
 * {@code cume_dist} with {@code WITHIN GROUP (ORDER BY ...)}). {@link OrderedSetCalls} gives
 * the call its ORDER BY expressions as trailing operands, so the operands here are the direct
 * arguments then the sorted ones, and the result type follows from them: the sorted value's
 * type for percentile_disc and mode (an array of it for an array of fractions), double
 * precision or interval for percentile_cont, bigint for rank and dense_rank, double precision
 * for percent_rank and cume_dist. Thread-safe.
 */
public final class OrderedSetAggOperator extends SqlAggFunction {

  /** The aggregates taken with WITHIN GROUP. */
  static final Set<String> NAMES = Set.of("percentile_cont", "percentile_disc", "mode", "rank",
      "dense_rank", "percent_rank", "cume_dist");

  /** The name the validator looks the operator up by (never one a user can write). */
  private static final String LOOKUP_PREFIX = "$within_group$";

  OrderedSetAggOperator(String name) {
    super(name, null, SqlKind.OTHER_FUNCTION, OrderedSetAggOperator::returnType, null,
        new Operands(name), SqlFunctionCategory.USER_DEFINED_FUNCTION, false, false,
        Optionality.MANDATORY);
  }

  /**
   * PostgreSQL's signatures: a fraction (or an array of them) and one sorted value for the
   * percentiles, numeric or interval sorted by percentile_cont; one sorted value for mode; as
   * many direct arguments as sorted ones for the hypothetical-set aggregates. Else 42883.
   */
  private record Operands(String name) implements org.apache.calcite.sql.type.SqlOperandTypeChecker {
    @Override
    public boolean checkOperandTypes(org.apache.calcite.sql.SqlCallBinding b, boolean fail) {
      int n = b.getOperandCount();
      boolean ok;
      if (name.startsWith("percentile")) {
        ok = n == 2 && numeric(b.getOperandType(0))
            && (!name.equals("percentile_cont") || numeric(b.getOperandType(1))
                || TypeMapping.toData(b.getOperandType(1))
                    == io.snapsync.core.session.DataType.INTERVAL);
      } else {
        ok = name.equals("mode") ? n == 1 : n >= 2 && n % 2 == 0;
      }
      if (!ok && fail) {
        List<String> types = new ArrayList<>();
        for (RelDataType t : b.collectOperandTypes()) {
          types.add(t.getSqlTypeName() == SqlTypeName.NULL ? "unknown"
              : TypeMapping.toData(t).sqlName());
        }
        throw b.getValidator().newValidationError(b.getCall(), org.apache.calcite.util.Static
            .RESOURCE.validatorUnknownFunction(name + "(" + String.join(", ", types) + ")"));
      }
      return ok;
    }

    private static boolean numeric(RelDataType t) {
      while (t.getComponentType() != null) {
        t = t.getComponentType();
      }
      return SqlTypeName.NUMERIC_TYPES.contains(t.getSqlTypeName())
          || t.getSqlTypeName() == SqlTypeName.NULL;
    }

    @Override
    public org.apache.calcite.sql.SqlOperandCountRange getOperandCountRange() {
      return org.apache.calcite.sql.type.SqlOperandCountRanges.any();
    }

    @Override
    public String getAllowedSignatures(org.apache.calcite.sql.SqlOperator op, String opName) {
      return opName + "(...)";
    }
  }

  /** The operator the validator's lookup of {@code lookupName} means, or null. */
  static OrderedSetAggOperator find(String lookupName) {
    if (!lookupName.startsWith(LOOKUP_PREFIX)) {
      return null;
    }
    String name = lookupName.substring(LOOKUP_PREFIX.length()).toLowerCase(Locale.ROOT);
    return NAMES.contains(name) ? new OrderedSetAggOperator(name) : null;
  }

  /** True for a hypothetical-set aggregate (its direct arguments are a row to rank). */
  public boolean hypothetical() {
    return !getName().startsWith("percentile") && !getName().equals("mode");
  }

  @Override
  public SqlIdentifier getNameAsId() {
    return new SqlIdentifier(LOOKUP_PREFIX + getName(), SqlParserPos.ZERO);
  }

  private static RelDataType returnType(SqlOperatorBinding b) {
    RelDataTypeFactory f = b.getTypeFactory();
    String name = b.getOperator().getName();
    RelDataType result;
    switch (name) {
      case "rank", "dense_rank" -> result = f.createSqlType(SqlTypeName.BIGINT);
      case "percent_rank", "cume_dist" -> result = f.createSqlType(SqlTypeName.DOUBLE);
      case "mode" -> result = b.getOperandCount() > 0 ? b.getOperandType(0)
          : f.createSqlType(SqlTypeName.NULL);
      default -> {
        RelDataType sorted = b.getOperandCount() > 1 ? b.getOperandType(1)
            : f.createSqlType(SqlTypeName.DOUBLE);
        if (name.equals("percentile_cont")
            && TypeMapping.toData(sorted) != io.snapsync.core.session.DataType.INTERVAL) {
          sorted = f.createSqlType(SqlTypeName.DOUBLE);
        }
        result = b.getOperandType(0).getComponentType() != null
            ? f.createArrayType(f.createTypeWithNullability(sorted, true), -1) : sorted;
      }
    }
    return f.createTypeWithNullability(result, true);
  }
}
