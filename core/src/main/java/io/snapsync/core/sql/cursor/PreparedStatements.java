package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL-level prepared statements of one session ({@code PREPARE}), by name, until
 * {@code DEALLOCATE} or the end of the session (a transaction's end does not drop them).
 * Thread-safe.
 */
final class PreparedStatements {

  /**
   * One prepared statement: {@code declared} the parameter types' texts as written (cast to at
   * EXECUTE), {@code types} the parameter types by number.
   */
  record Prepared(String name, String statement, String text, List<String> declared,
      List<DataType> types, OffsetDateTime prepared) {
  }

  private final Map<String, Prepared> byName = new LinkedHashMap<>();

  synchronized void checkFree(String name) {
    if (byName.containsKey(name)) {
      throw SnapsyncException.error(SqlState.DUPLICATE_PREPARED_STATEMENT,
          "cursor.prepared_already_exists", name);
    }
  }

  synchronized void add(Prepared p) {
    checkFree(p.name());
    byName.put(p.name(), p);
  }

  synchronized Prepared get(String name) {
    Prepared p = byName.get(name);
    if (p == null) {
      throw SnapsyncException.error(SqlState.INVALID_SQL_STATEMENT_NAME,
          "cursor.prepared_not_exist", name);
    }
    return p;
  }

  /** Drops {@code name}, or all when it is null. */
  synchronized void remove(String name) {
    if (name == null) {
      byName.clear();
      return;
    }
    get(name);
    byName.remove(name);
  }

  synchronized List<Prepared> all() {
    return new ArrayList<>(byName.values());
  }
}
