package io.snapsync.storage;

import java.util.Iterator;

/** An iterator over native resources: close it (try-with-resources) when done. Not thread-safe. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

  @Override
  void close();
}
