package io.snapsync.core.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The tracker's bounded memory: old committed transactions fold into a summary that still
 * catches the dangerous structures they are part of, and points widen to whole relations.
 * Store commit sequence numbers are given by the test (each writer's commit is the next one).
 */
class SerializableTrackerTest {

  private long seq;

  private SerializableXact begin(SerializableTracker t) {
    long s = seq;
    SerializableXact x = t.begin(false, false, () -> pin(s), () -> { }).xact();
    t.bindTxid(x, 100 + s);
    return x;
  }

  private void commit(SerializableTracker t, SerializableXact x) {
    t.preCommit(x);
    t.committed(x, x.writes.isEmpty() ? 0 : ++seq);
  }

  private static SnapshotPin pin(long s) {
    return new SnapshotPin() {
      @Override
      public Snapshot snapshot() {
        return new Snapshot(s);
      }

      @Override
      public long pinnedAtMillis() {
        return 0;
      }

      @Override
      public void close() {
      }
    };
  }

  private static byte[] k(String s) {
    return ("R00000001" + s).getBytes(StandardCharsets.UTF_8);
  }

  /** T0 reads A; C1 reads B and writes A, commits; filler commits; T0 writes B: write skew. */
  private SnapsyncException writeSkewWithFillers(SerializableTracker t, int fillers) {
    SerializableXact t0 = begin(t);
    t.read(t0, k("A"), null, true);
    SerializableXact c1 = begin(t);
    t.read(c1, k("B"), null, true);
    t.write(c1, k("A"));
    commit(t, c1);
    for (int i = 0; i < fillers; i++) {
      SerializableXact f = begin(t);
      t.read(f, k("F" + i), null, true);
      t.write(f, k("F" + i));
      commit(t, f);
    }
    return assertThrows(SnapsyncException.class, () -> t.write(t0, k("B")));
  }

  @Test
  void writeSkewIsCaughtWithoutSummary() {
    SerializableTracker t = new SerializableTracker(100);
    SnapsyncException x = writeSkewWithFillers(t, 10);
    assertEquals("40001", x.sqlState());
    assertEquals("ssi.reason.pivot_write", x.detail().id());
    assertTrue(!t.stats().summary());
  }

  @Test
  void writeSkewIsCaughtAfterItsPartnerWasSummarised() {
    SerializableTracker t = new SerializableTracker(4);
    SnapsyncException x = writeSkewWithFillers(t, 10);
    assertEquals("40001", x.sqlState());
    SerializableTracker.Stats s = t.stats();
    assertTrue(s.summary());
    assertTrue(s.committedKept() <= 4, "kept " + s.committedKept());
    assertTrue(s.summarised() >= 7, "summarised " + s.summarised());
  }

  @Test
  void everythingIsDroppedWhenNoSerializableTransactionIsActive() {
    SerializableTracker t = new SerializableTracker(4);
    SerializableXact t0 = begin(t);
    for (int i = 0; i < 10; i++) {
      SerializableXact f = begin(t);
      t.write(f, k("F" + i));
      commit(t, f);
    }
    assertTrue(t.stats().summary());
    t.rolledBack(t0);
    SerializableTracker.Stats s = t.stats();
    assertEquals(0, s.active());
    assertEquals(0, s.committedKept());
    assertTrue(!s.summary());
    assertEquals(0, s.keysHeld());
  }

  @Test
  void manyPointReadsWidenToTheirTable() {
    KeySet set = new KeySet(8, 4);
    for (int i = 0; i < 100; i++) {
      set.addPoint(k(String.format("%03d", i)));
    }
    assertEquals(1, set.size());
    assertTrue(set.covers(k("999")), "the whole table is covered");
    assertTrue(!set.covers("R00000002x".getBytes(StandardCharsets.UTF_8)));
  }
}
