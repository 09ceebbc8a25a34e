package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTest {

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

  private void commit(String... kvs) {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    for (int i = 0; i < kvs.length; i += 2) {
      if (kvs[i + 1] == null) {
        tx.delete(b(kvs[i]));
      } else {
        tx.put(b(kvs[i]), b(kvs[i + 1]));
      }
    }
    tx.commit();
  }

  @Test
  void scanReturnsNewestVisibleVersionInKeyOrderWithinBounds() {
    commit("b", "1", "d", "1", "a", "1");
    commit("b", "2", "c", "2");
    Snapshot mid = store.latestSnapshot();
    commit("c", null, "e", "3", "b", "3");
    StoreTransaction tx = store.begin(mid);
    assertEquals(List.of("a=1", "b=2", "c=2", "d=1"), drain(tx.scan(null, null)));
    assertEquals(List.of("b=2", "c=2"), drain(tx.scan(b("b"), b("d"))));
    assertEquals(List.of("c=2", "d=1"), drain(tx.scan(b("bb"), null)));
    assertEquals(List.of(), drain(tx.scan(b("x"), null)));
    assertEquals(List.of(), drain(tx.scan(b("b"), b("b"))));
    tx.setSnapshot(store.latestSnapshot());
    assertEquals(List.of("a=1", "b=3", "d=1", "e=3"), drain(tx.scan(null, null)));
    tx.put(b("bb"), b("own"));
    assertEquals(List.of(), drain(tx.scan(b("c"), b("b"))), "inverted bounds: empty");
    assertEquals(List.of(), drain(tx.scan(b("bb"), b("bb"))));
    tx.rollback();
  }

  @Test
  void scanOverlaysOwnWritesAndDeletes() {
    commit("a", "1", "b", "1", "c", "1", "e", "1");
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.put(b("b"), b("mine"));
    tx.delete(b("c"));
    tx.put(b("d"), b("new"));
    tx.put(b("0"), b("first"));
    tx.put(b("z"), b("last"));
    tx.delete(b("nothing"));
    assertEquals(List.of("0=first", "a=1", "b=mine", "d=new", "e=1", "z=last"),
        drain(tx.scan(null, null)));
    assertEquals(List.of("b=mine", "d=new"), drain(tx.scan(b("b"), b("e"))));
    tx.rollback();
  }

  @Test
  void scanIsStableWhileTheTransactionKeepsWriting() {
    commit("a", "1", "b", "1", "c", "1");
    StoreTransaction tx = store.begin(store.latestSnapshot());
    List<String> seen = new ArrayList<>();
    try (var it = tx.scan(null, null)) {
      while (it.hasNext()) {
        var kv = it.next();
        seen.add(TestSupport.s(kv.key()));
        tx.put(b(TestSupport.s(kv.key()) + "x"), b("2"));
      }
    }
    assertEquals(List.of("a", "b", "c"), seen);
    tx.commit();
  }

  @Test
  void longScanCrossesChunksAndSkipsOldVersions() {
    for (int round = 0; round < 3; round++) {
      StoreTransaction tx = store.begin(store.latestSnapshot());
      for (int i = 0; i < 1000; i++) {
        if (round == 2 && i % 2 == 0) {
          tx.delete(b(String.format("k%05d", i)));
        } else {
          tx.put(b(String.format("k%05d", i)), b("r" + round));
        }
      }
      tx.commit();
    }
    StoreTransaction tx = store.begin(store.latestSnapshot());
    List<String> all = drain(tx.scan(null, null));
    assertEquals(500, all.size());
    assertEquals("k00001=r2", all.get(0));
    assertEquals("k00999=r2", all.get(499));
    tx.rollback();
  }

  @Test
  void endingTheTransactionClosesItsOpenScans() {
    commit("a", "1", "b", "2");
    StoreTransaction tx = store.begin(store.latestSnapshot());
    var it = tx.scan(null, null);
    org.junit.jupiter.api.Assertions.assertTrue(it.hasNext());
    tx.rollback();
    // The scan was closed with the transaction: it yields nothing more, and closing is harmless.
    org.junit.jupiter.api.Assertions.assertFalse(it.hasNext());
    it.close();
  }

  @Test
  void longKeysAndValuesAcrossVersions() {
    String longKey = "k".repeat(300);
    String bigValue = "v".repeat(10_000);
    commit("a", "1", longKey + "1", "old", longKey + "2", bigValue);
    Snapshot first = store.latestSnapshot();
    commit(longKey + "1", bigValue + "new", "b", "x".repeat(5000));
    StoreTransaction tx = store.begin(first);
    assertEquals(List.of("a=1", longKey + "1=old", longKey + "2=" + bigValue),
        drain(tx.scan(null, null)));
    tx.setSnapshot(store.latestSnapshot());
    assertEquals(List.of("a=1", "b=" + "x".repeat(5000), longKey + "1=" + bigValue + "new",
        longKey + "2=" + bigValue), drain(tx.scan(null, null)));
    tx.rollback();
  }
}
