package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real engine per test class, and two sessions {@code a} and {@code b} per test over a
 * fresh table {@code acc (id int PRIMARY KEY, bal int)} holding (1, 100) and (2, 100).
 */
abstract class TwoSessionsFixture {

  @TempDir
  static Path dir;
  static EngineFixture e;
  Session a;
  Session b;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @BeforeEach
  void open() {
    a = e.session();
    b = e.session();
    exec(a, "DROP TABLE IF EXISTS acc; CREATE TABLE acc (id int PRIMARY KEY, bal int)");
    exec(a, "INSERT INTO acc VALUES (1, 100), (2, 100)");
  }

  @AfterEach
  void close() {
    await(a.close());
    await(b.close());
  }

  /**
   * Returns once some statement is waiting for a row lock (the store counts its waiters), or
   * fails when {@code running} ended first or after 30 s; lets a test release a lock only when
   * the other session really waits for it.
   */
  static void awaitLockWaiter(io.vertx.core.Future<?> running) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (e.store.stats().lockWaiters() == 0) {
      if (running.isComplete()) {
        throw new AssertionError("the statement ended without waiting for a lock: " + running);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no statement waited for a row lock within 30 s");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }
}
