package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Evaluator;
import java.util.List;
import org.apache.calcite.sql.SqlKind;

/** Three-valued logic, comparisons, CASE and GREATEST/LEAST as PostgreSQL evaluates them. */
final class Logic {

  private Logic() {
  }

  static Evaluator and(List<Evaluator> args) {
    return (r, c) -> {
      boolean unknown = false;
      for (Evaluator e : args) {
        Object v = e.eval(r, c);
        if (v == null) {
          unknown = true;
        } else if (!(Boolean) v) {
          return Boolean.FALSE;
        }
      }
      return unknown ? null : Boolean.TRUE;
    };
  }

  static Evaluator or(List<Evaluator> args) {
    return (r, c) -> {
      boolean unknown = false;
      for (Evaluator e : args) {
        Object v = e.eval(r, c);
        if (v == null) {
          unknown = true;
        } else if ((Boolean) v) {
          return Boolean.TRUE;
        }
      }
      return unknown ? null : Boolean.FALSE;
    };
  }

  static Evaluator not(Evaluator a) {
    return (r, c) -> {
      Object v = a.eval(r, c);
      return v == null ? null : !(Boolean) v;
    };
  }

  static Evaluator comparison(SqlKind kind, Evaluator a, Evaluator b, DataType type) {
    return (r, c) -> {
      Object x = a.eval(r, c);
      if (x == null) {
        return null;
      }
      Object y = b.eval(r, c);
      if (y == null) {
        return null;
      }
      int cmp = ValueOps.compare(x, y, type);
      return switch (kind) {
        case EQUALS -> cmp == 0;
        case NOT_EQUALS -> cmp != 0;
        case LESS_THAN -> cmp < 0;
        case LESS_THAN_OR_EQUAL -> cmp <= 0;
        case GREATER_THAN -> cmp > 0;
        default -> cmp >= 0;
      };
    };
  }

  static Evaluator distinct(boolean distinct, Evaluator a, Evaluator b, DataType type) {
    return (r, c) -> {
      Object x = a.eval(r, c);
      Object y = b.eval(r, c);
      boolean same = x == null || y == null ? x == y : ValueOps.compare(x, y, type) == 0;
      return distinct != same;
    };
  }

  /** CASE: operands are when1, then1, when2, then2, ..., else. */
  static Evaluator caseWhen(List<Evaluator> args) {
    return (r, c) -> {
      int n = args.size();
      for (int i = 0; i + 1 < n; i += 2) {
        if (Boolean.TRUE.equals(args.get(i).eval(r, c))) {
          return args.get(i + 1).eval(r, c);
        }
      }
      return n % 2 == 1 ? args.get(n - 1).eval(r, c) : null;
    };
  }

  /** PostgreSQL's GREATEST/LEAST: NULL arguments are ignored; NULL only if all are. */
  static Evaluator extreme(boolean greatest, List<Evaluator> args, DataType type) {
    return (r, c) -> {
      Object best = null;
      for (Evaluator e : args) {
        Object v = e.eval(r, c);
        if (v != null && (best == null
            || (greatest ? ValueOps.compare(v, best, type) > 0
                : ValueOps.compare(v, best, type) < 0))) {
          best = v;
        }
      }
      return best;
    };
  }
}
