package io.snapsync.core.txn;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;

/**
 * The 40001 errors of serializable snapshot isolation, with PostgreSQL's message, reason-code
 * detail and hint (catalog bundle {@code snapshot}, ids {@code ssi.*}).
 */
final class SerializationFailures {

  /** Why a transaction was cancelled: the suffix of a {@code ssi.reason.*} message id. */
  enum Reason {
    PIVOT_DURING_COMMIT("pivot_commit"),
    PIVOT_DURING_WRITE("pivot_write"),
    PIVOT_DURING_CONFLICT_OUT("pivot_conflict_out"),
    PIVOT_DURING_CONFLICT_IN("pivot_conflict_in"),
    CONFLICT_OUT_TO_PIVOT("conflict_out_to_pivot"),
    CONFLICT_OUT_TO_OLD_PIVOT("conflict_out_to_old_pivot"),
    PREPARED_PIVOT("prepared_pivot");

    final String id;

    Reason(String id) {
      this.id = "ssi.reason." + id;
    }
  }

  private SerializationFailures() {
  }

  static SnapsyncException failure(Reason reason, long pivotTxid) {
    return SnapsyncException.error(SqlState.SERIALIZATION_FAILURE, "ssi.failure")
        .withDetail(reason.id, Long.toString(pivotTxid))
        .withHint("ssi.failure.hint");
  }
}
