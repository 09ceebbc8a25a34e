package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisibilityTest {

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private long commit(String key, String value) {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    if (value == null) {
      tx.delete(b(key));
    } else {
      tx.put(b(key), b(value));
    }
    return tx.commit();
  }

  @Test
  void snapshotSeesOnlyCommitsUpToItsSeq() {
    long s1 = commit("a", "1");
    Snapshot first = store.latestSnapshot();
    assertEquals(s1, first.commitSeq());
    long s2 = commit("a", "2");
    assertEquals(s1 + 1, s2);
    commit("b", "x");

    StoreTransaction old = store.begin(first);
    assertEquals("1", s(old.get(b("a"))));
    assertNull(old.get(b("b")));
    StoreTransaction now = store.begin(store.latestSnapshot());
    assertEquals("2", s(now.get(b("a"))));
    assertEquals("x", s(now.get(b("b"))));
    assertEquals("2", s(old.latestCommitted(b("a"))));
    old.rollback();
    now.rollback();
  }

  @Test
  void useLatestSnapshotMovesAReadCommittedTransactionForward() {
    commit("a", "1");
    StoreTransaction rc = store.begin();
    assertEquals(store.latestSnapshot(), rc.snapshot());
    long seq = commit("a", "2");
    assertEquals("1", s(rc.get(b("a"))));
    assertEquals(new Snapshot(seq), rc.useLatestSnapshot());
    assertEquals("2", s(rc.get(b("a"))));
    rc.rollback();
  }

  @Test
  void emptyStoreStartsAtSeqZero() {
    assertEquals(0, store.latestSnapshot().commitSeq());
    StoreTransaction tx = store.begin(store.latestSnapshot());
    assertNull(tx.get(b("nothing")));
    assertTrue(tx.isReadOnly());
    assertEquals(0, tx.commit());
  }

  @Test
  void ownWritesAreVisibleBeforeCommitAndToNobodyElse() {
    StoreTransaction writer = store.begin(store.latestSnapshot());
    writer.put(b("k"), b("mine"));
    assertEquals("mine", s(writer.get(b("k"))));
    assertFalse(writer.isReadOnly());
    StoreTransaction other = store.begin(store.latestSnapshot());
    assertNull(other.get(b("k")));
    writer.commit();
    assertNull(other.get(b("k")), "snapshot taken before the commit");
    other.setSnapshot(store.latestSnapshot());
    assertEquals("mine", s(other.get(b("k"))));
    other.rollback();
  }

  @Test
  void tombstonesHideOlderVersions() {
    commit("k", "v1");
    Snapshot before = store.latestSnapshot();
    commit("k", null);
    StoreTransaction tx = store.begin(store.latestSnapshot());
    assertNull(tx.get(b("k")));
    assertNull(tx.latestCommitted(b("k")));
    assertEquals(List.of(), drain(tx.scan(null, null)));
    tx.setSnapshot(before);
    assertEquals("v1", s(tx.get(b("k"))));
    tx.put(b("k"), b("again"));
    tx.commit();
    StoreTransaction after = store.begin(store.latestSnapshot());
    assertEquals("again", s(after.get(b("k"))));
    after.rollback();
  }

  @Test
  void ownDeleteHidesCommittedRow() {
    commit("k", "v");
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.delete(b("k"));
    assertNull(tx.get(b("k")));
    tx.rollback();
    StoreTransaction check = store.begin(store.latestSnapshot());
    assertEquals("v", s(check.get(b("k"))));
    check.rollback();
  }

  @Test
  void keysWithZeroBytesAndPrefixesStayDistinctAndOrdered() {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    byte[][] keys = {
        {}, {0}, {0, 0}, {0, 1}, {1}, {1, 0}, {1, 0, (byte) 0xFF}, {1, 1}, {(byte) 0xFF},
        {(byte) 0xFF, 0}};
    for (int i = 0; i < keys.length; i++) {
      tx.put(keys[i], new byte[] {(byte) i});
    }
    tx.commit();
    StoreTransaction r = store.begin(store.latestSnapshot());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, r.get(keys[i])[0]);
    }
    int i = 0;
    try (var it = r.scan(null, null)) {
      while (it.hasNext()) {
        var kv = it.next();
        assertTrue(java.util.Arrays.equals(keys[i], kv.key()), "key " + i);
        assertEquals(i, kv.value()[0]);
        i++;
      }
    }
    assertEquals(keys.length, i);
    r.rollback();
  }

  @Test
  void finishedTransactionIsUnusable() {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.put(b("a"), b("1"));
    tx.commit();
    StorageException e = assertThrows(StorageException.class, () -> tx.get(b("a")));
    assertEquals(StorageException.Kind.TRANSACTION_CLOSED, e.kind());
    assertThrows(StorageException.class, tx::commit);
    tx.rollback();
    TestSupport.assertKind(StorageException.Kind.TRANSACTION_CLOSED,
        tx.lock(b("a"), false).cause());
  }

  @Test
  void txidsAreUnique() {
    StoreTransaction a = store.begin(store.latestSnapshot());
    StoreTransaction c = store.begin(store.latestSnapshot());
    assertTrue(a.txid() > 0);
    assertTrue(c.txid() > a.txid());
    a.rollback();
    c.rollback();
  }

  @Test
  void closedStoreRejectsCalls() {
    store.close();
    StorageException e = assertThrows(StorageException.class, store::latestSnapshot);
    assertEquals(StorageException.Kind.CLOSED, e.kind());
    store.close();
  }
}
