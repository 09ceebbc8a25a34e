package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.storage.KvSpace;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvSpaceTest {

  @TempDir
  Path dir;

  private StoreOptions options() {
    return StoreOptions.defaults(dir).withKvSpaces(List.of("log", "wdr"));
  }

  @Test
  void getPutDeleteAndBoundedScansBothWays() {
    try (Store store = Store.open(options())) {
      KvSpace log = store.space("log");
      assertEquals("log", log.name());
      for (String k : List.of("a", "b", "c", "d")) {
        log.put(b(k), b(k.toUpperCase()));
      }
      assertEquals("B", s(log.get(b("b"))));
      log.delete(b("b"));
      assertNull(log.get(b("b")));
      assertEquals(List.of("a=A", "c=C", "d=D"), drain(log.scan(null, null)));
      assertEquals(List.of("c=C"), drain(log.scan(b("b"), b("d"))));
      assertEquals(List.of("d=D", "c=C", "a=A"), drain(log.scanReverse(null, null)));
      assertEquals(List.of("c=C", "a=A"), drain(log.scanReverse(b("a"), b("d"))));
      assertEquals(List.of(), drain(store.space("wdr").scan(null, null)), "spaces are apart");
      assertThrows(IllegalArgumentException.class, () -> store.space("nope"));
    }
  }

  @Test
  void unsyncedPutIsReadableAndSurvivesReopen() {
    try (Store store = Store.open(options())) {
      store.space("log").putUnsynced(b("e1"), b("export"));
      assertEquals("export", s(store.space("log").get(b("e1"))));
    }
    try (Store store = Store.open(options())) {
      assertEquals("export", s(store.space("log").get(b("e1"))));
    }
  }

  @Test
  void batchAcrossSpacesIsAppliedAtomicallyAndSurvivesReopen() {
    try (Store store = Store.open(options())) {
      KvSpace log = store.space("log");
      KvSpace wdr = store.space("wdr");
      for (int i = 0; i < 10; i++) {
        wdr.put(b("old" + i), b("x"));
      }
      store.write(store.newBatch()
          .put(log, b("e1"), b("export"))
          .put(wdr, b("snap1"), b("data"))
          .deleteRange(wdr, b("old"), b("old5"))
          .delete(log, b("missing")));
    }
    try (Store store = Store.open(options())) {
      assertEquals("export", s(store.space("log").get(b("e1"))));
      assertEquals("data", s(store.space("wdr").get(b("snap1"))));
      assertEquals(List.of("old5=x", "old6=x", "old7=x", "old8=x", "old9=x", "snap1=data"),
          drain(store.space("wdr").scan(null, null)));
    }
  }

  @Test
  void spacesOnDiskButNotRequestedStillOpenAndKeepTheirData() {
    try (Store store = Store.open(options())) {
      store.space("wdr").put(b("k"), b("v"));
    }
    try (Store store = Store.open(StoreOptions.defaults(dir))) {
      assertThrows(IllegalArgumentException.class, () -> store.space("wdr"));
    }
    try (Store store = Store.open(options())) {
      assertEquals("v", s(store.space("wdr").get(b("k"))));
    }
  }

  @Test
  void longScanAcrossChunks() {
    try (Store store = Store.open(options().withSyncCommits(false))) {
      KvSpace log = store.space("log");
      var batch = store.newBatch();
      for (int i = 0; i < 1000; i++) {
        batch.put(log, b(String.format("%04d", i)), b("v"));
      }
      store.write(batch);
      assertEquals(1000, drain(log.scan(null, null)).size());
      List<String> rev = drain(log.scanReverse(null, null));
      assertEquals(1000, rev.size());
      assertEquals("0999=v", rev.get(0));
    }
  }
}
