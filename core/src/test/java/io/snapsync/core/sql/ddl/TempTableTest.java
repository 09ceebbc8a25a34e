package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary tables: each session's own (two sessions, one name), shadowing a permanent table,
 * {@code pg_temp.t}, relpersistence 't', dropped when the session ends and, after a node stopped
 * without ending its sessions, when the node opens the database again.
 */
class TempTableTest {

  @TempDir
  Path dir;
  EngineFixture f;

  @BeforeEach
  void start() {
    f = EngineFixture.start(dir);
  }

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
  }

  @Test
  void eachSessionHasItsOwnTemporaryTable() {
    Session a = f.session();
    Session b = f.session();
    exec(a, "CREATE TABLE t (v text)");
    exec(a, "INSERT INTO t VALUES ('permanent')");
    exec(a, "CREATE TEMP TABLE t (v text)");
    exec(b, "CREATE TEMPORARY TABLE t (v text)");
    exec(a, "INSERT INTO t VALUES ('a1'), ('a2')");
    exec(b, "INSERT INTO t VALUES ('b1')");
    assertEquals(List.of(List.of("a1"), List.of("a2")), exec(a, "SELECT v FROM t ORDER BY v")
        .rows());
    assertEquals(List.of(List.of("b1")), exec(b, "SELECT v FROM t").rows());
    assertEquals("permanent", value(b, "SELECT v FROM public.t"));
    assertEquals(2L, value(a, "SELECT count(*) FROM pg_temp.t"));
    exec(a, "UPDATE t SET v = 'a3' WHERE v = 'a2'");
    exec(a, "DELETE FROM t WHERE v = 'a1'");
    assertEquals("a3", value(a, "SELECT v FROM t"));
    assertEquals("t", value(a, "SELECT relpersistence::text FROM pg_catalog.pg_class"
        + " WHERE relname = 't' AND relnamespace <> 2200 LIMIT 1"));
    exec(a, "DROP TABLE t");
    assertEquals("permanent", value(a, "SELECT v FROM t"));
  }

  @Test
  void aTemporaryTableIsGoneWhenItsSessionEnds() {
    Session a = f.session();
    exec(a, "CREATE TEMP TABLE gone (v int)");
    exec(a, "INSERT INTO gone VALUES (1)");
    await(a.close());
    Session b = f.session();
    assertEquals(0L, value(b, "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'gone'"));
    fails(b, "SELECT * FROM gone", "42P01");
  }

  @Test
  void aTemporaryTableIsGoneAfterTheNodeStopped() throws Exception {
    Session a = f.session();
    exec(a, "CREATE TEMP TABLE left_behind (v int)");
    exec(a, "INSERT INTO left_behind VALUES (1)");
    assertEquals(1L, value(a, "SELECT count(*) FROM pg_catalog.pg_class"
        + " WHERE relname = 'left_behind'"));
    // the node stops without ending its sessions (as at a crash)
    f.db.close();
    f.store.close();
    f.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    f = EngineFixture.start(dir);
    Session b = f.session();
    assertEquals(0L, value(b, "SELECT count(*) FROM pg_catalog.pg_class"
        + " WHERE relname = 'left_behind'"));
  }
}
