package io.snapsync.core.settings.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.settings.SettingDefinition;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Floating-point settings ({@code parallel_setup_cost}, {@code jit_above_cost}, ...): parsed
 * as PostgreSQL's {@code parse_real} does and shown as C's {@code %g} (six significant digits,
 * exponent form below 1e-4 and from 1e6), so {@code SHOW} prints {@code 0.1}, {@code 1000},
 * {@code 1e+07} as PostgreSQL does. The number kept is the value truncated to a long.
 */
final class RealValues {

  /** C's DBL_MAX as {@code %g} prints it, PostgreSQL's upper bound of most reals. */
  static final String DBL_MAX = "1.79769e+308";

  private RealValues() {
  }

  static SettingValues.Value parse(SettingDefinition def, String in) {
    double v;
    try {
      v = Double.parseDouble(in.trim());
    } catch (NumberFormatException e) {
      throw SettingValues.invalid(def, in);
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw SettingValues.invalid(def, in);
    }
    double max = def.max() == Long.MAX_VALUE ? Double.MAX_VALUE : def.max();
    if (v < def.min() || v > max) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "settings.out_of_range",
          format(v), def.name(), format(def.min()), format(max));
    }
    return new SettingValues.Value(format(v), (long) v);
  }

  /** C's {@code printf("%g", v)}. */
  static String format(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      String e = Integer.toString(Math.abs(exponent));
      return mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+")
          + (e.length() < 2 ? "0" + e : e);
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
