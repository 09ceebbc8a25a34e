package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numeric's transcendental functions with PostgreSQL's result scales ({@code numeric_sqrt},
 * {@code numeric_exp}, {@code numeric_ln}, {@code numeric_log}, {@code numeric_power} in
 * {@code numeric.c}), computed in BigDecimal with guard digits and rounded half away from zero.
 */
final class BigMath {

  private static final double LOG10_E = 0.434294481903252;

  private BigMath() {
  }

  static BigDecimal sqrt(BigDecimal x) {
    if (x.signum() < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.sqrt_negative");
    }
    int sweight = (Numbers.weight(x) + 1) * 4 / 2 - 1;
    int rscale = clamp(Math.max(Numbers.MIN_SIG_DIGITS - sweight, x.scale()));
    if (x.signum() == 0) {
      return BigDecimal.ZERO.setScale(rscale);
    }
    MathContext mc = new MathContext(rscale + Math.max(sweight + 1, 1) + 10);
    return x.sqrt(mc).setScale(rscale, RoundingMode.HALF_UP);
  }

  static BigDecimal exp(BigDecimal x) {
    double val = Math.max(-2000, Math.min(2000, x.doubleValue() * LOG10_E));
    if (x.compareTo(BigDecimal.valueOf(300000)) > 0) {
      throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "functions.numeric_overflow");
    }
    int rscale = clamp(Math.max(Numbers.MIN_SIG_DIGITS - (int) val, x.scale()));
    if (val < -(rscale + 2)) {
      return BigDecimal.ZERO.setScale(rscale);
    }
    return expRaw(x, rscale + Math.max((int) val, 0) + 12).setScale(rscale, RoundingMode.HALF_UP);
  }

  static BigDecimal ln(BigDecimal x) {
    checkLogArgument(x);
    int rscale = clamp(Math.max(Numbers.MIN_SIG_DIGITS - lnDweight(x), x.scale()));
    return lnRaw(x, rscale + 12).setScale(rscale, RoundingMode.HALF_UP);
  }

  /** {@code log(base, x)}. */
  static BigDecimal log(BigDecimal base, BigDecimal x) {
    checkLogArgument(base);
    checkLogArgument(x);
    if (base.compareTo(BigDecimal.ONE) == 0) {
      throw FuncErrors.divisionByZero();
    }
    int rscale = Numbers.MIN_SIG_DIGITS - (lnDweight(x) - lnDweight(base));
    rscale = clamp(Math.max(rscale, Math.max(base.scale(), x.scale())));
    int work = rscale + 12 + Math.max(0, -lnDweight(base));
    BigDecimal lnB = lnRaw(base, work);
    BigDecimal lnX = lnRaw(x, work);
    return lnX.divide(lnB, new MathContext(work + 10)).setScale(rscale, RoundingMode.HALF_UP);
  }

  static BigDecimal power(BigDecimal base, BigDecimal exp) {
    if (base.signum() == 0 && exp.signum() < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.zero_negative_power");
    }
    boolean integral = exp.signum() == 0 || exp.stripTrailingZeros().scale() <= 0;
    if (integral && exp.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
      int n = exp.intValueExact();
      int rscale = clamp(Math.max(Numbers.MIN_SIG_DIGITS, base.scale()));
      if (base.signum() == 0) {
        return (n == 0 ? BigDecimal.ONE : BigDecimal.ZERO).setScale(rscale);
      }
      double digits = Math.abs(n) * Math.log10(Math.abs(base.doubleValue()) + 1e-300);
      if (digits > 200000) {
        throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            "functions.numeric_overflow");
      }
      MathContext mc = new MathContext(rscale + Math.max((int) Math.abs(digits), 0) + 20);
      BigDecimal p = base.pow(Math.abs(n), mc);
      if (n < 0) {
        p = BigDecimal.ONE.divide(p, mc);
      }
      return p.setScale(rscale, RoundingMode.HALF_UP);
    }
    if (base.signum() < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_POWER,
          "functions.negative_fractional_power");
    }
    if (base.signum() == 0) {
      return BigDecimal.ZERO.setScale(clamp(Math.max(Numbers.MIN_SIG_DIGITS,
          Math.max(base.scale(), exp.scale()))));
    }
    double val = exp.doubleValue() * Math.log(base.doubleValue()) * LOG10_E;
    if (val > 131072) {
      throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "functions.numeric_overflow");
    }
    int rscale = Numbers.MIN_SIG_DIGITS - (int) val;
    rscale = clamp(Math.max(rscale, Math.max(base.scale(), exp.scale())));
    int work = rscale + Math.max((int) val, 0) + 12;
    BigDecimal lnB = lnRaw(base, work + Math.max(0, (int) Math.log10(Math.abs(
        exp.doubleValue()) + 1)));
    return expRaw(lnB.multiply(exp), work).setScale(rscale, RoundingMode.HALF_UP);
  }

  private static void checkLogArgument(BigDecimal x) {
    if (x.signum() == 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_LOG, "functions.log_zero");
    }
    if (x.signum() < 0) {
      throw SnapsyncException.error(FuncErrors.INVALID_ARGUMENT_FOR_LOG,
          "functions.log_negative");
    }
  }

  /** {@code estimate_ln_dweight}: the decimal weight of ln(x)'s first significant digit. */
  static int lnDweight(BigDecimal x) {
    if (x.signum() <= 0) {
      return 0;
    }
    if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
      BigDecimal d = x.subtract(BigDecimal.ONE);
      return d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
    }
    double lnVar = approxLn(x);
    return (int) Math.log10(Math.abs(lnVar));
  }

  private static double approxLn(BigDecimal x) {
    BigInteger u = x.unscaledValue();
    int drop = Math.max(0, u.bitLength() - 60);
    double mant = u.shiftRight(drop).doubleValue();
    return Math.log(mant) + drop * Math.log(2) - x.scale() * Math.log(10);
  }

  private static int clamp(int rscale) {
    return Math.min(Math.max(rscale, 0), Numbers.MAX_DISPLAY_SCALE);
  }

  /** e^x correct to about {@code scale} decimal places. */
  static BigDecimal expRaw(BigDecimal x, int scale) {
    if (x.signum() < 0) {
      BigDecimal pos = expRaw(x.negate(), scale + 4);
      return BigDecimal.ONE.divide(pos, new MathContext(scale + pos.precision() + 10));
    }
    int k = Math.max(0, (int) Math.ceil(Math.log(x.doubleValue() + 1e-300) / Math.log(2))) + 10;
    int magnitude = (int) (x.doubleValue() * LOG10_E) + 1;
    MathContext mc = new MathContext(scale + Math.max(magnitude, 0) + k / 3 + 10);
    BigDecimal r = x.divide(BigDecimal.valueOf(2).pow(k), mc);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
    for (int n = 1; n < 10000; n++) {
      term = term.multiply(r, mc).divide(BigDecimal.valueOf(n), mc);
      sum = sum.add(term, mc);
      if (term.abs().compareTo(eps) < 0) {
        break;
      }
    }
    for (int i = 0; i < k; i++) {
      sum = sum.multiply(sum, mc);
    }
    return sum;
  }

  /** ln(x) for x &gt; 0, correct to about {@code scale} decimal places (Halley iteration). */
  static BigDecimal lnRaw(BigDecimal x, int scale) {
    MathContext mc = new MathContext(scale + Math.max(x.precision() - x.scale(), 1) + 10);
    BigDecimal y = new BigDecimal(approxLn(x));
    BigDecimal eps = BigDecimal.ONE.movePointLeft(scale + 4);
    for (int i = 0; i < 50; i++) {
      BigDecimal ey = expRaw(y, scale + 8 + Math.max(0, (int) (y.doubleValue() * LOG10_E)));
      BigDecimal delta = x.subtract(ey, mc).multiply(BigDecimal.valueOf(2), mc)
          .divide(x.add(ey, mc), mc);
      y = y.add(delta, mc);
      if (delta.abs().compareTo(eps) < 0) {
        break;
      }
    }
    return y;
  }
}
