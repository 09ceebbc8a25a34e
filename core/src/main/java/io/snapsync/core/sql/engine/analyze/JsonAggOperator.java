package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.Set;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;

/**
 * The library's json aggregates Calcite lacks ({@code json_agg}, {@code jsonb_agg},
 * {@code json_object_agg}, {@code jsonb_object_agg}) as Calcite aggregate functions: any
 * arguments, the result json or jsonb; the planner binds the library's aggregate by name and
 * argument types. Thread-safe.
 */
final class JsonAggOperator extends SqlAggFunction {

  static final Set<String> NAMES = Set.of("json_agg", "jsonb_agg", "json_object_agg",
      "jsonb_object_agg");

  JsonAggOperator(String name) {
    super(name, null, SqlKind.OTHER_FUNCTION,
        b -> TypeMapping.toRel(name.startsWith("jsonb") ? DataType.JSONB : DataType.JSON, -1,
            true, b.getTypeFactory()),
        null, OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }

  /** The aggregate named {@code name} when it is one of these and the library has it, or null. */
  static JsonAggOperator find(String name, FunctionLibrary library) {
    return NAMES.contains(name) && !library.aggregateOverloads(name).isEmpty()
        ? new JsonAggOperator(name) : null;
  }
}
