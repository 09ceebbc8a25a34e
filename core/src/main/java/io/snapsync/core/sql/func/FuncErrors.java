package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;

/** The errors several function families raise, with PostgreSQL's SQLSTATEs and texts. */
final class FuncErrors {

  static final String INVALID_ARGUMENT_FOR_POWER = io.snapsync.core.error.SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION;
  static final String INVALID_ARGUMENT_FOR_LOG = io.snapsync.core.error.SqlState.INVALID_ARGUMENT_FOR_LOG;
  static final String SUBSTRING_ERROR = io.snapsync.core.error.SqlState.SUBSTRING_ERROR;
  static final String INVALID_REGEX = io.snapsync.core.error.SqlState.INVALID_REGULAR_EXPRESSION;
  static final String INVALID_ESCAPE = io.snapsync.core.error.SqlState.INVALID_ESCAPE_SEQUENCE;
  static final String INVALID_DATETIME_FORMAT = io.snapsync.core.error.SqlState.INVALID_DATETIME_FORMAT;
  static final String DATETIME_OVERFLOW = io.snapsync.core.error.SqlState.DATETIME_FIELD_OVERFLOW;
  static final String ARRAY_SUBSCRIPT = io.snapsync.core.error.SqlState.ARRAY_SUBSCRIPT_ERROR;
  static final String UNDEFINED_OBJECT = SqlState.UNDEFINED_OBJECT;

  private FuncErrors() {
  }

  /** {@code smallint out of range}, {@code integer out of range}, {@code bigint out of range}. */
  static SnapsyncException outOfRange(DataType t) {
    return switch (t) {
      case INT2 -> SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "functions.smallint_out_of_range");
      case INT4 -> SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "functions.integer_out_of_range");
      default -> SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "functions.bigint_out_of_range");
    };
  }

  static SnapsyncException divisionByZero() {
    return SnapsyncException.error(SqlState.DIVISION_BY_ZERO, "functions.division_by_zero");
  }

  static SnapsyncException floatOverflow() {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "functions.float_overflow");
  }

  static SnapsyncException floatUnderflow() {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "functions.float_underflow");
  }

  static SnapsyncException inputOutOfRange() {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "functions.input_out_of_range");
  }
}
