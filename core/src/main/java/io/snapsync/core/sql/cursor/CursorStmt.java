package io.snapsync.core.sql.cursor;

import io.snapsync.core.sql.parse.Stmt;
import java.util.List;

/**
 * The statements of SQL cursors and SQL-level prepared statements, run by the session that
 * holds them ({@link SessionStatements}), never by the executor.
 */
public sealed interface CursorStmt extends Stmt.Extension {

  @Override
  default String kind() {
    return "UTILITY";
  }

  /** Scrolling as declared: neither option, {@code SCROLL} or {@code NO SCROLL}. */
  enum Scroll { DEFAULT, SCROLL, NO_SCROLL }

  /**
   * {@code DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [WITH|WITHOUT
   * HOLD] FOR query}; {@code text} is the whole statement (for {@code pg_cursors}),
   * {@code offset} where the query starts in it (for error positions).
   */
  record Declare(String name, String query, boolean binary, Scroll scroll, boolean hold,
      String text, int offset) implements CursorStmt {
  }

  /** {@code FETCH} ({@code move == false}) or {@code MOVE} in {@code direction} from a cursor. */
  record Fetch(String name, FetchDirection direction, boolean move) implements CursorStmt {
  }

  /** {@code CLOSE name}; {@code name == null}: {@code CLOSE ALL}. */
  record Close(String name) implements CursorStmt {
  }

  /**
   * {@code PREPARE name [(types)] AS statement}: {@code types} the declared parameter types'
   * texts, {@code statement} the text of the prepared statement, {@code text} the whole one.
   */
  record Prepare(String name, List<String> types, String statement, String text,
      int offset) implements CursorStmt {
  }

  /** {@code EXECUTE name [(args)]}: {@code args} the texts of the argument expressions. */
  record Execute(String name, List<String> args) implements CursorStmt {
  }

  /** {@code DEALLOCATE [PREPARE] name}; {@code name == null}: {@code DEALLOCATE ALL}. */
  record Deallocate(String name) implements CursorStmt {
  }
}
