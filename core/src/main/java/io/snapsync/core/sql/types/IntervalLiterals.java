package io.snapsync.core.sql.types;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * The {@link Interval} of a Calcite interval literal ({@code interval '999' second},
 * {@code interval '2' day}): year-month literals hold months, day-time literals milliseconds,
 * split into days when the qualifier starts at DAY (PostgreSQL keeps {@code 2 days} apart from
 * {@code 48:00:00}).
 */
public final class IntervalLiterals {

  private static final long DAY_MILLIS = 86_400_000L;

  private IntervalLiterals() {
  }

  public static Interval of(RexLiteral lit) {
    BigDecimal v = lit.getValueAs(BigDecimal.class);
    if (lit.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      return new Interval(v.intValueExact(), 0, 0);
    }
    long millis = v.longValue();
    var q = lit.getType().getIntervalQualifier();
    if (q != null && q.getStartUnit() == TimeUnit.DAY) {
      return new Interval(0, (int) (millis / DAY_MILLIS), (millis % DAY_MILLIS) * 1000);
    }
    return new Interval(0, 0, millis * 1000);
  }
}
