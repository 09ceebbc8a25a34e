package io.snapsync.plugins.pgwire.impl;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * BackendKeyData keys of the open connections, for CancelRequest. A valid cancel request is
 * counted and runs its connection's hook, which cancels the statement the session runs now
 * ({@code Session.cancel()}: it fails with 57014); with nothing running it has no effect.
 * Thread-safe.
 */
final class CancelRegistry {

  /** A registered key and what to do when it is quoted. */
  record Key(int processId, int secretKey) {
  }

  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final Map<Integer, Entry> byProcessId = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();

  private record Entry(int secretKey, Runnable onCancel) {
  }

  Key register(Runnable onCancel) {
    int pid = nextProcessId.incrementAndGet();
    int secret = random.nextInt();
    byProcessId.put(pid, new Entry(secret, onCancel));
    return new Key(pid, secret);
  }

  void unregister(Key key) {
    if (key != null) {
      byProcessId.remove(key.processId());
    }
  }

  /** Handles a CancelRequest; false when the key is unknown or the secret wrong. */
  boolean cancel(int processId, int secretKey) {
    Entry e = byProcessId.get(processId);
    if (e == null || e.secretKey() != secretKey) {
      return false;
    }
    accepted.incrementAndGet();
    e.onCancel().run();
    return true;
  }

  /** Valid cancel requests received so far. */
  long acceptedCancels() {
    return accepted.get();
  }
}
