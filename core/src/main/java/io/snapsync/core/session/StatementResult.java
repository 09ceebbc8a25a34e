package io.snapsync.core.session;

import java.util.List;

/**
 * The outcome of one statement.
 *
 * @param columns result columns; empty for statements that return no rows
 * @param rows row values in column order (Java types as in {@link DataType})
 * @param commandTag PostgreSQL's command tag: {@code SELECT 3}, {@code INSERT 0 2},
 *     {@code BEGIN}, {@code SET}, ...
 * @param notices notices and warnings raised by the statement
 */
public record StatementResult(List<Column> columns, List<List<Object>> rows, String commandTag,
    List<Notice> notices) {

  public StatementResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    notices = List.copyOf(notices);
  }

  public static StatementResult command(String tag) {
    return new StatementResult(List.of(), List.of(), tag, List.of());
  }

  public boolean hasRows() {
    return !columns.isEmpty();
  }
}
