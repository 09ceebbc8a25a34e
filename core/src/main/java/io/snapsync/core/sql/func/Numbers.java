package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.LongBinaryOperator;

/**
 * Number helpers shared by the numeric families: integer range checks per type, float overflow
 * checks as {@code float.c} does them, numeric (BigDecimal) conversions and PostgreSQL's
 * division scale. A numeric NaN is {@code Double.NaN}.
 */
final class Numbers {

  static final Double NAN = Double.NaN;
  /** NUMERIC_MIN_SIG_DIGITS in numeric.c. */
  static final int MIN_SIG_DIGITS = 16;
  static final int MAX_DISPLAY_SCALE = 1000;

  private Numbers() {
  }

  static long asLong(Object v) {
    return ((Number) v).longValue();
  }

  static double asDouble(Object v) {
    return ((Number) v).doubleValue();
  }

  /** The value boxed as the Java class of integer type {@code t}, or 22003. */
  static Object box(long v, DataType t) {
    return switch (t) {
      case INT2 -> {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
          throw FuncErrors.outOfRange(t);
        }
        yield (short) v;
      }
      case INT4 -> {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          throw FuncErrors.outOfRange(t);
        }
        yield (int) v;
      }
      default -> v;
    };
  }

  /** {@code op} in 64 bits, then boxed as {@code t}; 22003 on any overflow. */
  static Object exact(LongBinaryOperator op, long a, long b, DataType t) {
    try {
      return box(op.applyAsLong(a, b), t);
    } catch (ArithmeticException e) {
      throw FuncErrors.outOfRange(t);
    }
  }

  /** The wider of two integer types. */
  static DataType wider(DataType a, DataType b) {
    return a == DataType.INT8 || b == DataType.INT8 ? DataType.INT8
        : a == DataType.INT4 || b == DataType.INT4 ? DataType.INT4 : DataType.INT2;
  }

  /** A float8 result, checked as {@code float_overflow_error}/{@code float_underflow_error}. */
  static double checkFloat8(double r, boolean infOk, boolean zeroOk) {
    if (Double.isInfinite(r) && !infOk) {
      throw FuncErrors.floatOverflow();
    }
    if (r == 0.0 && !zeroOk) {
      throw FuncErrors.floatUnderflow();
    }
    return r;
  }

  static float checkFloat4(float r, boolean infOk, boolean zeroOk) {
    if (Float.isInfinite(r) && !infOk) {
      throw FuncErrors.floatOverflow();
    }
    if (r == 0.0f && !zeroOk) {
      throw FuncErrors.floatUnderflow();
    }
    return r;
  }

  static boolean isNaN(Object v) {
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN();
  }

  /** A numeric argument as BigDecimal (callers handle NaN before). */
  static BigDecimal big(Object v) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return new BigDecimal(Double.toString(((Number) v).doubleValue()));
  }

  /** The base-10000 weight of {@code x}'s first non-zero digit group (numeric.c's weight). */
  static int weight(BigDecimal x) {
    if (x.signum() == 0) {
      return 0;
    }
    int decimalExp = x.precision() - x.scale() - 1;
    return Math.floorDiv(decimalExp, 4);
  }

  /** The first non-zero base-10000 digit group of {@code x}. */
  static int firstDigit(BigDecimal x) {
    if (x.signum() == 0) {
      return 0;
    }
    return x.abs().movePointLeft(4 * weight(x)).toBigInteger().intValue();
  }

  /** {@code select_div_scale}: the scale PostgreSQL gives {@code a / b}. */
  static int divScale(BigDecimal a, BigDecimal b) {
    int w1 = weight(a);
    int w2 = weight(b);
    int qweight = w1 - w2;
    if (firstDigit(a) <= firstDigit(b)) {
      qweight--;
    }
    int rscale = MIN_SIG_DIGITS - qweight * 4;
    rscale = Math.max(rscale, Math.max(a.scale(), 0));
    rscale = Math.max(rscale, Math.max(b.scale(), 0));
    return Math.min(rscale, MAX_DISPLAY_SCALE);
  }

  /** {@code a / b} with PostgreSQL's result scale, rounded half away from zero. */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) {
      throw FuncErrors.divisionByZero();
    }
    return a.divide(b, divScale(a, b), RoundingMode.HALF_UP);
  }

  /** Clamps a result's scale to at least 0 (PostgreSQL never shows a negative dscale). */
  static BigDecimal display(BigDecimal x) {
    return x.scale() < 0 ? x.setScale(0) : x;
  }
}
