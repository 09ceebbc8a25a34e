package io.snapsync.core.sql.engine.analyze;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code generate_series(start, stop [, step])} over integers as a table function of the
 * catalog: one column named {@code generate_series}. Rows are produced by the engine's own
 * operator ({@code GenerateSeriesNode}); Calcite only types the call.
 */
public final class GenerateSeries implements TableFunction {

  public static final String NAME = "generate_series";

  @Override
  public RelDataType getRowType(RelDataTypeFactory f, List<? extends Object> args) {
    return f.builder().add(NAME, f.createTypeWithNullability(f.createSqlType(SqlTypeName.INTEGER),
        true)).build();
  }

  @Override
  public Type getElementType(List<? extends Object> args) {
    return Object[].class;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> out = new ArrayList<>();
    String[] names = {"start", "stop", "step"};
    for (int i = 0; i < names.length; i++) {
      int ordinal = i;
      out.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return names[ordinal];
        }

        @Override
        public RelDataType getType(RelDataTypeFactory f) {
          return f.createSqlType(SqlTypeName.INTEGER);
        }

        @Override
        public boolean isOptional() {
          return ordinal == 2;
        }
      });
    }
    return out;
  }
}
