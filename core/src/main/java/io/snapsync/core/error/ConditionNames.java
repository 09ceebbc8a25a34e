package io.snapsync.core.error;

import java.util.Map;

/**
 * PostgreSQL's condition names (the common ones of its errcodes.txt), the table behind
 * PL/pgSQL's EXCEPTION WHEN and RAISE, and how an EXCEPTION handler's condition matches an
 * error's SQLSTATE: a code ending in {@code 000} names its whole class;
 * {@code OTHERS} matches all but query_canceled and assert_failure.
 */
public final class ConditionNames {

  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("successful_completion", SqlState.SUCCESSFUL_COMPLETION),
      Map.entry("warning", SqlState.WARNING),
      Map.entry("no_data", SqlState.NO_DATA),
      Map.entry("sql_statement_not_yet_complete", SqlState.SQL_STATEMENT_NOT_YET_COMPLETE),
      Map.entry("feature_not_supported", SqlState.FEATURE_NOT_SUPPORTED),
      Map.entry("invalid_transaction_termination", SqlState.INVALID_TRANSACTION_TERMINATION),
      Map.entry("cardinality_violation", SqlState.CARDINALITY_VIOLATION),
      Map.entry("data_exception", SqlState.DATA_EXCEPTION),
      Map.entry("string_data_right_truncation", SqlState.STRING_DATA_RIGHT_TRUNCATION),
      Map.entry("numeric_value_out_of_range", SqlState.NUMERIC_VALUE_OUT_OF_RANGE),
      Map.entry("null_value_not_allowed", SqlState.NULL_VALUE_NOT_ALLOWED),
      Map.entry("invalid_datetime_format", SqlState.INVALID_DATETIME_FORMAT),
      Map.entry("datetime_field_overflow", SqlState.DATETIME_FIELD_OVERFLOW),
      Map.entry("division_by_zero", SqlState.DIVISION_BY_ZERO),
      Map.entry("invalid_parameter_value", SqlState.INVALID_PARAMETER_VALUE),
      Map.entry("character_not_in_repertoire", SqlState.CHARACTER_NOT_IN_REPERTOIRE),
      Map.entry("invalid_text_representation", SqlState.INVALID_TEXT_REPRESENTATION),
      Map.entry("invalid_escape_sequence", SqlState.INVALID_ESCAPE_SEQUENCE),
      Map.entry("array_subscript_error", SqlState.ARRAY_SUBSCRIPT_ERROR),
      Map.entry("integrity_constraint_violation", SqlState.INTEGRITY_CONSTRAINT_VIOLATION),
      Map.entry("restrict_violation", SqlState.RESTRICT_VIOLATION),
      Map.entry("not_null_violation", SqlState.NOT_NULL_VIOLATION),
      Map.entry("foreign_key_violation", SqlState.FOREIGN_KEY_VIOLATION),
      Map.entry("unique_violation", SqlState.UNIQUE_VIOLATION),
      Map.entry("check_violation", SqlState.CHECK_VIOLATION),
      Map.entry("exclusion_violation", SqlState.EXCLUSION_VIOLATION),
      Map.entry("invalid_cursor_state", SqlState.INVALID_CURSOR_STATE),
      Map.entry("invalid_transaction_state", SqlState.INVALID_TRANSACTION_STATE),
      Map.entry("read_only_sql_transaction", SqlState.READ_ONLY_SQL_TRANSACTION),
      Map.entry("in_failed_sql_transaction", SqlState.IN_FAILED_SQL_TRANSACTION),
      Map.entry("transaction_rollback", SqlState.TRANSACTION_ROLLBACK),
      Map.entry("serialization_failure", SqlState.SERIALIZATION_FAILURE),
      Map.entry("deadlock_detected", SqlState.DEADLOCK_DETECTED),
      Map.entry("syntax_error_or_access_rule_violation",
          SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
      Map.entry("syntax_error", SqlState.SYNTAX_ERROR),
      Map.entry("insufficient_privilege", SqlState.INSUFFICIENT_PRIVILEGE),
      Map.entry("undefined_column", SqlState.UNDEFINED_COLUMN),
      Map.entry("undefined_function", SqlState.UNDEFINED_FUNCTION),
      Map.entry("undefined_table", SqlState.UNDEFINED_TABLE),
      Map.entry("undefined_object", SqlState.UNDEFINED_OBJECT),
      Map.entry("duplicate_table", SqlState.DUPLICATE_TABLE),
      Map.entry("duplicate_object", SqlState.DUPLICATE_OBJECT),
      Map.entry("duplicate_function", SqlState.DUPLICATE_FUNCTION),
      Map.entry("ambiguous_column", SqlState.AMBIGUOUS_COLUMN),
      Map.entry("datatype_mismatch", SqlState.DATATYPE_MISMATCH),
      Map.entry("wrong_object_type", SqlState.WRONG_OBJECT_TYPE),
      Map.entry("invalid_column_reference", SqlState.INVALID_COLUMN_REFERENCE),
      Map.entry("program_limit_exceeded", SqlState.PROGRAM_LIMIT_EXCEEDED),
      Map.entry("object_not_in_prerequisite_state", SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE),
      Map.entry("lock_not_available", SqlState.LOCK_NOT_AVAILABLE),
      Map.entry("query_canceled", SqlState.QUERY_CANCELED),
      Map.entry("raise_exception", SqlState.RAISE_EXCEPTION),
      Map.entry("no_data_found", SqlState.NO_DATA_FOUND),
      Map.entry("too_many_rows", SqlState.TOO_MANY_ROWS),
      Map.entry("assert_failure", SqlState.ASSERT_FAILURE),
      Map.entry("internal_error", SqlState.INTERNAL_ERROR));

  private ConditionNames() {
  }

  /** The SQLSTATE of condition {@code name}; 42704 when PostgreSQL has no such condition. */
  public static String code(String name) {
    String c = CODES.get(name);
    if (c == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "routine.unrecognized_condition",
          name);
    }
    return c;
  }

  /** The SQLSTATE a RAISE names: a condition name, or a 5-character code as written. */
  public static String resolve(String cond) {
    String lower = cond.toLowerCase(java.util.Locale.ROOT);
    if (CODES.containsKey(lower)) {
      return CODES.get(lower);
    }
    if (cond.length() == 5) {
      return cond.toUpperCase(java.util.Locale.ROOT);
    }
    return code(lower);
  }

  /** The condition name of {@code code}, or the code itself. */
  public static String name(String code) {
    for (Map.Entry<String, String> e : CODES.entrySet()) {
      if (e.getValue().equals(code)) {
        return e.getKey();
      }
    }
    return code;
  }

  /** True when handler condition {@code cond} (a name or a 5-character SQLSTATE) catches it. */
  public static boolean matches(String cond, String sqlState) {
    if (cond.equals("others")) {
      return !sqlState.equals(SqlState.QUERY_CANCELED) && !sqlState.equals(SqlState.ASSERT_FAILURE);
    }
    String code = resolve(cond);
    if (code.endsWith("000")) {
      return sqlState.startsWith(code.substring(0, 2));
    }
    return code.equals(sqlState);
  }
}
