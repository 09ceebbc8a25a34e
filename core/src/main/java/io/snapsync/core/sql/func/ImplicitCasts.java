package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.*;

import io.snapsync.core.session.DataType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's implicit casts ({@code pg_cast.castcontext = 'i'}) and type categories, as
 * overload resolution needs them. {@code unknown} (an untyped literal) coerces to anything.
 */
final class ImplicitCasts {

  private static final Map<DataType, Set<DataType>> IMPLICIT = new EnumMap<>(DataType.class);

  static {
    IMPLICIT.put(INT2, EnumSet.of(INT4, INT8, NUMERIC, FLOAT4, FLOAT8, OID));
    IMPLICIT.put(INT4, EnumSet.of(INT8, NUMERIC, FLOAT4, FLOAT8, OID));
    IMPLICIT.put(INT8, EnumSet.of(NUMERIC, FLOAT4, FLOAT8, OID));
    IMPLICIT.put(OID, EnumSet.of(INT8));
    IMPLICIT.put(NUMERIC, EnumSet.of(FLOAT4, FLOAT8));
    IMPLICIT.put(FLOAT4, EnumSet.of(FLOAT8));
    IMPLICIT.put(TEXT, EnumSet.of(VARCHAR, BPCHAR, NAME));
    IMPLICIT.put(VARCHAR, EnumSet.of(TEXT, BPCHAR, NAME));
    IMPLICIT.put(BPCHAR, EnumSet.of(TEXT, VARCHAR, NAME));
    IMPLICIT.put(NAME, EnumSet.of(TEXT, VARCHAR, BPCHAR));
    IMPLICIT.put(DATE, EnumSet.of(TIMESTAMP, TIMESTAMPTZ));
    IMPLICIT.put(TIMESTAMP, EnumSet.of(TIMESTAMPTZ));
    IMPLICIT.put(TIME, EnumSet.of(INTERVAL));
  }

  private ImplicitCasts() {
  }

  /** True when a value of {@code from} may be passed where {@code to} is declared. */
  static boolean coercible(DataType from, DataType to) {
    if (from == to || from == UNKNOWN) {
      return true;
    }
    if (from.isArray() && to.isArray()) {
      return coercible(from.element(), to.element());
    }
    Set<DataType> targets = IMPLICIT.get(from);
    return targets != null && targets.contains(to);
  }

  /** PostgreSQL's {@code typcategory}. */
  static char category(DataType t) {
    if (t.isArray()) {
      return 'A';
    }
    return switch (t) {
      case BOOL -> 'B';
      case INT2, INT4, INT8, OID, NUMERIC, FLOAT4, FLOAT8 -> 'N';
      case TEXT, VARCHAR, BPCHAR, NAME -> 'S';
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> 'D';
      case INTERVAL -> 'T';
      case UNKNOWN -> 'X';
      case VOID -> 'P';
      default -> 'U';
    };
  }

  /** PostgreSQL's {@code typispreferred}. */
  static boolean preferred(DataType t) {
    return switch (t) {
      case BOOL, TEXT, FLOAT8, OID, TIMESTAMPTZ, INTERVAL -> true;
      default -> false;
    };
  }
}
