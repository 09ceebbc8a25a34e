package io.snapsync.storage.impl;

import io.snapsync.storage.KvSpace;
import io.snapsync.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksDBException;

/**
 * Buffers operations in Java and builds the native batch only inside {@link RocksStore#write},
 * so a batch that is never written holds no native memory.
 */
final class RocksWriteBatch implements WriteBatch {

  private enum Type { PUT, DELETE, DELETE_RANGE }

  private record Op(Type type, KvSpace space, byte[] a, byte[] b) {
  }

  private final List<Op> ops = new ArrayList<>();

  @Override
  public WriteBatch put(KvSpace space, byte[] key, byte[] value) {
    ops.add(new Op(Type.PUT, space, key.clone(), value.clone()));
    return this;
  }

  @Override
  public WriteBatch delete(KvSpace space, byte[] key) {
    ops.add(new Op(Type.DELETE, space, key.clone(), null));
    return this;
  }

  @Override
  public WriteBatch deleteRange(KvSpace space, byte[] from, byte[] to) {
    ops.add(new Op(Type.DELETE_RANGE, space, from.clone(), to.clone()));
    return this;
  }

  org.rocksdb.WriteBatch toNative(RocksStore store) throws RocksDBException {
    org.rocksdb.WriteBatch wb = new org.rocksdb.WriteBatch();
    try {
      for (Op op : ops) {
        switch (op.type()) {
          case PUT -> wb.put(store.handleOf(op.space()), op.a(), op.b());
          case DELETE -> wb.delete(store.handleOf(op.space()), op.a());
          case DELETE_RANGE -> wb.deleteRange(store.handleOf(op.space()), op.a(), op.b());
          default -> throw new IllegalStateException();
        }
      }
      return wb;
    } catch (RocksDBException | RuntimeException e) {
      wb.close();
      throw e;
    }
  }
}
