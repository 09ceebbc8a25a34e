package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;

/**
 * The cast rules overload resolution needs, from {@link PgValues}: implicit casts
 * ({@code pg_cast.castcontext = 'i'}, {@code unknown} to anything), categories, preferred types.
 */
final class ImplicitCasts {

  private ImplicitCasts() {
  }

  /** True when a value of {@code from} may be passed where {@code to} is declared. */
  static boolean coercible(DataType from, DataType to) {
    return PgValues.implicitCastAllowed(from, to);
  }

  /** PostgreSQL's {@code typcategory}. */
  static char category(DataType t) {
    return PgValues.category(t);
  }

  /** PostgreSQL's {@code typispreferred}. */
  static boolean preferred(DataType t) {
    return PgValues.preferred(t);
  }
}
