package io.snapsync.storage.impl;

import io.snapsync.storage.StorageException;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;

/** The RocksDB implementation of {@link Store}. (Placeholder until the engine lands.) */
public final class RocksStore {

  private RocksStore() {
  }

  public static Store open(StoreOptions options) {
    throw new StorageException(StorageException.Kind.IO, "storage engine not built yet");
  }
}
