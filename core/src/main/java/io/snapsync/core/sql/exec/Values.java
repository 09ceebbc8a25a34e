package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.Locale;

/** Conversions of literal and parameter values to column and parameter types. */
public final class Values {

  private Values() {
  }

  /** Converts {@code v} (Long, Integer, String, Boolean, null) to {@code type}'s Java class. */
  public static Object convert(Object v, DataType type, String column) {
    if (v == null) {
      return null;
    }
    switch (type) {
      case INT4 -> {
        if (v instanceof Number n) {
          long l = n.longValue();
          if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "sql.int_range");
          }
          return (int) l;
        }
        if (v instanceof String s) {
          try {
            return Integer.parseInt(s.trim());
          } catch (NumberFormatException e) {
            throw invalid("integer", s);
          }
        }
        throw mismatch(column, type, v);
      }
      case INT8 -> {
        if (v instanceof Number n) {
          return n.longValue();
        }
        if (v instanceof String s) {
          try {
            return Long.parseLong(s.trim());
          } catch (NumberFormatException e) {
            throw invalid("bigint", s);
          }
        }
        throw mismatch(column, type, v);
      }
      case BOOL -> {
        if (v instanceof Boolean) {
          return v;
        }
        if (v instanceof String s) {
          return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> true;
            case "f", "false", "n", "no", "off", "0" -> false;
            default -> throw invalid("boolean", s);
          };
        }
        throw mismatch(column, type, v);
      }
      case TEXT -> {
        return v instanceof String ? v : String.valueOf(v);
      }
      case FLOAT8 -> {
        if (v instanceof Number n) {
          return n.doubleValue();
        }
        try {
          return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
          throw invalid("double precision", v.toString());
        }
      }
      case TIMESTAMPTZ -> {
        if (v instanceof java.time.OffsetDateTime) {
          return v;
        }
        String t = v.toString().trim().replace(' ', 'T');
        try {
          return java.time.OffsetDateTime.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
          try {
            return java.time.LocalDateTime.parse(t).atOffset(java.time.ZoneOffset.UTC);
          } catch (java.time.format.DateTimeParseException e2) {
            try {
              return java.time.LocalDate.parse(t).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e3) {
              throw SnapsyncException.error(SqlState.INVALID_DATETIME_FORMAT, "sql.invalid_input",
                  type.sqlName(), v.toString());
            }
          }
        }
      }
      default -> {
        return v;
      }
    }
  }

  /** The type PostgreSQL would give a literal: integer, bigint, boolean, unknown. */
  public static String literalTypeName(Object v) {
    if (v instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? "integer" : "bigint";
    }
    if (v instanceof Integer) {
      return "integer";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof Double) {
      return "double precision";
    }
    return v instanceof String ? "unknown" : "unknown";
  }

  /** The result type of a literal in a select list. */
  public static DataType literalType(Object v) {
    if (v instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? DataType.INT4 : DataType.INT8;
    }
    if (v instanceof Boolean) {
      return DataType.BOOL;
    }
    return DataType.TEXT;
  }

  /** {@code v} as the Java value of {@link #literalType}. */
  public static Object literalValue(Object v) {
    if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return (int) (long) l;
    }
    return v;
  }

  private static SnapsyncException invalid(String type, String text) {
    return SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION, "sql.invalid_input",
        type, text);
  }

  private static SnapsyncException mismatch(String column, DataType type, Object v) {
    return SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "sql.type_mismatch", column,
        type.sqlName(), literalTypeName(v));
  }

  /** Compares two non-null values of one column type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    return ((Comparable) a).compareTo(b);
  }
}
