package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.drain;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavepointTest {

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(false));
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.put(b("base"), b("0"));
    tx.commit();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void nestedRollbackToRestoresEachLevel() {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.put(b("a"), b("1"));
    int sp1 = tx.savepoint();
    tx.put(b("a"), b("2"));
    tx.delete(b("base"));
    int sp2 = tx.savepoint();
    tx.put(b("b"), b("3"));
    tx.put(b("a"), b("4"));
    assertEquals(List.of("a=4", "b=3"), drain(tx.scan(null, null)));

    tx.rollbackTo(sp2);
    assertEquals(List.of("a=2"), drain(tx.scan(null, null)));
    tx.put(b("c"), b("5"));
    tx.rollbackTo(sp2);
    assertNull(tx.get(b("c")));
    assertEquals("2", s(tx.get(b("a"))));

    tx.rollbackTo(sp1);
    assertEquals(List.of("a=1", "base=0"), drain(tx.scan(null, null)));
    tx.rollbackTo(0);
    assertTrue(tx.isReadOnly());
    tx.put(b("d"), b("6"));
    tx.commit();

    StoreTransaction r = store.begin(store.latestSnapshot());
    assertEquals(List.of("base=0", "d=6"), drain(r.scan(null, null)));
    r.rollback();
  }

  @Test
  void unknownSavepointIsRejected() {
    StoreTransaction tx = store.begin(store.latestSnapshot());
    tx.put(b("a"), b("1"));
    assertThrows(IllegalArgumentException.class, () -> tx.rollbackTo(5));
    tx.rollback();
  }
}
