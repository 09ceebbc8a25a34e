package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import java.math.BigDecimal;
import java.math.MathContext;

/** {@code width_bucket(operand, low, high, count)} for float8 and numeric. */
final class WidthBucket {

  private static final String INVALID_WIDTH_BUCKET = io.snapsync.core.error.SqlState.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION;

  private WidthBucket() {
  }

  static int of(double x, double low, double high, int count) {
    check(count, Double.isNaN(x) || Double.isNaN(low) || Double.isNaN(high), low == high,
        Double.isInfinite(low) || Double.isInfinite(high));
    return bucket(Double.compare(low, high) < 0, x < low, x >= high, x > low, x <= high, count,
        () -> (int) Math.floor(count * ((x - low) / (high - low))) + 1,
        () -> (int) Math.floor(count * ((low - x) / (low - high))) + 1);
  }

  static int of(BigDecimal x, BigDecimal low, BigDecimal high, int count) {
    check(count, false, low.compareTo(high) == 0, false);
    MathContext mc = MathContext.DECIMAL128;
    return bucket(low.compareTo(high) < 0, x.compareTo(low) < 0, x.compareTo(high) >= 0,
        x.compareTo(low) > 0, x.compareTo(high) <= 0, count,
        () -> x.subtract(low).multiply(BigDecimal.valueOf(count)).divide(high.subtract(low), mc)
            .intValue() + 1,
        () -> low.subtract(x).multiply(BigDecimal.valueOf(count)).divide(low.subtract(high), mc)
            .intValue() + 1);
  }

  private static int bucket(boolean ascending, boolean belowLow, boolean atOrAboveHigh,
      boolean aboveLow, boolean atOrBelowHigh, int count,
      java.util.function.IntSupplier up, java.util.function.IntSupplier down) {
    if (ascending) {
      if (belowLow) {
        return 0;
      }
      if (atOrAboveHigh) {
        return overflowingCount(count);
      }
      return Math.min(up.getAsInt(), count);
    }
    if (aboveLow) {
      return 0;
    }
    if (atOrBelowHigh) {
      return overflowingCount(count);
    }
    return Math.min(down.getAsInt(), count);
  }

  private static int overflowingCount(int count) {
    if (count == Integer.MAX_VALUE) {
      throw FuncErrors.outOfRange(io.snapsync.core.session.DataType.INT4);
    }
    return count + 1;
  }

  private static void check(int count, boolean nan, boolean equalBounds, boolean infinite) {
    if (count <= 0) {
      throw SnapsyncException.error(INVALID_WIDTH_BUCKET, "functions.width_bucket_count");
    }
    if (nan) {
      throw SnapsyncException.error(INVALID_WIDTH_BUCKET, "functions.width_bucket_nan");
    }
    if (equalBounds) {
      throw SnapsyncException.error(INVALID_WIDTH_BUCKET, "functions.width_bucket_bounds");
    }
    if (infinite) {
      throw SnapsyncException.error(INVALID_WIDTH_BUCKET, "functions.width_bucket_infinite");
    }
  }
}
