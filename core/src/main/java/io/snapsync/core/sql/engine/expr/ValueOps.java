package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.List;

/**
 * Value semantics the operators need: ordering, equality for hashing, casts. Delegates to
 * {@link PgValues} (the types work); a small private fallback covers integers, numeric, float,
 * text and boolean until that lands (then the fallback is dead code to delete).
 */
public final class ValueOps {

  private ValueOps() {
  }

  /** Orders two non-null values (mixed numeric types compare by value). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b, DataType type) {
    if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
      return compareNumbers(x, y);
    }
    if (type != null && !(a instanceof List)) {
      try {
        return PgValues.compare(a, b, type);
      } catch (UnsupportedOperationException pending) {
        // types work not merged yet
      }
    }
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        Object p = x.get(i);
        Object q = y.get(i);
        if (p == null || q == null) {
          if (p != q) {
            return p == null ? 1 : -1;
          }
          continue;
        }
        int c = compare(p, q, type == null || type.element() == null ? null : type.element());
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof Comparable c && a.getClass() == b.getClass()) {
      return c.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  private static int compareNumbers(Number x, Number y) {
    if (isIntegral(x) && isIntegral(y)) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (x instanceof Double || x instanceof Float || y instanceof Double || y instanceof Float) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return decimal(x).compareTo(decimal(y));
  }

  static boolean isIntegral(Object n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (isIntegral(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }

  /** A value usable as a hash key: numbers of any class that are equal compare equal. */
  public static Object hashKey(Object v) {
    if (v instanceof Number n) {
      if (isIntegral(n)) {
        return n.longValue();
      }
      if (n instanceof BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() <= 0 && s.precision() - s.scale() < 19 ? (Object) s.longValueExact() : s;
      }
      return n.doubleValue();
    }
    if (v instanceof byte[] b) {
      return java.nio.ByteBuffer.wrap(b);
    }
    return v;
  }

  /** PostgreSQL's explicit cast of {@code v} from {@code from} to {@code to}. */
  public static Object cast(Object v, DataType from, DataType to, int typmod, ZoneId tz) {
    if (v == null) {
      return null;
    }
    try {
      return PgValues.cast(v, from, to, typmod, tz);
    } catch (UnsupportedOperationException pending) {
      return fallbackCast(v, to, typmod);
    }
  }

  private static Object fallbackCast(Object v, DataType to, int typmod) {
    switch (to) {
      case INT2, INT4, INT8 -> {
        long l;
        if (v instanceof String s) {
          try {
            l = Long.parseLong(s.trim());
          } catch (NumberFormatException e) {
            throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
                "engine.invalid_input", to.sqlName(), s);
          }
        } else if (v instanceof Boolean b) {
          l = b ? 1 : 0;
        } else if (isIntegral(v)) {
          l = ((Number) v).longValue();
        } else {
          l = decimal((Number) v).setScale(0, RoundingMode.HALF_EVEN).longValue();
        }
        if (to == DataType.INT8) {
          return l;
        }
        if (to == DataType.INT4) {
          if (l != (int) l) {
            throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "engine.integer_out_of_range");
          }
          return (int) l;
        }
        if (l != (short) l) {
          throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              "engine.smallint_out_of_range");
        }
        return (short) l;
      }
      case NUMERIC -> {
        BigDecimal d = v instanceof String s ? new BigDecimal(s.trim())
            : decimal((Number) v);
        if (typmod >= 4) {
          d = d.setScale((typmod - 4) & 0xffff, RoundingMode.HALF_UP);
        }
        return d;
      }
      case FLOAT8 -> {
        return v instanceof String s ? Double.parseDouble(s.trim()) : ((Number) v).doubleValue();
      }
      case FLOAT4 -> {
        return v instanceof String s ? Float.parseFloat(s.trim()) : ((Number) v).floatValue();
      }
      case BOOL -> {
        if (v instanceof Boolean) {
          return v;
        }
        if (v instanceof Number n) {
          return n.longValue() != 0;
        }
        String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
          case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
          case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
          default -> throw SnapsyncException.error(SqlState.INVALID_TEXT_REPRESENTATION,
              "engine.invalid_input", "boolean", v.toString());
        };
      }
      case TEXT, VARCHAR, NAME, BPCHAR, UNKNOWN -> {
        String s = v instanceof Boolean b ? (b ? "true" : "false")
            : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        if (typmod >= 4 && s.length() > typmod - 4) {
          s = s.substring(0, typmod - 4);
        }
        return s;
      }
      default -> {
        return v;
      }
    }
  }

  /** The PostgreSQL type of a Java value (as {@link DataType} documents the classes). */
  public static DataType typeOf(Object v) {
    if (v instanceof Integer) {
      return DataType.INT4;
    } else if (v instanceof Long) {
      return DataType.INT8;
    } else if (v instanceof Short) {
      return DataType.INT2;
    } else if (v instanceof BigDecimal) {
      return DataType.NUMERIC;
    } else if (v instanceof Double) {
      return DataType.FLOAT8;
    } else if (v instanceof Float) {
      return DataType.FLOAT4;
    } else if (v instanceof Boolean) {
      return DataType.BOOL;
    } else if (v instanceof byte[]) {
      return DataType.BYTEA;
    } else if (v instanceof java.time.LocalDate) {
      return DataType.DATE;
    } else if (v instanceof java.time.LocalDateTime) {
      return DataType.TIMESTAMP;
    } else if (v instanceof java.time.OffsetDateTime) {
      return DataType.TIMESTAMPTZ;
    } else if (v instanceof java.util.UUID) {
      return DataType.UUID;
    }
    return DataType.TEXT;
  }

  static final MathContext DIVISION = new MathContext(40, RoundingMode.HALF_UP);
}
