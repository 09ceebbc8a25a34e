package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;

import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code + - * / %}, unary {@code - +}, {@code @} (abs) and the bitwise operators over the
 * integer types (every pair, result the wider type), numeric, float4 and float8, with
 * PostgreSQL's overflow and division errors.
 */
final class ArithmeticOperators {

  static final List<DataType> INTS = List.of(INT2, INT4, INT8);

  private ArithmeticOperators() {
  }

  static void register(Registry r) {
    for (DataType a : INTS) {
      for (DataType b : INTS) {
        integerPair(r, a, b);
      }
      integerUnary(r, a);
    }
    numeric(r);
    floats(r);
  }

  private static void integerPair(Registry r, DataType a, DataType b) {
    DataType t = Numbers.wider(a, b);
    r.add(Fn.of("+", t, (x, c) -> Numbers.exact(Math::addExact, l(x[0]), l(x[1]), t), a, b));
    r.add(Fn.of("-", t, (x, c) -> Numbers.exact(Math::subtractExact, l(x[0]), l(x[1]), t),
        a, b));
    r.add(Fn.of("*", t, (x, c) -> Numbers.exact(Math::multiplyExact, l(x[0]), l(x[1]), t),
        a, b));
    r.add(Fn.of("/", t, (x, c) -> {
      long d = l(x[1]);
      if (d == 0) {
        throw FuncErrors.divisionByZero();
      }
      if (d == -1) {
        return Numbers.exact(Math::multiplyExact, l(x[0]), -1, t);
      }
      return Numbers.box(l(x[0]) / d, t);
    }, a, b));
    r.add(Fn.of("%", t, (x, c) -> {
      long d = l(x[1]);
      if (d == 0) {
        throw FuncErrors.divisionByZero();
      }
      return Numbers.box(d == -1 ? 0 : l(x[0]) % d, t);
    }, a, b));
    if (a == b) {
      r.add(Fn.of("&", t, (x, c) -> Numbers.box(l(x[0]) & l(x[1]), t), a, b));
      r.add(Fn.of("|", t, (x, c) -> Numbers.box(l(x[0]) | l(x[1]), t), a, b));
      r.add(Fn.of("#", t, (x, c) -> Numbers.box(l(x[0]) ^ l(x[1]), t), a, b));
    }
  }

  private static void integerUnary(Registry r, DataType t) {
    r.add(Fn.of("-", t, (x, c) -> Numbers.exact(Math::multiplyExact, l(x[0]), -1, t), t));
    r.add(Fn.of("+", t, (x, c) -> x[0], t));
    r.add(Fn.of("@", t, (x, c) -> Numbers.exact((v, u) -> Math.absExact(v), l(x[0]), 0, t), t));
    r.add(Fn.of("~", t, (x, c) -> Numbers.box(~l(x[0]), t), t));
    int bits = t == INT2 ? 16 : t == INT4 ? 32 : 64;
    r.add(Fn.of("<<", t, (x, c) -> Numbers.box(shiftLeft(l(x[0]), i(x[1]), bits), t), t, INT4));
    r.add(Fn.of(">>", t, (x, c) -> Numbers.box(l(x[0]) >> Math.floorMod(i(x[1]), bits), t),
        t, INT4));
  }

  /** C's shift: the count wraps at the type's width and high bits are lost, not an error. */
  private static long shiftLeft(long v, int n, int bits) {
    long s = v << Math.floorMod(n, bits);
    return bits == 16 ? (short) s : bits == 32 ? (int) s : s;
  }

  private static void numeric(Registry r) {
    r.add(Fn.of("+", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : n(x[0]).add(n(x[1])),
        NUMERIC, NUMERIC));
    r.add(Fn.of("-", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : n(x[0]).subtract(n(x[1])),
        NUMERIC, NUMERIC));
    r.add(Fn.of("*", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : n(x[0]).multiply(n(x[1])),
        NUMERIC, NUMERIC));
    r.add(Fn.of("/", NUMERIC, (x, c) -> {
      if (!Numbers.isNaN(x[1]) && n(x[1]).signum() == 0) {
        throw FuncErrors.divisionByZero();
      }
      return nan(x) ? Numbers.NAN : Numbers.divide(n(x[0]), n(x[1]));
    }, NUMERIC, NUMERIC));
    r.add(Fn.of("%", NUMERIC, (x, c) -> {
      if (!Numbers.isNaN(x[1]) && n(x[1]).signum() == 0) {
        throw FuncErrors.divisionByZero();
      }
      return nan(x) ? Numbers.NAN : mod(n(x[0]), n(x[1]));
    }, NUMERIC, NUMERIC));
    r.add(Fn.of("-", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : n(x[0]).negate(), NUMERIC));
    r.add(Fn.of("+", NUMERIC, (x, c) -> x[0], NUMERIC));
    r.add(Fn.of("@", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : n(x[0]).abs(), NUMERIC));
    r.add(Fn.of("^", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : BigMath.power(n(x[0]), n(x[1])),
        NUMERIC, NUMERIC));
  }

  /** {@code mod_var}: the sign of the dividend, the larger scale of the two. */
  static BigDecimal mod(BigDecimal a, BigDecimal b) {
    BigDecimal m = a.remainder(b);
    return m.setScale(Math.max(Math.max(a.scale(), b.scale()), 0));
  }

  private static void floats(Registry r) {
    r.add(Fn.of("+", FLOAT4, (x, c) -> f4(f(x[0]) + f(x[1]), x, true), FLOAT4, FLOAT4));
    r.add(Fn.of("-", FLOAT4, (x, c) -> f4(f(x[0]) - f(x[1]), x, true), FLOAT4, FLOAT4));
    r.add(Fn.of("*", FLOAT4, (x, c) -> f4(f(x[0]) * f(x[1]), x, f(x[0]) == 0.0f || f(x[1]) == 0.0f), FLOAT4, FLOAT4));
    r.add(Fn.of("/", FLOAT4, (x, c) -> {
      if (f(x[1]) == 0.0f) {
        throw FuncErrors.divisionByZero();
      }
      return f4(f(x[0]) / f(x[1]), x, f(x[0]) == 0.0f || Float.isInfinite(f(x[1])));
    }, FLOAT4, FLOAT4));
    r.add(Fn.of("-", FLOAT4, (x, c) -> -f(x[0]), FLOAT4));
    r.add(Fn.of("+", FLOAT4, (x, c) -> x[0], FLOAT4));
    r.add(Fn.of("@", FLOAT4, (x, c) -> Math.abs(f(x[0])), FLOAT4));
    for (DataType[] p : new DataType[][] {{FLOAT8, FLOAT8}, {FLOAT4, FLOAT8}, {FLOAT8, FLOAT4}}) {
      r.add(Fn.of("+", FLOAT8, (x, c) -> f8(d(x[0]) + d(x[1]), x, true), p));
      r.add(Fn.of("-", FLOAT8, (x, c) -> f8(d(x[0]) - d(x[1]), x, true), p));
      r.add(Fn.of("*", FLOAT8, (x, c) -> f8(d(x[0]) * d(x[1]), x, d(x[0]) == 0.0 || d(x[1]) == 0.0), p));
      r.add(Fn.of("/", FLOAT8, (x, c) -> {
        if (d(x[1]) == 0.0) {
          throw FuncErrors.divisionByZero();
        }
        return f8(d(x[0]) / d(x[1]), x, d(x[0]) == 0.0 || Double.isInfinite(d(x[1])));
      }, p));
    }
    r.add(Fn.of("-", FLOAT8, (x, c) -> -d(x[0]), FLOAT8));
    r.add(Fn.of("+", FLOAT8, (x, c) -> x[0], FLOAT8));
    r.add(Fn.of("@", FLOAT8, (x, c) -> Math.abs(d(x[0])), FLOAT8));
    r.add(Fn.of("^", FLOAT8, (x, c) -> MathFunctions.pow(d(x[0]), d(x[1])), FLOAT8, FLOAT8));
    r.add(Fn.of("|/", FLOAT8, (x, c) -> MathFunctions.sqrt(d(x[0])), FLOAT8));
    r.add(Fn.of("||/", FLOAT8, (x, c) -> Math.cbrt(d(x[0])), FLOAT8));
  }

  private static float f4(float res, Object[] x, boolean zeroOk) {
    return Numbers.checkFloat4(res, Float.isInfinite(f(x[0])) || Float.isInfinite(f(x[1])),
        zeroOk);
  }

  private static double f8(double res, Object[] x, boolean zeroOk) {
    return Numbers.checkFloat8(res, Double.isInfinite(d(x[0])) || Double.isInfinite(d(x[1])),
        zeroOk);
  }

  static boolean nan(Object[] x) {
    for (Object o : x) {
      if (Numbers.isNaN(o)) {
        return true;
      }
    }
    return false;
  }

  static long l(Object v) {
    return ((Number) v).longValue();
  }

  static int i(Object v) {
    return ((Number) v).intValue();
  }

  static float f(Object v) {
    return ((Number) v).floatValue();
  }

  static double d(Object v) {
    return ((Number) v).doubleValue();
  }

  static BigDecimal n(Object v) {
    return Numbers.big(v);
  }
}
