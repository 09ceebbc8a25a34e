package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * {@code real} and {@code double precision}: PostgreSQL 15 input (strtod syntax, NaN and
 * infinities, 22003 on overflow and underflow) and output with {@code extra_float_digits = 1}
 * (the shortest text that reads back as the same value, {@code %g}-like exponent form).
 */
final class Floats {

  private static final Pattern SYNTAX =
      Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private Floats() {
  }

  static Object parse(String text, DataType type) {
    String s = Numerics.trim(text);
    String u = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean negative = s.startsWith("-");
    double d;
    if (u.equalsIgnoreCase("nan")) {
      d = Double.NaN;
    } else if (u.equalsIgnoreCase("infinity") || u.equalsIgnoreCase("inf")) {
      d = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    } else if (SYNTAX.matcher(s).matches()) {
      String name = TypeErrors.inputName(type);
      if (type == DataType.FLOAT4) {
        float f = Float.parseFloat(s);
        if (Float.isInfinite(f) || (f == 0 && hasNonZeroDigit(s))) {
          throw TypeErrors.floatOutOfRange(s, name);
        }
        return f;
      }
      d = Double.parseDouble(s);
      if (Double.isInfinite(d) || (d == 0 && hasNonZeroDigit(s))) {
        throw TypeErrors.floatOutOfRange(s, name);
      }
      return d;
    } else {
      throw TypeErrors.syntax(type, text);
    }
    return type == DataType.FLOAT4 ? (Object) (float) d : d;
  }

  private static boolean hasNonZeroDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  static String toText(double d) {
    return format(d, false);
  }

  static String toText(float f) {
    return format(f, true);
  }

  private static String format(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = null;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (single ? r.floatValue() == (float) d : r.doubleValue() == d) {
        shortest = r;
        break;
      }
    }
    BigDecimal digits = shortest.stripTrailingZeros();
    // the decimal exponent of the first digit, as %e prints it
    int exp = digits.precision() - digits.scale() - 1;
    int maxFixed = single ? 6 : 15;
    if (exp >= -4 && exp < maxFixed) {
      return digits.scale() < 0 ? digits.setScale(0).toPlainString() : digits.toPlainString();
    }
    String unscaled = digits.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder(24);
    if (digits.signum() < 0) {
      sb.append('-');
    }
    sb.append(unscaled.charAt(0));
    if (unscaled.length() > 1) {
      sb.append('.').append(unscaled, 1, unscaled.length());
    }
    sb.append('e').append(exp < 0 ? '-' : '+');
    int a = Math.abs(exp);
    if (a < 10) {
      sb.append('0');
    }
    return sb.append(a).toString();
  }

  /** float to an integer type: rounds half to even (rint); 22003 out of range, NaN too. */
  static Object toInteger(double d, DataType to) {
    double r = Math.rint(d);
    if (Double.isNaN(r) || r < Integers.min(to) || r >= -(double) Integers.min(to)
        && to != DataType.OID || to == DataType.OID && r > Integers.max(to)) {
      throw TypeErrors.outOfRange(Integers.rangeName(to));
    }
    return Integers.box((long) r, to);
  }

  /** float8 to float4: 22003 value out of range (overflow / underflow). */
  static float narrow(double d) {
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw TypeErrors.overflow();
    }
    if (f == 0 && d != 0) {
      throw TypeErrors.underflow();
    }
    return f;
  }
}
