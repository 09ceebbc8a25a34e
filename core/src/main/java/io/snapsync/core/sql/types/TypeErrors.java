package io.snapsync.core.sql.types;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;

/** The errors of value input, output and casts, with PostgreSQL's SQLSTATEs and texts. */
final class TypeErrors {

  static final String STRING_DATA_RIGHT_TRUNCATION = io.snapsync.core.error.SqlState.STRING_DATA_RIGHT_TRUNCATION;
  static final String DATETIME_FIELD_OVERFLOW = io.snapsync.core.error.SqlState.DATETIME_FIELD_OVERFLOW;
  static final String INVALID_DATETIME_FORMAT = io.snapsync.core.error.SqlState.INVALID_DATETIME_FORMAT;
  static final String INTERVAL_FIELD_OVERFLOW = io.snapsync.core.error.SqlState.INTERVAL_FIELD_OVERFLOW;
  static final String INVALID_PARAMETER_VALUE = SqlState.INVALID_PARAMETER_VALUE;
  static final String CANNOT_COERCE = io.snapsync.core.error.SqlState.CANNOT_COERCE;
  static final String UNTRANSLATABLE_CHARACTER = io.snapsync.core.error.SqlState.UNTRANSLATABLE_CHARACTER;

  private TypeErrors() {
  }

  /** 22P02 {@code invalid input syntax for type <name>: "<text>"}. */
  static SnapsyncException syntax(String typeName, String text) {
    return SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION, "types.invalid_input",
        typeName, text);
  }

  static SnapsyncException syntax(DataType type, String text) {
    return syntax(inputName(type), text);
  }

  /** 22007 {@code invalid input syntax for type <name>: "<text>"} (date/time types). */
  static SnapsyncException datetimeSyntax(String typeName, String text) {
    return SnapsyncException.error(INVALID_DATETIME_FORMAT, "types.invalid_input", typeName,
        text);
  }

  /** 22003 {@code value "<text>" is out of range for type <name>}. */
  static SnapsyncException valueOutOfRange(String text, String typeName) {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "types.value_out_of_range", text, typeName);
  }

  /** 22003 {@code "<text>" is out of range for type <name>} (float input). */
  static SnapsyncException floatOutOfRange(String text, String typeName) {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "types.float_out_of_range", text, typeName);
  }

  /** 22003 {@code integer out of range} / {@code smallint out of range} / ... */
  static SnapsyncException outOfRange(String typeName) {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "types.out_of_range",
        typeName);
  }

  /** 22003 {@code value out of range: overflow}. */
  static SnapsyncException overflow() {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "types.overflow");
  }

  /** 22003 {@code value out of range: underflow}. */
  static SnapsyncException underflow() {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "types.underflow");
  }

  /** 0A000 {@code cannot convert NaN to integer} (and infinity), as PostgreSQL 15. */
  static SnapsyncException cannotConvert(String what, String typeName) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
        "types.cannot_convert", what, typeName);
  }

  /** 22003 {@code numeric field overflow} with PostgreSQL's detail. */
  static SnapsyncException numericFieldOverflow(int precision, int scale) {
    int maxDigits = precision - scale;
    SnapsyncException e = SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "types.numeric_field_overflow");
    return maxDigits > 0
        ? e.withDetail("types.numeric_field_overflow.detail", precision, scale,
            "10^" + maxDigits)
        : e.withDetail("types.numeric_field_overflow.detail", precision, scale, "1");
  }

  /** 22003 {@code numeric field overflow}: infinity into numeric(p,s). */
  static SnapsyncException numericFieldInfinite(int precision, int scale) {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        "types.numeric_field_overflow")
        .withDetail("types.numeric_field_infinite.detail", precision, scale);
  }

  /** 22001 {@code value too long for type character varying(3)}. */
  static SnapsyncException tooLong(String typeWithLength) {
    return SnapsyncException.error(STRING_DATA_RIGHT_TRUNCATION, "types.too_long",
        typeWithLength);
  }

  /** 22008 {@code date/time field value out of range: "<text>"}. */
  static SnapsyncException datetimeFieldOutOfRange(String text) {
    return SnapsyncException.error(DATETIME_FIELD_OVERFLOW, "types.datetime_field_out_of_range",
        text);
  }

  /** 22008 {@code date out of range: "<text>"}. */
  static SnapsyncException dateOutOfRange(String text) {
    return SnapsyncException.error(DATETIME_FIELD_OVERFLOW, "types.date_out_of_range", text);
  }

  /** 22008 {@code timestamp out of range} (results of casts and arithmetic). */
  static SnapsyncException timestampOutOfRange() {
    return SnapsyncException.error(DATETIME_FIELD_OVERFLOW, "types.timestamp_out_of_range");
  }

  /** 22008 {@code timestamp out of range: "<text>"} (input). */
  static SnapsyncException timestampOutOfRange(String text) {
    return SnapsyncException.error(DATETIME_FIELD_OVERFLOW,
        "types.timestamp_out_of_range_input", text);
  }

  /** 22008 {@code date out of range for timestamp}. */
  static SnapsyncException dateOutOfRangeForTimestamp() {
    return SnapsyncException.error(DATETIME_FIELD_OVERFLOW,
        "types.date_out_of_range_for_timestamp");
  }

  /** 22015 {@code interval out of range}. */
  static SnapsyncException intervalOutOfRange() {
    return SnapsyncException.error(INTERVAL_FIELD_OVERFLOW, "types.interval_out_of_range");
  }

  /** 22015 {@code interval field value out of range: "<text>"}. */
  static SnapsyncException intervalFieldOutOfRange(String text) {
    return SnapsyncException.error(INTERVAL_FIELD_OVERFLOW,
        "types.interval_field_out_of_range", text);
  }

  /** 22023 {@code time zone "<name>" not recognized}. */
  static SnapsyncException unknownTimeZone(String name) {
    return SnapsyncException.error(INVALID_PARAMETER_VALUE, "types.unknown_time_zone", name);
  }

  /** 42846 {@code cannot cast type <a> to <b>}. */
  static SnapsyncException cannotCast(DataType from, DataType to) {
    return SnapsyncException.error(CANNOT_COERCE, "types.cannot_cast", from.sqlName(),
        to.sqlName());
  }

  /** 22P02 {@code malformed array literal: "<text>"} with a detail id. */
  static SnapsyncException malformedArray(String text, String detailId) {
    SnapsyncException e = SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
        "types.malformed_array", text);
    return detailId == null ? e : e.withDetail(detailId);
  }

  /** 22P02 {@code invalid input syntax for type json} with a detail. */
  static SnapsyncException invalidJson(String typeName, String detailToken) {
    return SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION, "types.invalid_json",
        typeName).withDetail("types.invalid_json.detail", detailToken);
  }

  /** The name PostgreSQL's input functions use in their messages. */
  static String inputName(DataType type) {
    return switch (type) {
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case INT8 -> "bigint";
      case FLOAT4 -> "real";
      case FLOAT8 -> "double precision";
      case TIMESTAMP -> "timestamp";
      case TIMESTAMPTZ -> "timestamp with time zone";
      case TIME -> "time";
      case INTERVAL -> "interval";
      default -> type.sqlName();
    };
  }
}
