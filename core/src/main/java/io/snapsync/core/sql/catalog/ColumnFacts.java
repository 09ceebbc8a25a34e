package io.snapsync.core.sql.catalog;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;

/**
 * What information_schema.columns says of a column's type (PostgreSQL 15's
 * {@code _pg_char_max_length}, {@code _pg_numeric_precision}, ... as values).
 *
 * @param dataType the SQL type name, {@code ARRAY} for arrays
 * @param charMaxLength declared length of a character type, or null
 * @param charOctetLength maximum octets of a character type, or null
 * @param numericPrecision precision of a numeric type, or null
 * @param numericRadix 2 or 10 for numeric types, else null
 * @param numericScale scale of an exact numeric type, or null
 * @param datetimePrecision fractional-second digits of a date-time type, or null
 * @param collated true for a collatable type (collation_name {@code default} is not shown)
 */
record ColumnFacts(String dataType, Integer charMaxLength, Integer charOctetLength,
    Integer numericPrecision, Integer numericRadix, Integer numericScale,
    Integer datetimePrecision, boolean collated) {

  private static final int MAX_OCTETS = 1073741824;

  static ColumnFacts of(Column c) {
    DataType t = c.type();
    int mod = c.typmod();
    if (t.isArray()) {
      return new ColumnFacts("ARRAY", null, null, null, null, null, null, false);
    }
    String name = t.sqlName();
    return switch (t) {
      case INT2 -> numeric(name, 16, 2, 0);
      case INT4 -> numeric(name, 32, 2, 0);
      case INT8 -> numeric(name, 64, 2, 0);
      case FLOAT4 -> numeric(name, 24, 2, null);
      case FLOAT8 -> numeric(name, 53, 2, null);
      case NUMERIC -> mod < 0 ? numeric(name, null, 10, null)
          : numeric(name, ((mod - 4) >> 16) & 0xffff, 10, (mod - 4) & 0xffff);
      case TEXT, VARCHAR, BPCHAR -> new ColumnFacts(name, mod < 0 ? null : mod - 4,
          mod < 0 ? MAX_OCTETS : (mod - 4) * 4, null, null, null, null, false);
      case DATE -> new ColumnFacts(name, null, null, null, null, null, 0, false);
      case TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL -> new ColumnFacts(name, null, null, null,
          null, null, mod < 0 ? 6 : mod, false);
      case NAME -> new ColumnFacts(name, null, null, null, null, null, null, false);
      default -> new ColumnFacts(name.equals("void") ? "USER-DEFINED" : name, null, null, null,
          null, null, null, false);
    };
  }

  private static ColumnFacts numeric(String name, Integer precision, int radix,
      Integer scale) {
    return new ColumnFacts(name, null, null, precision, radix, scale, null, false);
  }
}
