package io.snapsync.core.sql.cursor;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.FunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * {@code pg_cursors} and {@code pg_prepared_statements}: the calling session's open SQL
 * cursors and SQL-level prepared statements, with PostgreSQL's columns.
 */
public final class CursorTables {

  private CursorTables() {
  }

  public static void register(SystemTableRegistry r) {
    add(r, "pg_cursors", List.of(new Column("name", DataType.TEXT),
        new Column("statement", DataType.TEXT), new Column("is_holdable", DataType.BOOL),
        new Column("is_binary", DataType.BOOL), new Column("is_scrollable", DataType.BOOL),
        new Column("creation_time", DataType.TIMESTAMPTZ)), SessionStatements::cursorRows);
    add(r, "pg_prepared_statements", List.of(new Column("name", DataType.TEXT),
        new Column("statement", DataType.TEXT),
        new Column("prepare_time", DataType.TIMESTAMPTZ),
        new Column("parameter_types", DataType.TEXT_ARRAY),
        new Column("from_sql", DataType.BOOL), new Column("generic_plans", DataType.INT8),
        new Column("custom_plans", DataType.INT8)), SessionStatements::preparedRows);
  }

  private static void add(SystemTableRegistry r, String name, List<Column> columns,
      Function<SessionStatements, List<List<Object>>> rows) {
    if (r.find(name).isPresent()) {
      return;
    }
    r.add(SystemTable.of(name, columns, (FunctionCall call) ->
        Future.succeededFuture(call.sessionInternals() instanceof SessionStatements.Holder h
            ? rows.apply(h.sqlStatements()) : List.of())));
  }
}
