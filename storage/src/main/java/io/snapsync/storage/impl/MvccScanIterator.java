package io.snapsync.storage.impl;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A transaction's scan: committed rows visible to its snapshot merged with its own buffered
 * writes (a copy taken when the scan started; own deletes hide committed rows).
 */
final class MvccScanIterator implements CloseableIterator<KeyValue> {

  private static final int CHUNK = 256;

  private final VisibleCursor committed;
  private final Iterator<Map.Entry<byte[], byte[]>> own;
  private final ArrayDeque<KeyValue> buffer = new ArrayDeque<>();
  private Map.Entry<byte[], byte[]> ownNext;
  private boolean committedDone;
  private KeyValue next;
  private boolean closed;
  private final Consumer<MvccScanIterator> onClose;

  MvccScanIterator(VisibleCursor committed, NavigableMap<byte[], byte[]> ownWrites,
      Consumer<MvccScanIterator> onClose) {
    this.committed = committed;
    this.onClose = onClose;
    this.own = ownWrites.entrySet().iterator();
    this.ownNext = own.hasNext() ? own.next() : null;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (next == null) {
      next = compute();
    }
    return next != null;
  }

  @Override
  public KeyValue next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    KeyValue kv = next;
    next = null;
    return kv;
  }

  private KeyValue compute() {
    while (true) {
      if (buffer.isEmpty() && !committedDone) {
        committedDone = !committed.fill(buffer, CHUNK) && buffer.isEmpty();
      }
      KeyValue c = buffer.peekFirst();
      Map.Entry<byte[], byte[]> o = ownNext;
      if (c == null && o == null) {
        return null;
      }
      int cmp = c == null ? 1 : o == null ? -1 : KeyCodec.UNSIGNED.compare(c.key(), o.getKey());
      if (cmp < 0) {
        return buffer.pollFirst();
      }
      if (cmp == 0) {
        buffer.pollFirst();
      }
      ownNext = own.hasNext() ? own.next() : null;
      if (o.getValue() != RocksTransaction.DELETED) {
        return new KeyValue(o.getKey().clone(), o.getValue().clone());
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      next = null;
      buffer.clear();
      committed.close();
      onClose.accept(this);
    }
  }
}
