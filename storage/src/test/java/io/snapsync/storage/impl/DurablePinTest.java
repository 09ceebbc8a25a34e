package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.DurablePin;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Durable pins survive a reopen and bound reclaim from the moment the store opens. */
class DurablePinTest {

  @TempDir
  Path dir;

  private Store open() {
    return Store.open(StoreOptions.defaults(dir).withSyncCommits(false));
  }

  private static void commit(Store store, String key, String value) {
    StoreTransaction tx = store.begin();
    tx.put(b(key), b(value));
    tx.commit();
  }

  private static String readAt(Store store, Snapshot snapshot, String key) {
    StoreTransaction tx = store.begin(snapshot);
    try {
      byte[] v = tx.get(b(key));
      return v == null ? null : s(v);
    } finally {
      tx.rollback();
    }
  }

  @Test
  void durablePinSurvivesReopenAndReclaimHonoursIt() {
    Snapshot pinned;
    try (Store store = open()) {
      commit(store, "k", "old");
      DurablePin p = store.pinDurable("d1", store.latestSnapshot(), b("meta-1"));
      pinned = p.snapshot();
      commit(store, "k", "new");
      commit(store, "k", "newer");
    }
    try (Store store = open()) {
      assertEquals(1, store.durablePins().size());
      DurablePin p = store.durablePins().get(0);
      assertEquals("d1", p.name());
      assertEquals(pinned, p.snapshot());
      assertArrayEquals(b("meta-1"), p.attachment());
      // reclaim keeps every version the restored pin may see (without it: 2 would go)
      assertEquals(0, store.reclaim());
      assertEquals("old", readAt(store, pinned, "k"));
      p.attach(b("meta-2"));
    }
    try (Store store = open()) {
      DurablePin p = store.durablePins().get(0);
      assertArrayEquals(b("meta-2"), p.attachment());
      p.close();
      assertTrue(p.isClosed());
      assertEquals(2, store.reclaim());
      assertEquals(0, store.durablePins().size());
    }
    try (Store store = open()) {
      assertEquals(0, store.durablePins().size());
      assertEquals("newer", readAt(store, store.latestSnapshot(), "k"));
    }
  }

  @Test
  void duplicateNameIsRefused() {
    try (Store store = open()) {
      commit(store, "k", "v");
      store.pinDurable("x", store.latestSnapshot(), new byte[0]);
      assertThrows(IllegalArgumentException.class,
          () -> store.pinDurable("x", store.latestSnapshot(), new byte[0]));
    }
  }
}
