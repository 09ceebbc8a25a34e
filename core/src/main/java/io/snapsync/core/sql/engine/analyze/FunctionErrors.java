package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.stream.Collectors;

/** 42883 {@code function f(integer) does not exist} with PostgreSQL's hint. */
public final class FunctionErrors {

  private FunctionErrors() {
  }

  public static SnapsyncException undefined(String name, List<DataType> argTypes) {
    String args = argTypes.stream().map(DataType::sqlName).collect(Collectors.joining(", "));
    return SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "engine.function_not_exist",
        name, args).withHint("engine.function_not_exist.hint");
  }
}
