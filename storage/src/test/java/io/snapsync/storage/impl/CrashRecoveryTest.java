package io.snapsync.storage.impl;

import static io.snapsync.storage.impl.TestSupport.await;
import static io.snapsync.storage.impl.TestSupport.b;
import static io.snapsync.storage.impl.TestSupport.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing child JVM with SIGKILL and checks what the reopened store holds. */
class CrashRecoveryTest {

  private static final int COMMITTED = 50;

  @TempDir
  Path dir;

  @Test
  @Timeout(120)
  void committedRowsAndPreparedTransactionSurviveKill9() throws Exception {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", cp,
        CrashWriter.class.getName(), dir.toString(), String.valueOf(COMMITTED))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    long readySeq;
    long preparedTxid;
    long lastReported = -1;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String ready = out.readLine();
      assertNotNull(ready, "child ended before READY");
      String[] parts = ready.split(" ");
      assertEquals("READY", parts[0]);
      readySeq = Long.parseLong(parts[1]);
      preparedTxid = Long.parseLong(parts[2]);
      for (int i = 0; i < 20; i++) {
        String line = out.readLine();
        assertNotNull(line, "child ended early");
        lastReported = Long.parseLong(line.substring(2));
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertEquals(COMMITTED, readySeq);

    try (Store store = Store.open(StoreOptions.defaults(dir))) {
      assertTrue(store.latestSnapshot().commitSeq() >= readySeq + lastReported + 1);
      StoreTransaction tx = store.begin(store.latestSnapshot());
      for (int i = 0; i < COMMITTED; i++) {
        assertEquals("value" + i, s(tx.get(b("row" + i))), "row" + i);
      }
      for (long i = 0; i <= lastReported; i++) {
        assertEquals("1", s(tx.get(b("x" + i))), "reported commit x" + i);
      }
      // Commits after the last report may or may not be there, but never half of one.
      for (long i = lastReported + 1; i < lastReported + 10_000; i++) {
        byte[] x = tx.get(b("x" + i));
        byte[] y = tx.get(b("y" + i));
        assertEquals(x == null, y == null, "pair " + i + " is atomic");
        if (x == null) {
          break;
        }
      }
      tx.rollback();

      List<PreparedTransaction> prepared = store.preparedTransactions();
      assertEquals(1, prepared.size());
      assertEquals("crash-gid", prepared.get(0).gid());
      assertEquals(preparedTxid, prepared.get(0).txid());
      assertEquals("tester", prepared.get(0).owner());

      StoreTransaction waiter = store.begin(store.latestSnapshot());
      Future<Void> lock = waiter.lock(b("row0"), false);
      assertFalse(lock.isComplete(), "prepared transaction holds row0 after the crash");
      store.commitPrepared("crash-gid");
      assertNull(await(lock));
      assertEquals("prepared", s(waiter.latestCommitted(b("row0"))));
      assertNull(waiter.latestCommitted(b("row1")));
      waiter.rollback();
    }
  }
}
