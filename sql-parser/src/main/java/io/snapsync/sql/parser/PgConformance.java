package io.snapsync.sql.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The parser's conformance: Calcite's BABEL (lenient, {@code !=}, {@code %}, {@code LIMIT} and
 * {@code OFFSET} in either order, {@code ROW(...)}) without MySQL's {@code LIMIT start, count},
 * which PostgreSQL rejects.
 */
public final class PgConformance extends SqlDelegatingConformance {

  /** The one instance; stateless. */
  public static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.BABEL);
  }

  @Override
  public boolean isLimitStartCountAllowed() {
    return false;
  }
}
