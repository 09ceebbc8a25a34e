package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.b;

import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import java.nio.file.Path;

/**
 * Child process of {@link CrashRecoveryTest}: commits {@code n} transactions (synced), prepares
 * one holding a row lock, prints {@code READY <lastSeq> <preparedTxid>}, then commits pairs of
 * rows forever, printing {@code C <i>} after each, until it is killed.
 */
public final class CrashWriter {

  private CrashWriter() {
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Store store = Store.open(StoreOptions.defaults(dir));
    long seq = 0;
    for (int i = 0; i < n; i++) {
      StoreTransaction tx = store.begin(store.latestSnapshot());
      tx.put(b("row" + i), b("value" + i));
      seq = tx.commit();
    }
    StoreTransaction p = store.begin(store.latestSnapshot());
    if (!p.lock(b("row0"), true).succeeded()) {
      throw new IllegalStateException("lock not granted");
    }
    p.put(b("row0"), b("prepared"));
    p.delete(b("row1"));
    p.prepare("crash-gid", "tester");
    System.out.println("READY " + seq + " " + p.txid());
    System.out.flush();
    for (long i = 0; ; i++) {
      StoreTransaction tx = store.begin(store.latestSnapshot());
      tx.put(b("x" + i), b("1"));
      tx.put(b("y" + i), b("1"));
      tx.commit();
      System.out.println("C " + i);
      System.out.flush();
    }
  }
}
