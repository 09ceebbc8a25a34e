package io.snapsync.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import org.junit.jupiter.api.Test;

class TransactionStateTest {

  @Test
  void aBlockMayFailRecoverAndEnd() {
    TransactionState s = TransactionState.NONE.to(TransactionState.BLOCK)
        .to(TransactionState.FAILED).to(TransactionState.BLOCK).to(TransactionState.NONE);
    assertEquals(TransactionState.NONE, s);
  }

  @Test
  void anImplicitTransactionMayBePromotedToABlock() {
    assertEquals(TransactionState.BLOCK,
        TransactionState.NONE.to(TransactionState.IMPLICIT).to(TransactionState.BLOCK));
  }

  @Test
  void anIllegalTransitionIsAnInternalErrorNamingBothStates() {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> TransactionState.IMPLICIT.to(TransactionState.FAILED));
    assertEquals(SqlState.INTERNAL_ERROR, e.sqlState());
    assertTrue(e.getMessage().contains("IMPLICIT") && e.getMessage().contains("FAILED"),
        e.getMessage());
  }

  @Test
  void noTransactionCannotEndAgain() {
    assertThrows(SnapsyncException.class,
        () -> TransactionState.NONE.to(TransactionState.NONE));
  }
}
