package io.snapsync.bench;

import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A store in a fresh temporary directory, loaded with rows, deleted on close. */
final class BenchStore implements AutoCloseable {

  final Path dir;
  final Store store;

  BenchStore(boolean syncCommits) {
    try {
      dir = Files.createTempDirectory("snapsync-bench");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = Store.open(StoreOptions.defaults(dir).withSyncCommits(syncCommits));
  }

  static byte[] key(long i) {
    return String.format("row%09d", i).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] value(long i) {
    return ("value-of-row-" + i + "-padding-to-64-bytes-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
        .substring(0, 64).getBytes(StandardCharsets.UTF_8);
  }

  /** Loads keys 0..n-1 in transactions of 10k rows. */
  void load(int n) {
    for (int start = 0; start < n; start += 10_000) {
      StoreTransaction tx = store.begin(store.latestSnapshot());
      for (int i = start; i < Math.min(n, start + 10_000); i++) {
        tx.put(key(i), value(i));
      }
      tx.commit();
    }
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
