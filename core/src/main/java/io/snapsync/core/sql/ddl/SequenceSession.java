package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.storage.StoreTransaction;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code nextval}, {@code currval}, {@code setval} and {@code lastval} of one session: the
 * values it last got per sequence (PostgreSQL's session state), the definitions read through
 * the statement's transaction. Used by one session at a time.
 */
public final class SequenceSession {

  private final Sequences sequences;
  private final Map<Long, Long> last = new ConcurrentHashMap<>();
  private volatile Long lastId;
  private volatile String lastName;
  private StoreTransaction txn;

  SequenceSession(Sequences sequences) {
    this.sequences = sequences;
  }

  SequenceSession in(StoreTransaction t) {
    this.txn = t;
    return this;
  }

  /** {@code nextval('s')}. Blocking. */
  public long nextval(String name) {
    SequenceDef d = def(name);
    long v = sequences.counter(d).next(d);
    remember(d, v);
    return v;
  }

  /** {@code currval('s')}: 55000 before the session's first nextval of it. */
  public long currval(String name) {
    SequenceDef d = def(name);
    Long v = last.get(d.id());
    if (v == null) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "ddl.seq_currval_undefined", d.name());
    }
    return v;
  }

  /** {@code lastval()}: 55000 before the session's first nextval. */
  public long lastval() {
    Long id = lastId;
    if (id == null) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "ddl.seq_lastval_undefined");
    }
    SequenceDef d = sequences.find(txn, lastName);
    if (d == null || d.id() != id) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "ddl.seq_lastval_undefined");
    }
    return last.get(id);
  }

  /** {@code setval('s', v [, called])}; 22003 outside the sequence's bounds. Blocking. */
  public long setval(String name, long value, boolean called) {
    SequenceDef d = def(name);
    if (value < d.min() || value > d.max()) {
      throw SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "ddl.seq_setval_range",
          value, d.name(), d.min(), d.max());
    }
    sequences.counter(d).set(d, value, called);
    if (called) {
      remember(d, value);
    }
    return value;
  }

  private void remember(SequenceDef d, long v) {
    last.put(d.id(), v);
    lastId = d.id();
    lastName = d.name();
  }

  private SequenceDef def(String regclass) {
    return sequences.require(txn, name(regclass));
  }

  /** A regclass text: {@code s}, {@code public.s}, {@code "S"}. */
  static String name(String text) {
    String s = text.trim();
    if (s.startsWith("public.")) {
      s = s.substring(7);
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
