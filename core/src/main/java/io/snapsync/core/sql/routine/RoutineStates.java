package io.snapsync.core.sql.routine;

/** SQLSTATEs of routine DDL that {@code SqlState} does not name. */
final class RoutineStates {

  static final String INVALID_FUNCTION_DEFINITION = "42P13";
  static final String DUPLICATE_FUNCTION = "42723";
  static final String AMBIGUOUS_FUNCTION = "42725";
  static final String WRONG_OBJECT_TYPE = "42809";

  private RoutineStates() {
  }
}
