package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a session's transaction: none, the implicit one of a statement, an explicit
 * block, or a failed block. {@link #to} allows only the named transitions (H2's
 * {@code Transaction.setStatus} is the model); any other is a bug and fails with an internal
 * error that names both states.
 */
public enum TransactionState {
  /** No transaction is running. */
  NONE,
  /** The implicit (autocommit) transaction of the running statement or statement string. */
  IMPLICIT,
  /** An explicit block (BEGIN), or an implicit one promoted by BEGIN inside a string. */
  BLOCK,
  /** An explicit block after an error: only ROLLBACK (TO SAVEPOINT) and COMMIT help. */
  FAILED;

  /** The states each state may move to. */
  private Set<TransactionState> next() {
    return switch (this) {
      case NONE -> EnumSet.of(IMPLICIT, BLOCK);
      case IMPLICIT -> EnumSet.of(BLOCK, NONE);
      case BLOCK -> EnumSet.of(FAILED, NONE);
      case FAILED -> EnumSet.of(BLOCK, NONE);
    };
  }

  /** True when a transaction (implicit or explicit) runs. */
  public boolean active() {
    return this != NONE;
  }

  /** True in an explicit block, failed or not. */
  public boolean explicit() {
    return this == BLOCK || this == FAILED;
  }

  /** Returns {@code target} if this state may move there, else fails with XX000. */
  public TransactionState to(TransactionState target) {
    if (!next().contains(target)) {
      throw SnapsyncException.error(SqlState.INTERNAL_ERROR, "internal.error",
          "illegal transaction transition from " + this + " to " + target);
    }
    return target;
  }
}
