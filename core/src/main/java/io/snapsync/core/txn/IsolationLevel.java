package io.snapsync.core.txn;

import java.util.Locale;

/**
 * Transaction isolation levels. REPEATABLE READ is snapshot isolation; SERIALIZABLE adds
 * serializable snapshot isolation ({@link SerializableTracker}) and the snapshot-import rules
 * of SPEC section 4.
 */
public enum IsolationLevel {
  READ_UNCOMMITTED("read uncommitted"),
  READ_COMMITTED("read committed"),
  REPEATABLE_READ("repeatable read"),
  SERIALIZABLE("serializable");

  private final String text;

  IsolationLevel(String text) {
    this.text = text;
  }

  /** The setting text, e.g. {@code read committed}. */
  public String text() {
    return text;
  }

  /** True when the snapshot is taken once per transaction. */
  public boolean snapshotPerTransaction() {
    return this == REPEATABLE_READ || this == SERIALIZABLE;
  }

  /** Parses {@code read committed}, {@code READ-COMMITTED}, ...; null when unknown. */
  public static IsolationLevel parse(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
    for (IsolationLevel l : values()) {
      if (l.text.equals(t)) {
        return l;
      }
    }
    return null;
  }
}
