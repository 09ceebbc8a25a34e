package io.snapsync.storage.impl;

import io.snapsync.storage.DurablePin;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StorageException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Persisted pins in the meta column family: key {@code durable_pin/<name>}, value = 8-byte
 * commit seq, 8-byte pinned-at millis, then the attachment. Each live record holds an ordinary
 * {@link PinRegistry} pin, re-taken at open before anything can reclaim, so reclaim honours it
 * across restarts. Writes are synced. Thread-safe (guarded by {@code this}).
 */
final class DurablePins {

  private static final byte[] PREFIX = "durable_pin/".getBytes(StandardCharsets.UTF_8);

  private final RocksHandles h;
  private final Guard guard;
  private final PinRegistry pins;
  private final TreeMap<String, Record> live = new TreeMap<>();

  DurablePins(RocksHandles h, Guard guard, PinRegistry pins) {
    this.h = h;
    this.guard = guard;
    this.pins = pins;
  }

  /** Loads every record and re-pins it; runs at open, before any reclaim. */
  void recover() throws RocksDBException {
    try (RocksIterator it = h.db.newIterator(h.meta)) {
      for (it.seek(PREFIX); it.isValid() && startsWithPrefix(it.key()); it.next()) {
        String name = new String(it.key(), PREFIX.length, it.key().length - PREFIX.length,
            StandardCharsets.UTF_8);
        ByteBuffer v = ByteBuffer.wrap(it.value());
        Snapshot s = new Snapshot(v.getLong());
        long pinnedAt = v.getLong();
        byte[] attachment = Arrays.copyOfRange(it.value(), 16, it.value().length);
        live.put(name, new Record(name, pins.pin(s), pinnedAt, attachment));
      }
      it.status();
    }
  }

  synchronized DurablePin pin(String name, Snapshot snapshot, byte[] attachment) {
    if (live.containsKey(name)) {
      throw new IllegalArgumentException("durable pin " + name + " exists");
    }
    SnapshotPin p = pins.pin(snapshot);
    Record r = new Record(name, p, p.pinnedAtMillis(), attachment.clone());
    try {
      write(r);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    live.put(name, r);
    return r;
  }

  synchronized List<DurablePin> list() {
    return new ArrayList<>(live.values());
  }

  private void write(Record r) {
    byte[] v = ByteBuffer.allocate(16 + r.attachment.length).putLong(r.snapshot().commitSeq())
        .putLong(r.pinnedAt).put(r.attachment).array();
    guard.enter();
    try {
      h.db.put(h.meta, h.syncWrite, key(r.name), v);
    } catch (RocksDBException e) {
      throw RocksStore.io("persist durable pin " + r.name + " at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  private void delete(Record r) {
    guard.enter();
    try {
      h.db.delete(h.meta, h.syncWrite, key(r.name));
    } catch (RocksDBException e) {
      throw RocksStore.io("delete durable pin " + r.name + " at " + h.path, e);
    } finally {
      guard.exit();
    }
  }

  private static byte[] key(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    byte[] k = Arrays.copyOf(PREFIX, PREFIX.length + n.length);
    System.arraycopy(n, 0, k, PREFIX.length, n.length);
    return k;
  }

  private static boolean startsWithPrefix(byte[] k) {
    return k.length >= PREFIX.length
        && Arrays.equals(k, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
  }

  private final class Record implements DurablePin {
    private final String name;
    private final SnapshotPin pin;
    private final long pinnedAt;
    private byte[] attachment;
    private boolean closed;

    Record(String name, SnapshotPin pin, long pinnedAt, byte[] attachment) {
      this.name = name;
      this.pin = pin;
      this.pinnedAt = pinnedAt;
      this.attachment = attachment;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Snapshot snapshot() {
      return pin.snapshot();
    }

    @Override
    public long pinnedAtMillis() {
      return pinnedAt;
    }

    @Override
    public byte[] attachment() {
      synchronized (DurablePins.this) {
        return attachment.clone();
      }
    }

    @Override
    public void attach(byte[] a) {
      synchronized (DurablePins.this) {
        if (closed) {
          throw new StorageException(Kind.CLOSED, "durable pin " + name + " is released");
        }
        byte[] old = attachment;
        attachment = a.clone();
        try {
          write(this);
        } catch (RuntimeException e) {
          attachment = old;
          throw e;
        }
      }
    }

    @Override
    public boolean isClosed() {
      synchronized (DurablePins.this) {
        return closed;
      }
    }

    @Override
    public void close() {
      synchronized (DurablePins.this) {
        if (closed) {
          return;
        }
        delete(this);
        closed = true;
        live.remove(name);
        pin.close();
      }
    }
  }
}
