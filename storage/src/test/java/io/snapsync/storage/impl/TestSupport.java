package io.snapsync.storage.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StorageException;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the storage tests. */
final class TestSupport {

  private TestSupport() {
  }

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String s(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** "key=value" strings of everything the iterator yields; closes it. */
  static List<String> drain(CloseableIterator<KeyValue> it) {
    List<String> out = new ArrayList<>();
    try (it) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        out.add(s(kv.key()) + "=" + s(kv.value()));
      }
    }
    return out;
  }

  /** Waits (bounded) for a future that must complete; returns its failure or null. */
  static Throwable await(Future<?> f) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    f.onComplete(ar -> done.countDown());
    assertTrue(done.await(10, TimeUnit.SECONDS), "future did not complete");
    return f.cause();
  }

  static void assertKind(StorageException.Kind kind, Throwable t) {
    assertTrue(t instanceof StorageException, () -> "expected StorageException, got " + t);
    assertEquals(kind, ((StorageException) t).kind(), t.getMessage());
  }
}
