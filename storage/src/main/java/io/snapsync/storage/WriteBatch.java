package io.snapsync.storage;

/** Writes to several key spaces applied atomically by {@link Store#write}. Not thread-safe. */
public interface WriteBatch {

  WriteBatch put(KvSpace space, byte[] key, byte[] value);

  WriteBatch delete(KvSpace space, byte[] key);

  /** Deletes {@code from <= key < to}. */
  WriteBatch deleteRange(KvSpace space, byte[] from, byte[] to);
}
