package io.snapsync.core.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * The result of one statement handed back in pages (pgwire's Execute with a row limit). A
 * query in a transaction block is not computed ahead: each {@link #next} pulls the next rows
 * from the operators, so a large result never sits in memory whole. Other statements run at
 * once and their pages are cut from the whole result.
 *
 * <p>Calls queue on the session like statements; the opener closes it (a transaction's end
 * closes the rows of a query it computed, after which {@link #next} fails with 34000).
 */
public interface ResultPages {

  /** The result columns; empty for statements that return no rows. */
  List<Column> columns();

  /**
   * The next at most {@code max} rows ({@code max <= 0}: all that remain). The page's command
   * tag is null while more rows may follow; on the last page it is the statement's tag,
   * counting every row of the result; its notices are the statement's.
   */
  Future<StatementResult> next(int max);

  /** Releases the rows not read. */
  Future<Void> close();

  /** Pages of a result computed whole. */
  static ResultPages of(StatementResult whole) {
    return new ResultPages() {
      private int at;

      @Override
      public List<Column> columns() {
        return whole.columns();
      }

      @Override
      public Future<StatementResult> next(int max) {
        int total = whole.rows().size();
        int to = max <= 0 ? total : (int) Math.min(total, (long) at + max);
        List<List<Object>> rows = whole.rows().subList(Math.min(at, total), to);
        boolean last = max <= 0 || to - at < max;
        at = to;
        return Future.succeededFuture(new StatementResult(whole.columns(), rows,
            last ? whole.commandTag() : null, last ? whole.notices() : List.of()));
      }

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }
}
