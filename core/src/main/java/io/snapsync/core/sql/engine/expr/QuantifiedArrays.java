package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code x op ANY (array)} and {@code x op ALL (array)} with PostgreSQL's three-valued
 * answers: ANY over an empty array is false, ALL is true; a NULL element (or a NULL {@code x})
 * makes an otherwise undecided answer NULL. An unknown literal array ({@code '{1,2}'}) is read
 * as an array of x's type.
 */
final class QuantifiedArrays {

  private QuantifiedArrays() {
  }

  static Evaluator compile(boolean all, SqlKind comparison, Evaluator x, Evaluator array,
      DataType xType, DataType arrayType, boolean unknownArray) {
    DataType readAs = unknownArray && xType.arrayType() != null ? xType.arrayType()
        : arrayType.isArray() ? arrayType : DataType.TEXT_ARRAY;
    DataType cmpType = xType;
    return (r, c) -> {
      Object a = array.eval(r, c);
      if (a == null) {
        return null;
      }
      if (unknownArray && readAs != arrayType) {
        a = ValueOps.cast(a, a instanceof List ? arrayType : DataType.TEXT, readAs, -1,
            c.eval());
      }
      List<?> elements = flatten((List<?>) a);
      if (elements.isEmpty()) {
        return all;
      }
      Object v = x.eval(r, c);
      boolean sawNull = v == null;
      for (Object e : elements) {
        if (e == null || v == null) {
          sawNull = true;
          continue;
        }
        boolean hit = test(comparison, ValueOps.compare(v, e, cmpType));
        if (all && !hit) {
          return false;
        }
        if (!all && hit) {
          return true;
        }
      }
      return sawNull ? null : all;
    };
  }

  private static boolean test(SqlKind kind, int cmp) {
    return switch (kind) {
      case EQUALS -> cmp == 0;
      case NOT_EQUALS -> cmp != 0;
      case LESS_THAN -> cmp < 0;
      case LESS_THAN_OR_EQUAL -> cmp <= 0;
      case GREATER_THAN -> cmp > 0;
      default -> cmp >= 0;
    };
  }

  private static List<?> flatten(List<?> a) {
    if (a.isEmpty() || !(a.get(0) instanceof List)) {
      return a;
    }
    List<Object> out = new java.util.ArrayList<>();
    for (Object x : a) {
      if (x instanceof List<?> l) {
        out.addAll(flatten(l));
      } else {
        out.add(x);
      }
    }
    return out;
  }
}
