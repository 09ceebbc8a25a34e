package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Holdback;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each pinned snapshot keeps from reclaim, checked against what reclaim then really
 * deletes when the pins are released one by one.
 */
class HoldbackTest {

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

  private void commit(String key, String value) {
    StoreTransaction tx = store.begin();
    if (value == null) {
      tx.delete(b(key));
    } else {
      tx.put(b(key), b(value));
    }
    tx.commit();
  }

  @Test
  void eachSnapshotHoldsWhatReclaimDeletesOnceItIsReleased() {
    commit("a", "1");
    commit("b", "1");
    SnapshotPin old = store.pinLatest();
    commit("a", "2");
    commit("b", null);
    commit("c", "1");
    SnapshotPin mid = store.pinLatest();
    commit("a", "3");
    commit("c", "2-a-longer-value");
    Snapshot latest = store.latestSnapshot();

    List<Holdback> h = store.holdback(List.of(mid.snapshot(), old.snapshot(), latest));
    Holdback ofMid = h.get(0);
    Holdback ofOld = h.get(1);
    assertEquals(new Holdback(0, 0), h.get(2), "the latest state holds back nothing");
    // old (sees a@1, b@1) keeps a@1, a@2, b@1, b's tombstone and c@1; mid (sees a@2, c@1,
    // b deleted) keeps a@2 and c@1: a tombstone at or below the horizon is not needed.
    assertEquals(5, ofOld.versions());
    assertEquals(2, ofMid.versions());
    assertTrue(ofOld.bytes() > ofMid.bytes() && ofMid.bytes() > 0);

    long pending = store.stats().versionsPendingReclaim();
    assertEquals(pending - ofOld.versions(), store.reclaim(), "pins bound reclaim to the oldest");
    old.close();
    assertEquals(ofOld.versions() - ofMid.versions(), store.reclaim());
    assertEquals(ofMid, store.holdback(List.of(mid.snapshot())).get(0),
        "a reclaim below it changes nothing it holds");
    mid.close();
    assertEquals(ofMid.versions(), store.reclaim());
    assertEquals(0, store.stats().versionsPendingReclaim());
  }
}
