package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open SQL cursors of one session by name. Cursors without hold close when their
 * transaction ends; holdable ones are materialized when it commits (dropped when it does not)
 * and live until closed or the session ends. Thread-safe (the session's statements use it one
 * at a time; {@code pg_cursors} may read it from a worker).
 */
final class SessionCursors {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SessionCursors.class);

  private final Map<String, SqlCursor> open = new LinkedHashMap<>();

  synchronized void checkFree(String name) {
    if (open.containsKey(name)) {
      throw SnapsyncException.error(SqlState.DUPLICATE_CURSOR, "cursor.already_exists", name);
    }
  }

  synchronized void add(SqlCursor c) {
    checkFree(c.name());
    open.put(c.name(), c);
  }

  synchronized SqlCursor get(String name) {
    SqlCursor c = open.get(name);
    if (c == null) {
      throw SnapsyncException.error(SqlState.INVALID_CURSOR_NAME, "cursor.not_exist", name);
    }
    return c;
  }

  /** Closes {@code name}, or every cursor when it is null. Blocking. */
  void close(String name) {
    List<SqlCursor> closing;
    synchronized (this) {
      if (name == null) {
        closing = new ArrayList<>(open.values());
        open.clear();
      } else {
        closing = List.of(get(name));
        open.remove(name);
      }
    }
    closing.forEach(SessionCursors::closeQuietly);
  }

  synchronized boolean isEmpty() {
    return open.isEmpty();
  }

  synchronized List<SqlCursor> all() {
    return new ArrayList<>(open.values());
  }

  /** The transaction is about to commit: holdable cursors read their remaining rows. */
  void beforeCommit() {
    for (SqlCursor c : all()) {
      if (c.holdable() && c.live()) {
        c.materialize();
      }
    }
  }

  /** The transaction ended: every cursor still reading from it closes. Never throws. */
  void transactionEnded() {
    List<SqlCursor> closing = new ArrayList<>();
    synchronized (this) {
      open.values().removeIf(c -> {
        if (c.live()) {
          closing.add(c);
          return true;
        }
        return false;
      });
    }
    closing.forEach(SessionCursors::closeQuietly);
  }

  private static void closeQuietly(SqlCursor c) {
    try {
      c.close();
    } catch (RuntimeException e) {
      LOG.debug("closing cursor {}", c.name(), e);
    }
  }
}
