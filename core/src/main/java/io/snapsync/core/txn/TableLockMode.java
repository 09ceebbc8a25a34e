package io.snapsync.core.txn;

/**
 * PostgreSQL's table-level lock modes, weakest first, with their conflict table (the
 * documentation's "Conflicting Lock Modes"). Writers take {@link #ROW_EXCLUSIVE}, CREATE INDEX
 * {@link #SHARE}, CREATE INDEX CONCURRENTLY {@link #SHARE_UPDATE_EXCLUSIVE}, DROP, TRUNCATE and
 * ALTER TABLE {@link #ACCESS_EXCLUSIVE}.
 */
public enum TableLockMode {
  ACCESS_SHARE("AccessShareLock", 0b0000_0001),
  ROW_SHARE("RowShareLock", 0b0000_0011),
  ROW_EXCLUSIVE("RowExclusiveLock", 0b0000_1111),
  SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock", 0b0001_1111),
  SHARE("ShareLock", 0b0011_0111),
  SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock", 0b0011_1111),
  EXCLUSIVE("ExclusiveLock", 0b0111_1111),
  ACCESS_EXCLUSIVE("AccessExclusiveLock", 0b1111_1111);

  private final String pgName;
  /** Read left to right from ACCESS_SHARE to ACCESS_EXCLUSIVE: a 1 conflicts with that mode. */
  private final int conflicts;

  TableLockMode(String pgName, int conflicts) {
    this.pgName = pgName;
    this.conflicts = conflicts;
  }

  /** The name {@code pg_locks.mode} shows, e.g. {@code RowExclusiveLock}. */
  public String pgName() {
    return pgName;
  }

  /** Whether a lock in this mode and one in {@code other} held by another transaction clash. */
  public boolean conflictsWith(TableLockMode other) {
    return (conflicts & (1 << (7 - other.ordinal()))) != 0;
  }
}
