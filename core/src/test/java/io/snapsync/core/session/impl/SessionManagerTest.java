package io.snapsync.core.session.impl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.stats.StatementStats;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionManagerTest {

  @TempDir
  Path dir;

  static final class ManualClock extends Clock {
    volatile long millis = 1_700_000_000_000L;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  @Test
  void idleSessionsAreEndedByTheirTimeoutOnTheNodeClock() {
    ManualClock clock = new ManualClock();
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session idle = e.session();
      Session inBlock = e.session();
      Session noTimeout = e.session();
      exec(idle, "SET idle_session_timeout = '2s'");
      exec(inBlock, "SET idle_session_timeout = '2s'; BEGIN");
      assertEquals(0, e.sessions.reapIdle());
      clock.millis += 1_999;
      assertEquals(0, e.sessions.reapIdle());
      clock.millis += 1;
      assertEquals(1, e.sessions.reapIdle());
      SnapsyncException x = assertThrows(SnapsyncException.class,
          () -> await(idle.execute("SELECT 1")));
      assertEquals("57P05", x.sqlState());
      assertEquals("terminating connection due to idle-session timeout", x.getMessage());
      assertEquals(2, e.sessions.count());
      assertTrue(e.sessions.find(idle.id()).isEmpty());
      assertEquals(1, value(noTimeout, "SELECT 1"));
    }
  }

  @Test
  void aBlockIdleBeyondIdleInTransactionSessionTimeoutIsEndedAndItsLocksFreed() {
    ManualClock clock = new ManualClock();
    try (EngineFixture e = EngineFixture.start(dir, clock)) {
      Session other = e.session();
      exec(other, "CREATE TABLE iit (id int PRIMARY KEY, v int); INSERT INTO iit VALUES (1, 0)");
      Session idle = e.session();
      Session idleOutside = e.session();
      exec(idleOutside, "SET idle_in_transaction_session_timeout = '2s'");
      exec(idle, "SET idle_in_transaction_session_timeout = '2s'");
      exec(idle, "BEGIN; UPDATE iit SET v = 1 WHERE id = 1");
      clock.millis += 1_999;
      assertEquals(0, e.sessions.reapIdle());
      clock.millis += 1;
      assertEquals(1, e.sessions.reapIdle());
      SnapsyncException x = assertThrows(SnapsyncException.class,
          () -> await(idle.execute("SELECT 1")));
      assertEquals("25P03", x.sqlState());
      assertEquals("terminating connection due to idle-in-transaction timeout", x.getMessage());
      exec(other, "SET lock_timeout = '30s'");
      exec(other, "UPDATE iit SET v = v + 10 WHERE id = 1");
      assertEquals(10, value(other, "SELECT v FROM iit WHERE id = 1"));
      assertEquals(1, value(idleOutside, "SELECT 1"));
    }
  }

  @Test
  void tenThousandIdleSessionsAreCheap() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      long before = rt.totalMemory() - rt.freeMemory();
      List<Session> all = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        all.add(await(e.sessions.openAuthenticated("alice", new JsonObject())));
      }
      assertEquals(10_000, e.sessions.count());
      long t0 = System.nanoTime();
      assertEquals(0, e.sessions.reapIdle());
      assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "reaping 10,000 sessions is quick");
      System.gc();
      long perSession = (rt.totalMemory() - rt.freeMemory() - before) / 10_000;
      assertTrue(perSession < 16_384, "bytes per idle session: " + perSession);
      assertEquals(1, value(all.get(9_999), "SELECT 1"));
      await(e.sessions.closeAll());
      assertEquals(0, e.sessions.count());
      assertEquals(10_000 + 0L, e.services.stats().sessionsClosed());
    }
  }

  @Test
  void statisticsAreFed() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "CREATE TABLE t (id int PRIMARY KEY, v text)");
      exec(s, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      exec(s, "SELECT v FROM t WHERE id = 1");
      exec(s, "SELECT v FROM t WHERE id = 2");
      assertThrows(SnapsyncException.class, () -> await(s.execute("SELECT * FROM nosuch")));
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot(); COMMIT");
      var st = e.services.stats();
      StatementStats sel = st.statements().stream()
          .filter(x -> x.query().equals("select v from t where id = ?")).findFirst()
          .orElseThrow(() -> new AssertionError(st.statements().toString()));
      assertEquals(2, sel.calls());
      assertEquals(2, sel.rows());
      assertEquals("SELECT", sel.kind());
      assertTrue(st.statements().stream().anyMatch(x -> x.query()
          .equals("insert into t values (?, ?), (?, ?)") && x.rows() == 2));
      assertEquals(1L, st.errors().get("42P01"));
      assertTrue(st.commits() >= 4);
      assertEquals(1, st.snapshotsExported());
      assertTrue(st.waits().containsKey("IO:commit"));
      assertTrue(st.sessionsOpened() >= 1);
    }
  }

  @Test
  void messagesFollowLcMessages() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "SET lc_messages = 'zh_CN.UTF-8'; BEGIN; SAVEPOINT a");
      SnapsyncException x = assertThrows(SnapsyncException.class,
          () -> await(s.execute("SELECT pg_export_snapshot()")));
      assertEquals("无法在子事务中导出快照", x.render(e.services.catalog(), s.lcMessages()));
      StatementResult r = exec(s, "ROLLBACK; COMMIT");
      assertEquals("没有正在进行的事务",
          e.services.catalog().render(s.lcMessages(), r.notices().get(0).message()));
    }
  }
}
