package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

/**
 * Value semantics the operators need: ordering (also across numeric classes), equality for
 * hashing, casts. Delegates to {@link PgValues}.
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
      return PgValues.compare(a, b, type);
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
    return v == null ? null : PgValues.cast(v, from, to, typmod, tz);
  }

  /** As {@link #cast(Object, DataType, DataType, int, ZoneId)} in the statement's session. */
  public static Object cast(Object v, DataType from, DataType to, int typmod,
      io.snapsync.core.sql.func.EvalContext ctx) {
    return v == null ? null : PgValues.cast(v, from, to, typmod, ctx.timeZone(),
        java.time.Instant.now(), ctx.style());
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

}
