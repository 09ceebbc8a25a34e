package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** vertx-pg-client (unmodified) against snapsync: prepared queries, cursors, errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VertxPgClientTest {

  private SnapsyncFixture node;
  private Vertx client;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-vertx"), PgWireOptions.SCRAM);
    client = Vertx.vertx();
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close().await();
    }
    if (node != null) {
      node.close();
    }
  }

  private PgConnection connect() {
    return PgConnection.connect(client, new PgConnectOptions().setHost("127.0.0.1")
        .setPort(node.port()).setDatabase("snapsync").setUser(SnapsyncFixture.ADMIN)
        .setPassword(SnapsyncFixture.ADMIN_PASSWORD)).await();
  }

  @Test
  void preparedQueriesBindAndDecodeValues() {
    PgConnection c = connect();
    try {
      c.query("CREATE TABLE vx1 (id int PRIMARY KEY, name text, n bigint, ok boolean)")
          .execute().await();
      for (int i = 1; i <= 5; i++) {
        RowSet<Row> r = c.preparedQuery("INSERT INTO vx1 (id, name, n, ok) VALUES ($1, $2, $3, $4)")
            .execute(Tuple.of(i, "v" + i, 1000L * i, i % 2 == 1)).await();
        assertEquals(1, r.rowCount());
      }
      RowSet<Row> rows = c.preparedQuery("SELECT id, name, n, ok FROM vx1 WHERE id = $1")
          .execute(Tuple.of(3)).await();
      Row row = rows.iterator().next();
      assertEquals(3, row.getInteger("id"));
      assertEquals("v3", row.getString("name"));
      assertEquals(3000L, row.getLong("n"));
      assertEquals(true, row.getBoolean("ok"));

      PreparedStatement ps = c.prepare("SELECT id, name FROM vx1 ORDER BY id").await();
      List<Integer> ids = new ArrayList<>();
      var cursor = ps.cursor();
      while (true) {
        RowSet<Row> chunk = cursor.read(2).await();
        chunk.forEach(r -> ids.add(r.getInteger("id")));
        if (!cursor.hasMore()) {
          break;
        }
      }
      assertEquals(List.of(1, 2, 3, 4, 5), ids);

      RowSet<Row> snap = c.preparedQuery("SELECT pg_export_snapshot()").execute().await();
      assertTrue(snap.iterator().next().getString(0).matches("[0-9A-F]{16}-1"));
      assertEquals("pg_export_snapshot", snap.columnsNames().get(0));
      RowSet<Row> log = c.preparedQuery("SELECT event, at FROM snapshot_log WHERE event = $1")
          .execute(Tuple.of("export")).await();
      assertTrue(log.size() >= 1);
      java.time.OffsetDateTime at = log.iterator().next().getOffsetDateTime("at");
      assertTrue(Math.abs(java.time.Duration.between(at, java.time.OffsetDateTime.now())
          .toMinutes()) < 10, at.toString());
      Row fns = c.preparedQuery("SELECT now(), txid_current(), current_setting($1)")
          .execute(Tuple.of("lc_messages")).await().iterator().next();
      assertTrue(Math.abs(java.time.Duration.between(fns.getOffsetDateTime(0),
          java.time.OffsetDateTime.now()).toMinutes()) < 10);
      assertTrue(fns.getLong(1) > 0);
      assertEquals("current_setting", fns.getColumnName(2));
      RowSet<Row> show = c.preparedQuery("SHOW transaction_isolation").execute().await();
      assertEquals("read committed", show.iterator().next().getString(0));
      RowSet<Row> count = c.preparedQuery("SELECT count(*) FROM vx1 WHERE ok = $1")
          .execute(Tuple.of(true)).await();
      assertEquals(3L, count.iterator().next().getLong(0));
    } finally {
      c.close().await();
    }
  }

  @Test
  void batchesAndTransactionsWork() {
    PgConnection c = connect();
    try {
      c.query("CREATE TABLE vx3 (id int PRIMARY KEY, v text)").execute().await();
      List<Tuple> batch = new ArrayList<>();
      for (int i = 1; i <= 6; i++) {
        batch.add(Tuple.of(i, "v" + i));
      }
      c.preparedQuery("INSERT INTO vx3 (id, v) VALUES ($1, $2)").executeBatch(batch).await();
      var tx = c.begin().await();
      c.preparedQuery("UPDATE vx3 SET v = $1 WHERE id = $2").execute(Tuple.of("changed", 1))
          .await();
      tx.rollback().await();
      RowSet<Row> rows = c.preparedQuery("SELECT id, v FROM vx3 WHERE id = $1")
          .execute(Tuple.of(1)).await();
      assertEquals("v1", rows.iterator().next().getString("v"));
      RowSet<Row> all = c.query("SELECT id FROM vx3").execute().await();
      assertEquals(6, all.size());
    } finally {
      c.close().await();
    }
  }

  @Test
  void pooledPipelinedQueriesFromManyConnections() {
    PgConnection setup = connect();
    setup.query("CREATE TABLE vx4 (id int PRIMARY KEY, v bigint)").execute().await();
    setup.close().await();
    var pool = io.vertx.pgclient.PgBuilder.pool()
        .with(new io.vertx.sqlclient.PoolOptions().setMaxSize(8))
        .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(node.port())
            .setDatabase("snapsync").setUser(SnapsyncFixture.ADMIN)
            .setPassword(SnapsyncFixture.ADMIN_PASSWORD).setPipeliningLimit(16))
        .using(client).build();
    try {
      List<io.vertx.core.Future<?>> all = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        all.add(pool.preparedQuery("INSERT INTO vx4 (id, v) VALUES ($1, $2)")
            .execute(Tuple.of(i, (long) i * i)));
      }
      io.vertx.core.Future.all(all).await();
      List<io.vertx.core.Future<RowSet<Row>>> reads = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        reads.add(pool.preparedQuery("SELECT v FROM vx4 WHERE id = $1").execute(Tuple.of(i)));
      }
      io.vertx.core.Future.all(reads).await();
      for (int i = 1; i <= 200; i++) {
        assertEquals((long) i * i, reads.get(i - 1).result().iterator().next().getLong(0));
      }
    } finally {
      pool.close().await();
    }
  }

  @Test
  void describedStatementsFollowTableChanges() {
    PgConnection a = connect();
    PgConnection b = connect();
    try {
      a.query("CREATE TABLE vx5 (id int PRIMARY KEY, v bigint)").execute().await();
      a.query("INSERT INTO vx5 VALUES (1, 10)").execute().await();
      String sql = "SELECT v FROM vx5 WHERE id = $1";
      assertEquals(10L, a.preparedQuery(sql).execute(Tuple.of(1)).await().iterator().next()
          .getLong(0));
      // this connection's own DDL: the next description is fresh
      a.query("DROP TABLE vx5").execute().await();
      a.query("CREATE TABLE vx5 (id int PRIMARY KEY, v text)").execute().await();
      a.query("INSERT INTO vx5 VALUES (1, 'ten')").execute().await();
      assertEquals("ten", a.preparedQuery(sql).execute(Tuple.of(1)).await().iterator().next()
          .getString(0));
      // another session's DDL: the stale description is refused once, as PostgreSQL refuses
      // a cached plan whose result type changed, then described afresh
      b.query("DROP TABLE vx5").execute().await();
      b.query("CREATE TABLE vx5 (id int PRIMARY KEY, v boolean)").execute().await();
      b.query("INSERT INTO vx5 VALUES (1, true)").execute().await();
      Throwable t = assertThrows(Throwable.class,
          () -> a.preparedQuery(sql).execute(Tuple.of(1)).await());
      PgException e = assertInstanceOf(PgException.class,
          t instanceof CompletionException ? t.getCause() : t);
      assertEquals("0A000", e.getSqlState());
      assertEquals("cached plan must not change result type", e.getErrorMessage());
      assertEquals(true, a.preparedQuery(sql).execute(Tuple.of(1)).await().iterator().next()
          .getBoolean(0));
    } finally {
      a.close().await();
      b.close().await();
    }
  }

  @Test
  void failuresArePgExceptionsWithSqlState() {
    PgConnection c = connect();
    try {
      c.query("CREATE TABLE vx2 (id int PRIMARY KEY)").execute().await();
      c.preparedQuery("INSERT INTO vx2 VALUES ($1)").execute(Tuple.of(1)).await();
      Throwable t = assertThrows(Throwable.class,
          () -> c.preparedQuery("INSERT INTO vx2 VALUES ($1)").execute(Tuple.of(1)).await());
      PgException e = assertInstanceOf(PgException.class,
          t instanceof CompletionException ? t.getCause() : t);
      assertEquals("23505", e.getSqlState());
      assertEquals("ERROR", e.getSeverity());
      // the connection keeps working after the error
      RowSet<Row> r = c.preparedQuery("SELECT id FROM vx2 WHERE id = $1").execute(Tuple.of(1))
          .await();
      assertEquals(1, r.size());
      RowSet<Row> none = c.preparedQuery("SELECT id FROM vx2 WHERE id = $1")
          .execute(Tuple.of(2)).await();
      assertFalse(none.iterator().hasNext());
    } finally {
      c.close().await();
    }
  }
}
