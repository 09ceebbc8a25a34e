package io.snapsync.core.error;

/** The PostgreSQL SQLSTATE codes snapsync reports. */
public final class SqlState {

  public static final String SUCCESSFUL_COMPLETION = "00000";
  public static final String WARNING = "01000";
  public static final String CONNECTION_FAILURE = "08006";
  public static final String PROTOCOL_VIOLATION = "08P01";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** invalid_recursion: a recursive query PostgreSQL cannot run as a work-table loop. */
  public static final String INVALID_RECURSION = "42P19";
  public static final String INVALID_OBJECT_DEFINITION = "42P17";
  public static final String DUPLICATE_SCHEMA = "42P06";
  public static final String INVALID_PARAMETER_VALUE = "22023";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
  public static final String DIVISION_BY_ZERO = "22012";
  public static final String NOT_NULL_VIOLATION = "23502";
  public static final String UNIQUE_VIOLATION = "23505";
  public static final String ACTIVE_SQL_TRANSACTION = "25001";
  public static final String READ_ONLY_SQL_TRANSACTION = "25006";
  public static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";
  public static final String IN_FAILED_SQL_TRANSACTION = "25P02";
  public static final String INVALID_TRANSACTION_STATE = "25000";
  public static final String INVALID_AUTHORIZATION_SPECIFICATION = "28000";
  public static final String INVALID_PASSWORD = "28P01";
  public static final String INVALID_CATALOG_NAME = "3D000";
  public static final String INVALID_SAVEPOINT_SPECIFICATION = "3B001";
  public static final String SERIALIZATION_FAILURE = "40001";
  public static final String DEADLOCK_DETECTED = "40P01";
  public static final String SYNTAX_ERROR = "42601";
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  public static final String UNDEFINED_COLUMN = "42703";
  public static final String UNDEFINED_FUNCTION = "42883";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String UNDEFINED_OBJECT = "42704";
  public static final String DUPLICATE_OBJECT = "42710";
  public static final String DUPLICATE_TABLE = "42P07";
  public static final String DATATYPE_MISMATCH = "42804";
  public static final String INVALID_COLUMN_DEFINITION = "42611";
  public static final String INVALID_TABLE_DEFINITION = "42P16";
  public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
  public static final String STATEMENT_TOO_COMPLEX = "54001";
  public static final String OBJECT_NOT_IN_PREREQUISITE_STATE = "55000";
  public static final String LOCK_NOT_AVAILABLE = "55P03";
  public static final String QUERY_CANCELED = "57014";
  public static final String ADMIN_SHUTDOWN = "57P01";
  public static final String CANNOT_CONNECT_NOW = "57P03";
  public static final String IO_ERROR = "58030";
  public static final String CONFIG_FILE_ERROR = "F0000";
  public static final String INTERNAL_ERROR = "XX000";

  // conditions raised by the SQL engine, types, functions, COPY and the event-bus API
  public static final String CONNECTION_DOES_NOT_EXIST = "08003";
  public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
  public static final String NULL_VALUE_NOT_ALLOWED = "22004";
  public static final String INVALID_DATETIME_FORMAT = "22007";
  public static final String DATETIME_FIELD_OVERFLOW = "22008";
  public static final String SUBSTRING_ERROR = "22011";
  public static final String INTERVAL_FIELD_OVERFLOW = "22015";
  public static final String INVALID_REGULAR_EXPRESSION = "2201B";
  public static final String INVALID_ARGUMENT_FOR_LOG = "2201E";
  public static final String INVALID_ARGUMENT_FOR_POWER_FUNCTION = "2201F";
  public static final String INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION = "2201G";
  public static final String INVALID_ESCAPE_SEQUENCE = "22025";
  public static final String ARRAY_SUBSCRIPT_ERROR = "2202E";
  public static final String BAD_COPY_FILE_FORMAT = "22P04";
  public static final String UNTRANSLATABLE_CHARACTER = "22P05";
  public static final String INVALID_NAME = "42602";
  public static final String AMBIGUOUS_COLUMN = "42702";
  public static final String GROUPING_ERROR = "42803";
  public static final String CANNOT_COERCE = "42846";
  public static final String INVALID_COLUMN_REFERENCE = "42P10";
  public static final String CANT_CHANGE_RUNTIME_PARAM = "55P02";
  public static final String UNDEFINED_FILE = "58P01";
  public static final String INVALID_SCHEMA_NAME = "3F000";

  // roles and privileges (priv)
  public static final String INVALID_GRANT_OPERATION = "0LP01";
  public static final String DEPENDENT_OBJECTS_STILL_EXIST = "2BP01";
  public static final String RESERVED_NAME = "42939";
  public static final String OBJECT_IN_USE = "55006";

  // cursors and prepared statements (cursor)
  public static final String INVALID_CURSOR_NAME = "34000";
  public static final String DUPLICATE_CURSOR = "42P03";
  public static final String INVALID_SQL_STATEMENT_NAME = "26000";
  public static final String DUPLICATE_PREPARED_STATEMENT = "42P05";
  public static final String SNAPSHOT_TOO_OLD = "72000";

  // session robustness (harden)
  public static final String IDLE_IN_TRANSACTION_SESSION_TIMEOUT = "25P03";
  public static final String IDLE_SESSION_TIMEOUT = "57P05";
  // window frames (expr)
  public static final String INVALID_PRECEDING_OR_FOLLOWING_SIZE = "22013";
  public static final String WINDOWING_ERROR = "42P20";

  // every SQLSTATE named (house, issue 19): codes that were raw literals elsewhere
  public static final String DUPLICATE_COLUMN = "42701";
  public static final String UNDEFINED_PARAMETER = "42P02";
  public static final String WRONG_OBJECT_TYPE = "42809";
  public static final String FUNCTION_EXECUTED_NO_RETURN_STATEMENT = "2F005";
  public static final String CHECK_VIOLATION = "23514";
  public static final String CARDINALITY_VIOLATION = "21000";
  public static final String PRIVILEGE_NOT_GRANTED = "01007";
  public static final String PRIVILEGE_NOT_REVOKED = "01006";
  public static final String RAISE_EXCEPTION = "P0001";
  public static final String TOO_MANY_CONNECTIONS = "53300";
  public static final String INVALID_FUNCTION_DEFINITION = "42P13";
  public static final String INVALID_FOREIGN_KEY = "42830";
  public static final String AMBIGUOUS_FUNCTION = "42725";
  public static final String DUPLICATE_FUNCTION = "42723";
  public static final String FOREIGN_KEY_VIOLATION = "23503";
  public static final String INVALID_BINARY_REPRESENTATION = "22P03";
  public static final String INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE = "2201X";
  public static final String INVALID_ROW_COUNT_IN_LIMIT_CLAUSE = "2201W";
  public static final String INVALID_ARGUMENT_FOR_NTH_VALUE = "22016";
  public static final String SEQUENCE_GENERATOR_LIMIT_EXCEEDED = "2200H";

  private SqlState() {
  }

  // PL/pgSQL conditions (plpgsql, session 7)
  public static final String INVALID_TRANSACTION_TERMINATION = "2D000";
  public static final String STACKED_DIAGNOSTICS_ACCESSED_WITHOUT_ACTIVE_HANDLER = "0Z002";
  public static final String ASSERT_FAILURE = "P0004";
  public static final String NO_DATA_FOUND = "P0002";
  public static final String TOO_MANY_ROWS = "P0003";

  // condition names of PL/pgSQL handlers (errcodes.txt) not raised elsewhere
  public static final String NO_DATA = "02000";
  public static final String SQL_STATEMENT_NOT_YET_COMPLETE = "03000";
  public static final String DATA_EXCEPTION = "22000";
  public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
  public static final String INTEGRITY_CONSTRAINT_VIOLATION = "23000";
  public static final String RESTRICT_VIOLATION = "23001";
  public static final String EXCLUSION_VIOLATION = "23P01";
  public static final String INVALID_CURSOR_STATE = "24000";
  public static final String TRANSACTION_ROLLBACK = "40000";
  public static final String SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION = "42000";
}
