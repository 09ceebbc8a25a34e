package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SqlState;

/** The SQLSTATEs of routine DDL, by their {@link SqlState} names. */
final class RoutineStates {

  static final String INVALID_FUNCTION_DEFINITION = SqlState.INVALID_FUNCTION_DEFINITION;
  static final String DUPLICATE_FUNCTION = SqlState.DUPLICATE_FUNCTION;
  static final String AMBIGUOUS_FUNCTION = SqlState.AMBIGUOUS_FUNCTION;
  static final String WRONG_OBJECT_TYPE = SqlState.WRONG_OBJECT_TYPE;

  private RoutineStates() {
  }
}
