package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * {@code numeric}: a {@link BigDecimal} whose scale is the display scale, or a {@code Double}
 * for {@code NaN}, {@code Infinity} and {@code -Infinity} (PostgreSQL 14+ has numeric
 * infinities). Input syntax, {@code numeric(p,s)} typmods and output as PostgreSQL 15.
 */
final class Numerics {

  private static final Pattern SYNTAX =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private Numerics() {
  }

  static Object parse(String text, int typmod) {
    String s = trim(text);
    Object v;
    if (s.equalsIgnoreCase("nan")) {
      v = Double.NaN;
    } else if (isInfinity(s)) {
      v = s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (SYNTAX.matcher(s).matches()) {
      BigDecimal d;
      try {
        d = new BigDecimal(s);
      } catch (NumberFormatException e) {
        throw TypeErrors.valueOutOfRange(text, "numeric");
      }
      v = d.scale() < 0 ? d.setScale(0) : d;
    } else {
      throw TypeErrors.syntax(DataType.NUMERIC, text);
    }
    return applyTypmod(v, typmod);
  }

  private static boolean isInfinity(String s) {
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    return u.equalsIgnoreCase("infinity") || u.equalsIgnoreCase("inf");
  }

  static String trim(String text) {
    int i = 0;
    int end = text.length();
    while (i < end && Integers.isSpace(text.charAt(i))) {
      i++;
    }
    while (end > i && Integers.isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(i, end);
  }

  /** The precision of a numeric typmod, or -1 for none. */
  static int precision(int typmod) {
    return typmod < 4 ? -1 : ((typmod - 4) >> 16) & 0xffff;
  }

  /** The scale of a numeric typmod (PostgreSQL 15 allows negative scales). */
  static int scale(int typmod) {
    return ((((typmod - 4) & 0x7ff) ^ 1024) - 1024);
  }

  /** Rounds half away from zero to the typmod's scale; 22003 numeric field overflow. */
  static Object applyTypmod(Object v, int typmod) {
    if (typmod < 4) {
      return v;
    }
    int p = precision(typmod);
    int s = scale(typmod);
    if (v instanceof Double d) {
      if (d.isNaN()) {
        return v;
      }
      throw TypeErrors.numericFieldInfinite(p, s);
    }
    BigDecimal r = ((BigDecimal) v).setScale(s, RoundingMode.HALF_UP);
    if (r.signum() != 0 && r.abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(p - s)) >= 0) {
      throw TypeErrors.numericFieldOverflow(p, s);
    }
    return s < 0 ? r.setScale(0) : r;
  }

  static String toText(Object v) {
    if (v instanceof Double d) {
      return d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal b = v instanceof BigDecimal x ? x : new BigDecimal(v.toString());
    return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
  }

  /** numeric to an integer type: rounds half away from zero; 22003 out of range. */
  static Object toInteger(Object v, DataType to) {
    if (v instanceof Double d) {
      throw TypeErrors.cannotConvert(d.isNaN() ? "NaN" : "infinity", Integers.rangeName(to));
    }
    BigDecimal r = ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP);
    if (r.toBigInteger().bitLength() > 63) {
      throw TypeErrors.outOfRange(Integers.rangeName(to));
    }
    return Integers.narrow(r.longValue(), to);
  }

  /** numeric to float4/float8 (through the decimal text, as PostgreSQL does). */
  static Object toFloat(Object v, DataType to) {
    if (v instanceof Double d) {
      return to == DataType.FLOAT4 ? (Object) d.floatValue() : d;
    }
    return Floats.parse(((BigDecimal) v).toString(), to);
  }

  /** A float to numeric: PostgreSQL keeps only DBL_DIG (15) or FLT_DIG (6) digits. */
  static Object fromFloat(double d, DataType from) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return d;
    }
    String g = String.format(java.util.Locale.ROOT, "%." + (from == DataType.FLOAT4 ? 6 : 15) + "g", d);
    BigDecimal b = new BigDecimal(g.trim());
    b = b.scale() > 0 && b.signum() != 0 ? stripFractionZeros(b) : b;
    if (b.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return b.scale() < 0 ? b.setScale(0) : b;
  }

  private static BigDecimal stripFractionZeros(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static BigDecimal ofLong(long v) {
    return BigDecimal.valueOf(v);
  }
}
