package io.snapsync.storage.impl;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.KvSpace;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** A key space: one column family, written with the store's commit durability. */
final class RocksKvSpace implements KvSpace {

  private final RocksStore store;
  private final String name;
  private final ColumnFamilyHandle handle;

  RocksKvSpace(RocksStore store, String name, ColumnFamilyHandle handle) {
    this.store = store;
    this.name = name;
    this.handle = handle;
  }

  ColumnFamilyHandle handle() {
    return handle;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] get(byte[] key) {
    store.guard().enter();
    try {
      return store.db().get(handle, key);
    } catch (RocksDBException e) {
      throw RocksStore.io("get from key space " + name + " at " + store.path(), e);
    } finally {
      store.guard().exit();
    }
  }

  @Override
  public void put(byte[] key, byte[] value) {
    store.guard().enter();
    try {
      store.db().put(handle, store.commitWriteOptions(), key, value);
    } catch (RocksDBException e) {
      throw RocksStore.io("put to key space " + name + " at " + store.path(), e);
    } finally {
      store.guard().exit();
    }
  }

  @Override
  public void putUnsynced(byte[] key, byte[] value) {
    store.guard().enter();
    try {
      store.db().put(handle, store.unsyncedWriteOptions(), key, value);
    } catch (RocksDBException e) {
      throw RocksStore.io("put to key space " + name + " at " + store.path(), e);
    } finally {
      store.guard().exit();
    }
  }

  @Override
  public void delete(byte[] key) {
    store.guard().enter();
    try {
      store.db().delete(handle, store.commitWriteOptions(), key);
    } catch (RocksDBException e) {
      throw RocksStore.io("delete from key space " + name + " at " + store.path(), e);
    } finally {
      store.guard().exit();
    }
  }

  @Override
  public CloseableIterator<KeyValue> scan(byte[] from, byte[] to) {
    return open(from, to, false);
  }

  @Override
  public CloseableIterator<KeyValue> scanReverse(byte[] from, byte[] to) {
    return open(from, to, true);
  }

  private CloseableIterator<KeyValue> open(byte[] from, byte[] to, boolean reverse) {
    store.guard().enter();
    try {
      return new KvIterator(store.guard(), store.newIterator(handle,
          from == null ? null : from.clone(), to == null ? null : to.clone()), reverse, name);
    } finally {
      store.guard().exit();
    }
  }
}
