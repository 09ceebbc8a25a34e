package io.snapsync.storage.impl;

import io.snapsync.storage.KeyValue;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Walks the {@code mvcc} column family and yields, per user key, the newest version visible to
 * a snapshot, skipping tombstones. Not thread-safe. Reads in chunks, each under the store guard.
 *
 * <p>Keys and values are copied from RocksDB into reused buffers ({@code key(byte[])},
 * {@code value(byte[])}); only the user key and payload handed out are allocated.
 */
final class VisibleCursor implements AutoCloseable {

  private final Guard guard;
  private final NativeIterator nit;
  private final long snapshotSeq;
  /** Encoded key under the iterator ({@code curLen} bytes), or {@code curLen < 0} at the end. */
  private byte[] cur = new byte[64];
  private int curLen = -1;
  /** The previous key, kept to recognise the rest of its version group. */
  private byte[] group = new byte[64];
  private byte[] value = new byte[256];
  private boolean started;
  private boolean exhausted;

  VisibleCursor(Guard guard, NativeIterator nit, long snapshotSeq) {
    this.guard = guard;
    this.nit = nit;
    this.snapshotSeq = snapshotSeq;
  }

  /** Appends up to {@code max} entries to {@code out}; false once nothing is left. */
  boolean fill(ArrayDeque<KeyValue> out, int max) {
    if (exhausted) {
      return false;
    }
    guard.enter();
    try {
      if (nit.isClosed()) {
        exhausted = true;
        return false;
      }
      RocksIterator it = nit.it;
      if (!started) {
        started = true;
        it.seekToFirst();
        readKey(it);
      }
      int n = 0;
      while (n < max && curLen >= 0) {
        if (KeyCodec.seqOf(cur, curLen) > snapshotSeq) {
          it.next();
          readKey(it);
          continue;
        }
        int valueLen = readValue(it);
        boolean tombstone = value[0] == KeyCodec.TOMBSTONE;
        byte[] userKey = tombstone ? null : KeyCodec.unescape(cur, curLen - KeyCodec.SUFFIX_BYTES);
        byte[] payload = tombstone ? null : Arrays.copyOfRange(value, 1, valueLen);
        // Swap buffers: the visible version's key becomes the group to skip.
        byte[] g = group;
        group = cur;
        cur = g;
        int groupLen = curLen;
        it.next();
        readKey(it);
        while (curLen == groupLen && Arrays.equals(cur, 0, groupLen - KeyCodec.SEQ_BYTES,
            group, 0, groupLen - KeyCodec.SEQ_BYTES)) {
          it.next();
          readKey(it);
        }
        if (!tombstone) {
          out.addLast(new KeyValue(userKey, payload));
          n++;
        }
      }
      if (curLen < 0) {
        it.status();
        exhausted = true;
      }
      return n > 0 || !exhausted;
    } catch (RocksDBException e) {
      throw RocksStore.io("scan of mvcc rows", e);
    } finally {
      guard.exit();
    }
  }

  private void readKey(RocksIterator it) {
    if (!it.isValid()) {
      curLen = -1;
      return;
    }
    int len = it.key(cur);
    if (len > cur.length) {
      cur = new byte[Math.max(len, cur.length * 2)];
      len = it.key(cur);
    }
    curLen = len;
  }

  private int readValue(RocksIterator it) {
    int len = it.value(value);
    if (len > value.length) {
      value = new byte[Math.max(len, value.length * 2)];
      len = it.value(value);
    }
    return len;
  }

  @Override
  public void close() {
    nit.close();
  }
}
