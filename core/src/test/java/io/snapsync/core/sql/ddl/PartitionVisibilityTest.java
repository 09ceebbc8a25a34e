package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions are MVCC data: one created in an open transaction block is invisible to another
 * session until it commits, and a REPEATABLE READ snapshot taken before keeps reading the
 * partitioned table without it.
 */
class PartitionVisibilityTest {

  @TempDir
  Path dir;

  @Test
  void partitionCreatedInABlockIsInvisibleToAnOlderSnapshot() {
    try (EngineFixture fx = EngineFixture.start(dir)) {
      Session a = fx.session();
      Session b = fx.session();
      exec(a, "create table v (id int, t text) partition by range (id)");
      exec(a, "create table v1 partition of v for values from (0) to (10)");
      exec(a, "insert into v values (1, 'one')");
      exec(b, "begin isolation level repeatable read");
      assertEquals(1L, ((Number) value(b, "select count(*) from v")).longValue());
      exec(a, "begin");
      exec(a, "create table v2 partition of v for values from (10) to (20)");
      exec(a, "insert into v values (11, 'eleven')");
      assertEquals(2L, ((Number) value(a, "select count(*) from v")).longValue());
      assertEquals(1L, ((Number) value(b, "select count(*) from v")).longValue());
      exec(a, "commit");
      assertEquals(1L, ((Number) value(b, "select count(*) from v")).longValue());
      exec(b, "commit");
      assertEquals(2L, ((Number) value(b, "select count(*) from v")).longValue());
      assertEquals("eleven", value(b, "select t from v2"));
    }
  }
}
