package io.snapsync.core.sql.types;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's cast contexts (pg_cast: implicit, assignment) among snapsync's types, type
 * categories and preferred types, and {@code select_common_type} for UNION, CASE, COALESCE,
 * VALUES and ARRAY[].
 */
final class TypeCoercion {

  private static final Map<DataType, Set<DataType>> IMPLICIT = new EnumMap<>(DataType.class);
  private static final Map<DataType, Set<DataType>> ASSIGNMENT = new EnumMap<>(DataType.class);

  static {
    implicit(DataType.INT2, DataType.INT4, DataType.INT8, DataType.FLOAT4, DataType.FLOAT8,
        DataType.NUMERIC, DataType.OID);
    implicit(DataType.INT4, DataType.INT8, DataType.FLOAT4, DataType.FLOAT8, DataType.NUMERIC,
        DataType.OID);
    implicit(DataType.INT8, DataType.FLOAT4, DataType.FLOAT8, DataType.NUMERIC, DataType.OID);
    implicit(DataType.OID, DataType.INT8);
    implicit(DataType.FLOAT4, DataType.FLOAT8);
    implicit(DataType.NUMERIC, DataType.FLOAT4, DataType.FLOAT8);
    implicit(DataType.TEXT, DataType.VARCHAR, DataType.BPCHAR, DataType.NAME);
    implicit(DataType.VARCHAR, DataType.TEXT, DataType.BPCHAR, DataType.NAME);
    implicit(DataType.BPCHAR, DataType.TEXT, DataType.VARCHAR, DataType.NAME);
    implicit(DataType.NAME, DataType.TEXT, DataType.VARCHAR, DataType.BPCHAR);
    implicit(DataType.DATE, DataType.TIMESTAMP, DataType.TIMESTAMPTZ);
    implicit(DataType.TIMESTAMP, DataType.TIMESTAMPTZ);
    implicit(DataType.TIME, DataType.INTERVAL);
    assignment(DataType.INT4, DataType.INT2);
    assignment(DataType.INT8, DataType.INT2, DataType.INT4);
    assignment(DataType.OID, DataType.INT4);
    assignment(DataType.FLOAT4, DataType.INT2, DataType.INT4, DataType.INT8, DataType.NUMERIC);
    assignment(DataType.FLOAT8, DataType.INT2, DataType.INT4, DataType.INT8, DataType.NUMERIC,
        DataType.FLOAT4);
    assignment(DataType.NUMERIC, DataType.INT2, DataType.INT4, DataType.INT8);
    assignment(DataType.TIMESTAMP, DataType.DATE, DataType.TIME);
    assignment(DataType.TIMESTAMPTZ, DataType.DATE, DataType.TIME, DataType.TIMESTAMP);
    assignment(DataType.INTERVAL, DataType.TIME);
    assignment(DataType.JSON, DataType.JSONB);
    assignment(DataType.JSONB, DataType.JSON);
  }

  private static void implicit(DataType from, DataType... to) {
    IMPLICIT.computeIfAbsent(from, k -> EnumSet.noneOf(DataType.class)).addAll(List.of(to));
  }

  private static void assignment(DataType from, DataType... to) {
    ASSIGNMENT.computeIfAbsent(from, k -> EnumSet.noneOf(DataType.class)).addAll(List.of(to));
  }

  private TypeCoercion() {
  }

  static boolean implicitAllowed(DataType from, DataType to) {
    if (from == to || from == DataType.UNKNOWN) {
      return true;
    }
    if (from.isArray() && to.isArray()) {
      return implicitAllowed(from.element(), to.element());
    }
    Set<DataType> s = IMPLICIT.get(from);
    return s != null && s.contains(to);
  }

  static boolean assignmentAllowed(DataType from, DataType to) {
    if (implicitAllowed(from, to)) {
      return true;
    }
    if (from.isArray() && to.isArray()) {
      return assignmentAllowed(from.element(), to.element());
    }
    // automatic I/O conversion to the string types is allowed in assignment
    if (to == DataType.TEXT || to == DataType.VARCHAR || to == DataType.BPCHAR
        || to == DataType.NAME) {
      return from != DataType.VOID;
    }
    Set<DataType> s = ASSIGNMENT.get(from);
    return s != null && s.contains(to);
  }

  /** PostgreSQL's typcategory letter. */
  static char category(DataType t) {
    if (t.isArray()) {
      return 'A';
    }
    return switch (t) {
      case BOOL -> 'B';
      case INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC -> 'N';
      case TEXT, VARCHAR, BPCHAR, NAME -> 'S';
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> 'D';
      case INTERVAL -> 'T';
      case UNKNOWN -> 'X';
      case VOID -> 'P';
      default -> 'U';
    };
  }

  static boolean preferred(DataType t) {
    return t == DataType.FLOAT8 || t == DataType.OID || t == DataType.TEXT
        || t == DataType.TIMESTAMPTZ || t == DataType.INTERVAL || t == DataType.BOOL;
  }

  /** select_common_type; {@code context} (UNION, CASE, COALESCE, ...) names it in 42804. */
  static DataType commonType(List<DataType> types, String context) {
    DataType p = null;
    for (DataType t : types) {
      if (t != DataType.UNKNOWN) {
        p = t;
        break;
      }
    }
    if (p == null) {
      return DataType.TEXT;
    }
    char pc = category(p);
    boolean pPreferred = preferred(p);
    for (DataType n : types) {
      if (n == DataType.UNKNOWN || n == p) {
        continue;
      }
      if (category(n) != pc || pc == 'A' && !sameArrayFamily(p, n) || pc == 'U') {
        throw SnapsyncException.error(SqlState.DATATYPE_MISMATCH, "types.cannot_match",
            context, p.sqlName(), n.sqlName());
      }
      if (!pPreferred && implicitAllowed(p, n) && !implicitAllowed(n, p)) {
        p = n;
        pPreferred = preferred(n);
      }
    }
    return p;
  }

  private static boolean sameArrayFamily(DataType a, DataType b) {
    return implicitAllowed(a, b) || implicitAllowed(b, a);
  }
}
