package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.analyze.PgLikeQuantified;
import io.snapsync.core.sql.engine.exec.Evaluator;
import java.util.List;

/**
 * {@code x LIKE ANY (patterns)} and its NOT / ILIKE / ALL forms, with the three-valued answers
 * of {@code = ANY}: an empty array gives false for ANY and true for ALL.
 */
final class LikeQuantified {

  private LikeQuantified() {
  }

  static Evaluator compile(PgLikeQuantified op, Evaluator x, Evaluator array,
      DataType arrayType) {
    boolean all = op.all();
    return (r, c) -> {
      Object a = array.eval(r, c);
      if (a == null) {
        return null;
      }
      if (!(a instanceof List)) {
        a = ValueOps.cast(a, DataType.TEXT, DataType.TEXT_ARRAY, -1, c.eval());
      }
      List<?> patterns = (List<?>) a;
      if (patterns.isEmpty()) {
        return all;
      }
      Object v = x.eval(r, c);
      boolean sawNull = v == null;
      for (Object p : patterns) {
        if (p == null || v == null) {
          sawNull = true;
          continue;
        }
        boolean hit = Like.compile(p.toString(), null, op.caseSensitive())
            .matcher(v.toString()).matches() != op.negated();
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
}
