package io.snapsync.storage.impl;

import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps native calls and {@link RocksStore#close()} apart: every operation touching RocksDB
 * runs between {@link #enter()} and {@link #exit()} (a shared lock); close takes it exclusively,
 * so no native object is freed while in use.
 */
final class Guard {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  void enter() {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new StorageException(Kind.CLOSED, "store is closed");
    }
  }

  /** Like {@link #enter()} but answers false instead of throwing when closed. */
  boolean tryEnter() {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      return false;
    }
    return true;
  }

  void exit() {
    lock.readLock().unlock();
  }

  boolean isClosed() {
    return closed;
  }

  /** Marks closed and waits for running operations; returns false if already closed. */
  boolean closeExclusive() {
    lock.writeLock().lock();
    if (closed) {
      lock.writeLock().unlock();
      return false;
    }
    closed = true;
    return true;
  }

  void releaseExclusive() {
    lock.writeLock().unlock();
  }
}
