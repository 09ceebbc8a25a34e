package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.AggregateFunction.Accumulator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * stddev/stddev_samp/stddev_pop and variance/var_samp/var_pop: over integers and numeric in
 * exact numeric arithmetic with {@code numeric_stddev_internal}'s scale, over floats with the
 * Youngs-Cramer accumulation of {@code float8_accum}.
 */
final class StatAggregates {

  private StatAggregates() {
  }

  static void register(Registry r) {
    String[][] kinds = {{"stddev", "s", "t"}, {"stddev_samp", "s", "t"}, {"stddev_pop", "p", "t"},
        {"variance", "s", "v"}, {"var_samp", "s", "v"}, {"var_pop", "p", "v"}};
    for (String[] k : kinds) {
      boolean sample = k[1].equals("s");
      boolean variance = k[2].equals("v");
      for (DataType t : List.of(INT2, INT4, INT8, NUMERIC)) {
        r.add(Agg.of(k[0], NUMERIC, c -> new NumericStats(sample, variance), t));
      }
      for (DataType t : List.of(FLOAT4, FLOAT8)) {
        r.add(Agg.of(k[0], FLOAT8, c -> new FloatStats(sample, variance), t));
      }
    }
  }

  private static final class NumericStats implements Accumulator {
    private final boolean sample;
    private final boolean variance;
    private long n;
    private BigDecimal sumX = BigDecimal.ZERO;
    private BigDecimal sumX2 = BigDecimal.ZERO;
    private boolean nan;

    NumericStats(boolean sample, boolean variance) {
      this.sample = sample;
      this.variance = variance;
    }

    @Override
    public void add(Object[] args) {
      n++;
      if (Numbers.isNaN(args[0])) {
        nan = true;
        return;
      }
      BigDecimal x = Numbers.big(args[0]);
      sumX = sumX.add(x);
      sumX2 = sumX2.add(x.multiply(x));
    }

    @Override
    public Object result() {
      if (n == 0 || sample && n == 1) {
        return null;
      }
      if (nan) {
        return Numbers.NAN;
      }
      BigDecimal bigN = BigDecimal.valueOf(n);
      BigDecimal numerator = bigN.multiply(sumX2).subtract(sumX.multiply(sumX));
      if (numerator.signum() <= 0) {
        return BigDecimal.ZERO;
      }
      BigDecimal denominator = bigN.multiply(sample ? BigDecimal.valueOf(n - 1) : bigN);
      int rscale = Numbers.divScale(numerator, denominator);
      BigDecimal v = numerator.divide(denominator, rscale, RoundingMode.HALF_UP);
      if (variance) {
        return v;
      }
      MathContext mc = new MathContext(rscale + v.precision() + 10);
      return v.sqrt(mc).setScale(rscale, RoundingMode.HALF_UP);
    }
  }

  private static final class FloatStats implements Accumulator {
    private final boolean sample;
    private final boolean variance;
    private double n;
    private double sx;
    private double sxx;

    FloatStats(boolean sample, boolean variance) {
      this.sample = sample;
      this.variance = variance;
    }

    @Override
    public void add(Object[] args) {
      double x = ((Number) args[0]).doubleValue();
      double prevN = n;
      double prevSx = sx;
      n += 1.0;
      sx += x;
      if (prevN > 0.0) {
        double tmp = x * n - sx;
        sxx += tmp * tmp / (n * prevN);
        if (Double.isInfinite(sx) || Double.isInfinite(sxx)) {
          if (!Double.isInfinite(prevSx) && !Double.isInfinite(x)) {
            throw FuncErrors.floatOverflow();
          }
          sxx = Double.NaN;
        }
      } else if (Double.isNaN(x) || Double.isInfinite(x)) {
        sxx = Double.NaN;
      }
    }

    @Override
    public Object result() {
      if (n == 0 || sample && n == 1) {
        return null;
      }
      double v = sxx / (sample ? n - 1.0 : n);
      return variance ? v : Math.sqrt(v);
    }
  }
}
