package io.snapsync.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table-lock manager: PostgreSQL's conflict table, queueing, politeness and deadlocks. */
class TableLocksTest {

  private final TableLocks locks = new TableLocks();

  private Future<Void> lock(long txid, TableLockMode mode) {
    return locks.acquire(txid, "t", mode, false).future();
  }

  @Test
  void conflictTableIsPostgresOne() {
    TableLockMode[] m = TableLockMode.values();
    // rows: requested mode; columns: held mode; PostgreSQL's "Conflicting Lock Modes" table
    String[] table = {
        "00000001", "00000011", "00001111", "00011111",
        "00110111", "00111111", "01111111", "11111111"};
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        assertEquals(table[i].charAt(j) == '1', m[i].conflictsWith(m[j]), m[i] + " vs " + m[j]);
        assertEquals(m[i].conflictsWith(m[j]), m[j].conflictsWith(m[i]), "symmetric");
      }
    }
  }

  @Test
  void shareWaitsForRowExclusiveHoldersAndBlocksNewcomers() {
    assertTrue(lock(1, TableLockMode.ROW_EXCLUSIVE).succeeded());
    assertTrue(lock(2, TableLockMode.ROW_EXCLUSIVE).succeeded());
    Future<Void> index = lock(3, TableLockMode.SHARE);
    assertFalse(index.isComplete());
    Future<Void> late = lock(4, TableLockMode.ROW_EXCLUSIVE);
    assertFalse(late.isComplete(), "a newcomer queues behind the waiting SHARE");
    assertTrue(lock(1, TableLockMode.ROW_EXCLUSIVE).succeeded(), "re-entrant");
    locks.releaseAll(1);
    assertFalse(index.isComplete());
    locks.releaseAll(2);
    assertTrue(index.succeeded());
    assertFalse(late.isComplete());
    assertEquals(Set.of(3L), locks.holders("t", TableLockMode.ROW_EXCLUSIVE));
    locks.releaseAll(3);
    assertTrue(late.succeeded());
    locks.releaseAll(4);
    assertTrue(locks.rows().isEmpty());
  }

  @Test
  void politeRequestLetsNewcomersPass() {
    assertTrue(lock(1, TableLockMode.ROW_EXCLUSIVE).succeeded());
    Future<Void> concurrently = locks.acquire(2, "t", TableLockMode.SHARE, true).future();
    assertTrue(lock(3, TableLockMode.ROW_EXCLUSIVE).succeeded());
    locks.releaseAll(1);
    assertFalse(concurrently.isComplete());
    locks.releaseAll(3);
    assertTrue(concurrently.succeeded());
  }

  @Test
  void holderOfALockIsNotQueuedBehindWaiters() {
    assertTrue(lock(1, TableLockMode.ROW_EXCLUSIVE).succeeded());
    assertFalse(lock(2, TableLockMode.ACCESS_EXCLUSIVE).isComplete());
    assertTrue(lock(1, TableLockMode.SHARE).succeeded());
    assertTrue(locks.holdsAtLeast(1, "t", TableLockMode.SHARE));
    assertTrue(locks.holds(1, "t", TableLockMode.ROW_EXCLUSIVE));
  }

  @Test
  void cycleOfWaitsFailsAtOnceWithDeadlock() {
    assertTrue(lock(1, TableLockMode.ROW_EXCLUSIVE).succeeded());
    assertTrue(lock(2, TableLockMode.ROW_EXCLUSIVE).succeeded());
    Future<Void> first = lock(1, TableLockMode.SHARE);
    assertFalse(first.isComplete());
    Future<Void> second = lock(2, TableLockMode.SHARE);
    assertTrue(second.failed());
    assertEquals(TableLocks.Outcome.DEADLOCK,
        ((TableLocks.LockFailure) second.cause()).outcome());
    locks.releaseAll(2);
    assertTrue(first.succeeded());
  }

  @Test
  void cancelledRequestLeavesTheQueue() {
    assertTrue(lock(1, TableLockMode.ACCESS_EXCLUSIVE).succeeded());
    TableLocks.Request r = locks.acquire(2, "t", TableLockMode.ROW_EXCLUSIVE, false);
    Future<Void> waiting = locks.whenWaiting("t", 1);
    assertTrue(waiting.succeeded());
    locks.cancel(r);
    assertTrue(r.future().failed());
    assertEquals(List.of(new TableLocks.LockRow("t", 1, TableLockMode.ACCESS_EXCLUSIVE, true)),
        locks.rows());
  }
}
