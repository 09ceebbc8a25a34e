package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.sql.func.ArithmeticOperators.d;
import static io.snapsync.core.sql.func.ArithmeticOperators.i;
import static io.snapsync.core.sql.func.ArithmeticOperators.l;
import static io.snapsync.core.sql.func.ArithmeticOperators.n;
import static io.snapsync.core.sql.func.ArithmeticOperators.nan;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * abs, round, trunc, floor, ceil, mod, div, power, sqrt, cbrt, exp, ln, log, log10, sign, pi,
 * degrees, radians, the trigonometric functions, random, gcd, lcm, width_bucket, scale.
 */
final class MathFunctions {

  private MathFunctions() {
  }

  static void register(Registry r) {
    for (DataType t : ArithmeticOperators.INTS) {
      r.add(Fn.of("abs", t, (x, c) -> Numbers.exact((v, u) -> Math.absExact(v), l(x[0]), 0, t),
          t));
    }
    r.add(Fn.of("abs", FLOAT4, (x, c) -> Math.abs(((Number) x[0]).floatValue()), FLOAT4));
    r.add(Fn.of("abs", FLOAT8, (x, c) -> Math.abs(d(x[0])), FLOAT8));
    r.add(Fn.of("abs", NUMERIC, (x, c) -> nan(x) ? x[0] : n(x[0]).abs(), NUMERIC));
    rounding(r);
    floats(r);
    numerics(r);
    integers(r);
    r.add(Fn.of("pi", FLOAT8, (x, c) -> Math.PI));
    r.add(Fn.of("random", FLOAT8, (x, c) -> ThreadLocalRandom.current().nextDouble())
        .volatil());
  }

  private static void rounding(Registry r) {
    r.add(Fn.of("round", FLOAT8, (x, c) -> Math.rint(d(x[0])), FLOAT8));
    r.add(Fn.of("trunc", FLOAT8, (x, c) -> d(x[0]) < 0 ? Math.ceil(d(x[0]))
        : Math.floor(d(x[0])), FLOAT8));
    r.add(Fn.of("floor", FLOAT8, (x, c) -> Math.floor(d(x[0])), FLOAT8));
    r.add(Fn.of("ceil", FLOAT8, (x, c) -> Math.ceil(d(x[0])), FLOAT8), "ceiling");
    r.add(Fn.of("sign", FLOAT8, (x, c) -> Math.signum(d(x[0])), FLOAT8));
    r.add(Fn.of("round", NUMERIC, (x, c) -> scaled(x[0], 0, RoundingMode.HALF_UP), NUMERIC));
    r.add(Fn.of("round", NUMERIC, (x, c) -> scaled(x[0], i(x[1]), RoundingMode.HALF_UP),
        NUMERIC, INT4));
    r.add(Fn.of("trunc", NUMERIC, (x, c) -> scaled(x[0], 0, RoundingMode.DOWN), NUMERIC));
    r.add(Fn.of("trunc", NUMERIC, (x, c) -> scaled(x[0], i(x[1]), RoundingMode.DOWN),
        NUMERIC, INT4));
    r.add(Fn.of("floor", NUMERIC, (x, c) -> scaled(x[0], 0, RoundingMode.FLOOR), NUMERIC));
    r.add(Fn.of("ceil", NUMERIC, (x, c) -> scaled(x[0], 0, RoundingMode.CEILING), NUMERIC),
        "ceiling");
    r.add(Fn.of("sign", NUMERIC, (x, c) -> nan(x) ? x[0] : BigDecimal.valueOf(n(x[0]).signum()),
        NUMERIC));
  }

  /** round/trunc to {@code s} places; a negative {@code s} rounds left of the point, scale 0. */
  private static Object scaled(Object v, int s, RoundingMode mode) {
    if (Numbers.isNaN(v)) {
      return v;
    }
    BigDecimal r = n(v).setScale(s, mode);
    return s < 0 ? r.setScale(0) : r;
  }

  private static void floats(Registry r) {
    r.add(Fn.of("sqrt", FLOAT8, (x, c) -> sqrt(d(x[0])), FLOAT8));
    r.add(Fn.of("cbrt", FLOAT8, (x, c) -> Math.cbrt(d(x[0])), FLOAT8));
    r.add(Fn.of("power", FLOAT8, (x, c) -> pow(d(x[0]), d(x[1])), FLOAT8, FLOAT8), "pow");
    r.add(Fn.of("exp", FLOAT8, (x, c) -> {
      double res = Math.exp(d(x[0]));
      return Numbers.checkFloat8(res, Double.isInfinite(d(x[0])), d(x[0]) == Double
          .NEGATIVE_INFINITY || res != 0 || Double.isNaN(res));
    }, FLOAT8));
    r.add(Fn.of("ln", FLOAT8, (x, c) -> Math.log(logArg(d(x[0]))), FLOAT8));
    r.add(Fn.of("log", FLOAT8, (x, c) -> Math.log10(logArg(d(x[0]))), FLOAT8), "log10");
    r.add(Fn.of("degrees", FLOAT8, (x, c) -> Math.toDegrees(d(x[0])), FLOAT8));
    r.add(Fn.of("radians", FLOAT8, (x, c) -> Math.toRadians(d(x[0])), FLOAT8));
    trig(r, "sin", Math::sin, false);
    trig(r, "cos", Math::cos, false);
    trig(r, "tan", Math::tan, false);
    trig(r, "cot", v -> 1.0 / Math.tan(v), false);
    trig(r, "asin", Math::asin, true);
    trig(r, "acos", Math::acos, true);
    trig(r, "atan", Math::atan, false);
    trig(r, "sind", v -> Math.sin(Math.toRadians(v)), false);
    trig(r, "cosd", v -> Math.cos(Math.toRadians(v)), false);
    trig(r, "tand", v -> Math.tan(Math.toRadians(v)), false);
    trig(r, "sinh", Math::sinh, false);
    trig(r, "cosh", Math::cosh, false);
    trig(r, "tanh", Math::tanh, false);
    trig(r, "asinh", v -> Math.log(v + Math.sqrt(v * v + 1)), false);
    trig(r, "acosh", v -> {
      if (v < 1) {
        throw FuncErrors.inputOutOfRange();
      }
      return Math.log(v + Math.sqrt(v * v - 1));
    }, false);
    trig(r, "atanh", v -> {
      if (v < -1 || v > 1) {
        throw FuncErrors.inputOutOfRange();
      }
      return 0.5 * Math.log((1 + v) / (1 - v));
    }, false);
    r.add(Fn.of("atan2", FLOAT8, (x, c) -> Math.atan2(d(x[0]), d(x[1])), FLOAT8, FLOAT8));
    r.add(Fn.of("atan2d", FLOAT8, (x, c) -> Math.toDegrees(Math.atan2(d(x[0]), d(x[1]))),
        FLOAT8, FLOAT8));
    r.add(Fn.of("width_bucket", INT4, (x, c) -> WidthBucket.of(d(x[0]), d(x[1]), d(x[2]),
        i(x[3])), FLOAT8, FLOAT8, FLOAT8, INT4));
    r.add(Fn.of("width_bucket", INT4, (x, c) -> WidthBucket.of(n(x[0]), n(x[1]), n(x[2]),
        i(x[3])), NUMERIC, NUMERIC, NUMERIC, INT4));
  }

  private static void trig(Registry r, String name, DoubleUnaryOperator f, boolean unitDomain) {
    r.add(Fn.of(name, FLOAT8, (x, c) -> {
      double v = d(x[0]);
      if (Double.isNaN(v)) {
        return v;
      }
      if (unitDomain && (v < -1 || v > 1) || Double.isInfinite(v) && !name.endsWith("h")
          && !name.startsWith("atan")) {
        throw FuncErrors.inputOutOfRange();
      }
      return f.applyAsDouble(v);
    }, FLOAT8));
  }

  private static void numerics(Registry r) {
    r.add(Fn.of("sqrt", NUMERIC, (x, c) -> nan(x) ? x[0] : BigMath.sqrt(n(x[0])), NUMERIC));
    r.add(Fn.of("exp", NUMERIC, (x, c) -> nan(x) ? x[0] : BigMath.exp(n(x[0])), NUMERIC));
    r.add(Fn.of("ln", NUMERIC, (x, c) -> nan(x) ? x[0] : BigMath.ln(n(x[0])), NUMERIC));
    r.add(Fn.of("log", NUMERIC, (x, c) -> nan(x) ? x[0] : BigMath.log(BigDecimal.TEN, n(x[0])),
        NUMERIC), "log10");
    r.add(Fn.of("log", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN : BigMath.log(n(x[0]), n(x[1])),
        NUMERIC, NUMERIC));
    r.add(Fn.of("power", NUMERIC, (x, c) -> nan(x) ? Numbers.NAN
        : BigMath.power(n(x[0]), n(x[1])), NUMERIC, NUMERIC), "pow");
    r.add(Fn.of("mod", NUMERIC, (x, c) -> {
      if (!nan(x) && n(x[1]).signum() == 0) {
        throw FuncErrors.divisionByZero();
      }
      return nan(x) ? Numbers.NAN : ArithmeticOperators.mod(n(x[0]), n(x[1]));
    }, NUMERIC, NUMERIC));
    r.add(Fn.of("div", NUMERIC, (x, c) -> {
      if (!nan(x) && n(x[1]).signum() == 0) {
        throw FuncErrors.divisionByZero();
      }
      return nan(x) ? Numbers.NAN : n(x[0]).divideToIntegralValue(n(x[1])).setScale(0,
          RoundingMode.DOWN);
    }, NUMERIC, NUMERIC));
    r.add(Fn.of("scale", INT4, (x, c) -> nan(x) ? null : Math.max(n(x[0]).scale(), 0), NUMERIC));
    r.add(Fn.of("min_scale", INT4, (x, c) -> nan(x) ? null
        : Math.max(n(x[0]).stripTrailingZeros().scale(), 0), NUMERIC));
    r.add(Fn.of("trim_scale", NUMERIC, (x, c) -> nan(x) ? x[0]
        : Numbers.display(n(x[0]).stripTrailingZeros()), NUMERIC));
    r.add(Fn.of("gcd", NUMERIC, (x, c) -> gcd(n(x[0]), n(x[1])), NUMERIC, NUMERIC));
    r.add(Fn.of("lcm", NUMERIC, (x, c) -> lcm(n(x[0]), n(x[1])), NUMERIC, NUMERIC));
  }

  private static void integers(Registry r) {
    for (DataType t : new DataType[] {INT2, INT4, INT8}) {
      r.add(Fn.of("mod", t, (x, c) -> {
        if (l(x[1]) == 0) {
          throw FuncErrors.divisionByZero();
        }
        return Numbers.box(l(x[1]) == -1 ? 0 : l(x[0]) % l(x[1]), t);
      }, t, t));
    }
    for (DataType t : new DataType[] {INT4, INT8}) {
      r.add(Fn.of("gcd", t, (x, c) -> intResult(gcd(n(x[0]), n(x[1])), t), t, t));
      r.add(Fn.of("lcm", t, (x, c) -> intResult(lcm(n(x[0]), n(x[1])), t), t, t));
    }
  }

  private static Object intResult(BigDecimal v, DataType t) {
    if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw FuncErrors.outOfRange(t);
    }
    return Numbers.box(v.longValueExact(), t);
  }

  private static BigDecimal gcd(BigDecimal a, BigDecimal b) {
    int s = Math.max(Math.max(a.scale(), b.scale()), 0);
    java.math.BigInteger ua = a.setScale(s).unscaledValue();
    java.math.BigInteger ub = b.setScale(s).unscaledValue();
    return new BigDecimal(ua.gcd(ub), s);
  }

  private static BigDecimal lcm(BigDecimal a, BigDecimal b) {
    if (a.signum() == 0 || b.signum() == 0) {
      return BigDecimal.ZERO.setScale(Math.max(Math.max(a.scale(), b.scale()), 0));
    }
    BigDecimal g = gcd(a, b);
    BigDecimal res = a.multiply(b).abs().divide(g);
    return res.setScale(Math.max(Math.max(a.scale(), b.scale()), 0), RoundingMode.UNNECESSARY);
  }

  static double sqrt(double v) {
    if (v < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.sqrt_negative");
    }
    return Math.sqrt(v);
  }

  private static double logArg(double v) {
    if (v == 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_LOG, "functions.log_zero");
    }
    if (v < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_LOG,
          "functions.log_negative");
    }
    return v;
  }

  /** {@code dpow}: PostgreSQL's errors for undefined powers, overflow and underflow. */
  static double pow(double a, double b) {
    if (a == 0 && b < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.zero_negative_power");
    }
    if (a < 0 && Math.floor(b) != b && !Double.isInfinite(b)) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.negative_fractional_power");
    }
    double res = Math.pow(a, b);
    if (Double.isInfinite(res) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw FuncErrors.floatOverflow();
    }
    if (res == 0 && a != 0 && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw FuncErrors.floatUnderflow();
    }
    return res;
  }
}
