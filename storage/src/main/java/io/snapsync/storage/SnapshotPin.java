package io.snapsync.storage;

/**
 * A registration that keeps every version visible to {@link #snapshot()} from being reclaimed.
 * Closing it (once; further calls are no-ops) lets reclaim take those versions. Thread-safe.
 */
public interface SnapshotPin extends AutoCloseable {

  Snapshot snapshot();

  /** Wall-clock millis (from the store's clock) when the pin was taken. */
  long pinnedAtMillis();

  @Override
  void close();
}
