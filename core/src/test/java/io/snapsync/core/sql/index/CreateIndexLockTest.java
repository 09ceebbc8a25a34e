package io.snapsync.core.sql.index;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CREATE INDEX against writers in flight, with real concurrent sessions: writers hold ROW
 * EXCLUSIVE on the table until they end, CREATE INDEX (SHARE) waits for them, so no committed
 * row misses the index. Tests synchronize on the lock waits themselves
 * ({@code TableLocks.whenWaiting}), never on time.
 */
class CreateIndexLockTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s1;
  static Session s2;
  static Session s3;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s1 = fx.session();
    s2 = fx.session();
    s3 = fx.session();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void table() {
    exec(s1, "DROP TABLE IF EXISTS t");
    exec(s1, "CREATE TABLE t (id int PRIMARY KEY, a int)");
    exec(s1, "INSERT INTO t VALUES (1, 10), (2, 20)");
  }

  @AfterEach
  void endBlocks() {
    for (Session s : List.of(s1, s2, s3)) {
      exec(s, "ROLLBACK");
      exec(s, "RESET lock_timeout");
    }
  }

  private static void awaitWaiters(int n) {
    await(fx.db.tableLocks().whenWaiting("t", n));
  }

  private static Future<List<StatementResult>> async(Session s, String sql) {
    return s.execute(sql);
  }

  private static SnapsyncException failure(Future<?> f, String state) {
    try {
      await(f);
    } catch (SnapsyncException e) {
      assertEquals(state, e.sqlState(), e::getMessage);
      return e;
    }
    throw new AssertionError("expected " + state);
  }

  /** The first indexed value of every entry of index {@code name}, in index order. */
  private static List<Object> entries(String table, String name) {
    StoreTransaction t = fx.store.begin();
    try {
      TableDef def = TableCatalog.find(t, table);
      IndexDef ix = def.index(name);
      List<Object> out = new ArrayList<>();
      try (CloseableIterator<KeyValue> it = t.scan(IndexKeys.from(ix.id()), IndexKeys.to(ix.id()))) {
        while (it.hasNext()) {
          out.add(IndexKeys.decodeValue(ix, it.next().value()).get(1));
        }
      }
      return out;
    } finally {
      t.rollback();
    }
  }

  @Test
  void uniqueIndexWaitsForInFlightWriterAndMeetsItsDuplicate() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 10)");
    Future<List<StatementResult>> create = async(s2, "CREATE UNIQUE INDEX t_a ON t (a)");
    awaitWaiters(1);
    assertFalse(create.isComplete());
    exec(s1, "COMMIT");
    SnapsyncException e = failure(create, "23505");
    assertEquals("could not create unique index \"t_a\"", e.getMessage());
    assertEquals("Key (a)=(10) is duplicated.", fx.render(e.detail()));
  }

  @Test
  void indexBuiltAfterWaitingHasTheWritersRows() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 30); UPDATE t SET a = 11 WHERE id = 1");
    Future<List<StatementResult>> create = async(s2, "CREATE INDEX t_a ON t (a)");
    awaitWaiters(1);
    exec(s1, "COMMIT");
    await(create);
    assertEquals(List.of(11, 20, 30), entries("t", "t_a"));
    assertEquals(3, value(s3, "SELECT id FROM t WHERE a = 30"));
  }

  @Test
  void writerWaitsForCreateIndexOfABlockAndMaintainsTheIndex() {
    exec(s2, "BEGIN; CREATE UNIQUE INDEX t_a ON t (a)");
    Future<List<StatementResult>> insert = async(s1, "INSERT INTO t VALUES (3, 30)");
    Future<List<StatementResult>> dup = async(s3, "INSERT INTO t (id, a) VALUES (4, 20)");
    awaitWaiters(2);
    exec(s2, "COMMIT");
    await(insert);
    assertEquals("duplicate key value violates unique constraint \"t_a\"",
        failure(dup, "23505").getMessage());
    assertEquals(List.of(10, 20, 30), entries("t", "t_a"));
  }

  @Test
  void repeatableReadWriterMaintainsAnIndexCreatedAfterItsSnapshot() {
    exec(s1, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM t");
    exec(s2, "CREATE UNIQUE INDEX t_a ON t (a)");
    EngineFixture.fails(s1, "INSERT INTO t VALUES (3, 10)", "23505");
    exec(s1, "ROLLBACK; BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM t");
    exec(s2, "CREATE INDEX t_a2 ON t (a)");
    exec(s1, "INSERT INTO t VALUES (3, 30); DELETE FROM t WHERE id = 1; COMMIT");
    assertEquals(List.of(20, 30), entries("t", "t_a"));
    assertEquals(List.of(20, 30), entries("t", "t_a2"));
  }

  @Test
  void repeatableReadCreateIndexSeesRowsCommittedAfterItsSnapshot() {
    exec(s2, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM t");
    exec(s1, "INSERT INTO t VALUES (3, 30)");
    exec(s2, "CREATE INDEX t_a ON t (a); COMMIT");
    assertEquals(List.of(10, 20, 30), entries("t", "t_a"));
  }

  @Test
  void createIndexHonoursLockTimeout() {
    exec(s1, "BEGIN; DELETE FROM t WHERE id = 2");
    exec(s2, "SET lock_timeout = 50");
    assertEquals("canceling statement due to lock timeout",
        EngineFixture.fails(s2, "CREATE INDEX t_a ON t (a)", "55P03").getMessage());
    exec(s1, "COMMIT");
    exec(s2, "CREATE INDEX t_a ON t (a)");
    assertEquals(List.of(10), entries("t", "t_a"));
  }

  @Test
  void twoWritersCreatingIndexesDeadlock() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 30)");
    exec(s2, "BEGIN; INSERT INTO t VALUES (4, 40)");
    Future<List<StatementResult>> first = async(s1, "CREATE INDEX t_a ON t (a)");
    awaitWaiters(1);
    assertEquals("deadlock detected",
        EngineFixture.fails(s2, "CREATE INDEX t_b ON t (a)", "40P01").getMessage());
    exec(s2, "ROLLBACK");
    await(first);
    exec(s1, "COMMIT");
    assertEquals(List.of(10, 20, 30), entries("t", "t_a"));
  }

  @Test
  void concurrentlyLetsNewWritersPassWhileWaitingForOlderOnes() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 30)");
    Future<List<StatementResult>> create = async(s2, "CREATE INDEX CONCURRENTLY t_a ON t (a)");
    awaitWaiters(1);
    exec(s3, "INSERT INTO t VALUES (4, 40)");
    assertFalse(create.isComplete());
    exec(s1, "COMMIT");
    await(create);
    assertEquals(List.of(10, 20, 30, 40), entries("t", "t_a"));
    assertEquals("CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
        EngineFixture.fails(s2, "BEGIN; CREATE INDEX CONCURRENTLY t_b ON t (a)", "25001")
            .getMessage());
  }

  @Test
  void preparedWriterKeepsItsLockUntilCommitPrepared() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 30); PREPARE TRANSACTION 'ix1'");
    Future<List<StatementResult>> create = async(s2, "CREATE INDEX t_a ON t (a)");
    awaitWaiters(1);
    exec(s3, "COMMIT PREPARED 'ix1'");
    await(create);
    assertEquals(List.of(10, 20, 30), entries("t", "t_a"));
  }

  @Test
  void dropTableWaitsForTheWriter() {
    exec(s1, "BEGIN; INSERT INTO t VALUES (3, 30)");
    Future<List<StatementResult>> drop = async(s2, "DROP TABLE t");
    awaitWaiters(1);
    exec(s1, "COMMIT");
    await(drop);
    EngineFixture.fails(s3, "SELECT * FROM t", "42P01");
  }

  @Test
  void noCommittedRowMissesAnIndexBuiltUnderConcurrentInserts() {
    int perWriter = 60;
    List<Future<?>> writers = new ArrayList<>();
    Session[] sessions = {s1, s3, fx.session()};
    for (int w = 0; w < sessions.length; w++) {
      Future<?> f = Future.succeededFuture();
      for (int i = 0; i < perWriter; i++) {
        int id = 100 + w * perWriter + i;
        Session s = sessions[w];
        f = f.compose(v -> s.execute(id % 3 == 0
            ? "BEGIN; INSERT INTO t VALUES (" + id + ", " + id + "); COMMIT"
            : "INSERT INTO t VALUES (" + id + ", " + id + ")"));
      }
      writers.add(f);
    }
    exec(s2, "CREATE UNIQUE INDEX t_a ON t (a)");
    writers.forEach(EngineFixture::await);
    long rows = ((Number) value(s2, "SELECT count(*) FROM t")).longValue();
    assertEquals(2 + sessions.length * perWriter, rows);
    assertEquals(rows, entries("t", "t_a").size());
    assertTrue(fx.db.tableLocks().rows().isEmpty());
  }
}
