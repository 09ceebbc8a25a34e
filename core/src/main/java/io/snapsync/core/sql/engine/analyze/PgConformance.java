package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Babel's lenient conformance narrowed to PostgreSQL: output-column aliases are visible in
 * GROUP BY and ORDER BY but not inside the select list or WHERE; every selected column must be
 * grouped (42803, no silent {@code any_value}).
 */
final class PgConformance extends SqlDelegatingConformance {

  static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.BABEL);
  }

  @Override
  public SelectAliasLookup isSelectAlias() {
    return SelectAliasLookup.UNSUPPORTED;
  }

  @Override
  public boolean isNonStrictGroupBy() {
    return false;
  }

  @Override
  public boolean isGroupByAlias() {
    return true;
  }

  @Override
  public boolean isGroupByOrdinal() {
    return true;
  }
}
