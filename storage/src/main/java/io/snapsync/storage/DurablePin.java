package io.snapsync.storage;

/**
 * A {@link SnapshotPin} that is persisted: it survives closing and reopening the store (and a
 * kill -9 of the process), and reclaim honours it from the moment the store opens. It carries
 * a name, unique in the store, and an opaque attachment its owner uses for its own metadata
 * (e.g. a lease). {@link #close()} deletes it durably; closing the store does not.
 *
 * <p>Thread-safe. {@link #attach} and {@link #close} do I/O (worker threads only).
 */
public interface DurablePin extends SnapshotPin {

  String name();

  /** The attachment as last written (a copy). */
  byte[] attachment();

  /** Replaces the attachment durably; fails with {@code CLOSED} once the pin is closed. */
  void attach(byte[] attachment);

  /** True once {@link #close()} ran (on this pin object). */
  boolean isClosed();
}
