package io.snapsync.storage.impl;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** A bounded scan of a key space, forwards or backwards, read in chunks under the guard. */
final class KvIterator implements CloseableIterator<KeyValue> {

  private static final int CHUNK = 256;

  private final Guard guard;
  private final NativeIterator nit;
  private final boolean reverse;
  private final String space;
  private final ArrayDeque<KeyValue> buffer = new ArrayDeque<>();
  private boolean started;
  private boolean exhausted;

  KvIterator(Guard guard, NativeIterator nit, boolean reverse, String space) {
    this.guard = guard;
    this.nit = nit;
    this.reverse = reverse;
    this.space = space;
  }

  @Override
  public boolean hasNext() {
    if (buffer.isEmpty() && !exhausted) {
      fill();
    }
    return !buffer.isEmpty();
  }

  @Override
  public KeyValue next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.pollFirst();
  }

  private void fill() {
    guard.enter();
    try {
      if (nit.isClosed()) {
        exhausted = true;
        return;
      }
      RocksIterator it = nit.it;
      if (!started) {
        started = true;
        if (reverse) {
          it.seekToLast();
        } else {
          it.seekToFirst();
        }
      } else if (reverse) {
        it.prev();
      } else {
        it.next();
      }
      for (int n = 0; it.isValid(); ) {
        buffer.addLast(new KeyValue(it.key(), it.value()));
        if (++n == CHUNK) {
          return;
        }
        if (reverse) {
          it.prev();
        } else {
          it.next();
        }
      }
      it.status();
      exhausted = true;
    } catch (RocksDBException e) {
      throw RocksStore.io("scan of key space " + space, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public void close() {
    exhausted = true;
    nit.close();
  }
}
