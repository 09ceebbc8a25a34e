package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The statement descriptions of one connection, by text and client-given parameter types, so
 * that clients that describe every execution (vertx-pg-client without a statement cache) do not
 * pay for a session describe (a worker or cluster round trip) each time. Cleared when the connection runs DDL; a description
 * gone stale through another session's DDL is caught at execution ({@link #compatible}), as
 * PostgreSQL's "cached plan must not change result type". Least recently used entries go first.
 * Confined to the connection's event loop.
 */
final class DescribeCache {

  static final int MAX_ENTRIES = 256;

  /** A description: inferred parameter types and result columns. */
  record Entry(int[] paramTypes, List<Column> columns, boolean guessed) {
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  static String key(PreparedStmt s) {
    return Arrays.toString(s.clientTypes) + s.sql;
  }

  Entry get(PreparedStmt s) {
    return entries.get(key(s));
  }

  void put(PreparedStmt s) {
    entries.put(key(s), new Entry(s.paramTypes.clone(), s.declaredColumns, s.guessedColumns));
  }

  void clear() {
    entries.clear();
  }

  /** Notes a finished statement: DDL may change any description. */
  void statementDone(String commandTag) {
    String t = commandTag.toUpperCase(Locale.ROOT);
    if (t.startsWith("CREATE") || t.startsWith("DROP") || t.startsWith("ALTER")) {
      entries.clear();
    }
  }

  /**
   * Whether rows of {@code actual} columns can be sent as the {@code declared} ones: same count
   * and types, or, for guessed declarations, text (values are then sent in their text form).
   */
  static boolean compatible(List<Column> declared, boolean guessed, List<Column> actual) {
    if (declared == null) {
      return true;
    }
    if (declared.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < declared.size(); i++) {
      DataType d = declared.get(i).type();
      if (d != actual.get(i).type() && !(guessed && d == DataType.TEXT)) {
        return false;
      }
    }
    return true;
  }
}
