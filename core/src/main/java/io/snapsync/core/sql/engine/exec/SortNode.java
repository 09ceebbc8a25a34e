package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY (a stable in-memory sort), then OFFSET and LIMIT (evaluated per execution; they
 * may be parameters). Without keys only OFFSET/LIMIT apply and rows stream through.
 */
public record SortNode(PlanNode input, List<SortKey> keys, Evaluator offset, Evaluator fetch)
    implements PlanNode {

  @Override
  public Cursor open(ExecContext ctx) {
    long skip = count(offset, ctx, "engine.offset_negative");
    long limit = fetch == null ? Long.MAX_VALUE : count(fetch, ctx, "engine.limit_negative");
    Cursor in;
    if (keys.isEmpty()) {
      in = input.open(ctx);
    } else {
      List<Object[]> rows = new ArrayList<>();
      try (Cursor c = input.open(ctx)) {
        Object[] r;
        while ((r = c.next()) != null) {
          ctx.checkCanceled();
          rows.add(r);
        }
      }
      rows.sort(SortKey.comparator(keys));
      in = Cursor.of(rows);
    }
    Cursor src = in;
    return new Cursor() {
      long skipped;
      long returned;

      @Override
      public Object[] next() {
        if (returned >= limit) {
          return null;
        }
        Object[] r;
        while ((r = src.next()) != null && skipped < skip) {
          skipped++;
        }
        if (r != null) {
          returned++;
        }
        return r;
      }

      @Override
      public void close() {
        src.close();
      }
    };
  }

  private static long count(Evaluator e, ExecContext ctx, String negativeId) {
    if (e == null) {
      return 0;
    }
    Object v = e.eval(null, ctx);
    if (v == null) {
      return negativeId.equals("engine.limit_negative") ? Long.MAX_VALUE : 0;
    }
    long n = ((Number) v).longValue();
    if (n < 0) {
      throw SnapsyncException.error(
          negativeId.equals("engine.limit_negative") ? SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE
              : SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE, negativeId);
    }
    return n;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    return keys.isEmpty() ? "Limit" : fetch != null ? "Top-N Sort" : "Sort";
  }
}
