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
      Map.entry("successful_completion", "00000"), Map.entry("warning", "01000"),
      Map.entry("no_data", "02000"), Map.entry("sql_statement_not_yet_complete", "03000"),
      Map.entry("feature_not_supported", "0A000"),
      Map.entry("invalid_transaction_termination", "2D000"),
      Map.entry("cardinality_violation", "21000"), Map.entry("data_exception", "22000"),
      Map.entry("string_data_right_truncation", "22001"),
      Map.entry("numeric_value_out_of_range", "22003"),
      Map.entry("null_value_not_allowed", "22004"),
      Map.entry("invalid_datetime_format", "22007"),
      Map.entry("datetime_field_overflow", "22008"), Map.entry("division_by_zero", "22012"),
      Map.entry("invalid_parameter_value", "22023"),
      Map.entry("character_not_in_repertoire", "22021"),
      Map.entry("invalid_text_representation", "22P02"),
      Map.entry("invalid_escape_sequence", "22025"),
      Map.entry("array_subscript_error", "2202E"),
      Map.entry("integrity_constraint_violation", "23000"),
      Map.entry("restrict_violation", "23001"), Map.entry("not_null_violation", "23502"),
      Map.entry("foreign_key_violation", "23503"), Map.entry("unique_violation", "23505"),
      Map.entry("check_violation", "23514"), Map.entry("exclusion_violation", "23P01"),
      Map.entry("invalid_cursor_state", "24000"),
      Map.entry("invalid_transaction_state", "25000"),
      Map.entry("read_only_sql_transaction", "25006"),
      Map.entry("in_failed_sql_transaction", "25P02"),
      Map.entry("transaction_rollback", "40000"), Map.entry("serialization_failure", "40001"),
      Map.entry("deadlock_detected", "40P01"),
      Map.entry("syntax_error_or_access_rule_violation", "42000"),
      Map.entry("syntax_error", "42601"), Map.entry("insufficient_privilege", "42501"),
      Map.entry("undefined_column", "42703"), Map.entry("undefined_function", "42883"),
      Map.entry("undefined_table", "42P01"), Map.entry("undefined_object", "42704"),
      Map.entry("duplicate_table", "42P07"), Map.entry("duplicate_object", "42710"),
      Map.entry("duplicate_function", "42723"), Map.entry("ambiguous_column", "42702"),
      Map.entry("datatype_mismatch", "42804"), Map.entry("wrong_object_type", "42809"),
      Map.entry("invalid_column_reference", "42P10"),
      Map.entry("program_limit_exceeded", "54000"),
      Map.entry("object_not_in_prerequisite_state", "55000"),
      Map.entry("lock_not_available", "55P03"), Map.entry("query_canceled", "57014"),
      Map.entry("raise_exception", "P0001"), Map.entry("no_data_found", "P0002"),
      Map.entry("too_many_rows", "P0003"), Map.entry("assert_failure", "P0004"),
      Map.entry("internal_error", "XX000"));

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
