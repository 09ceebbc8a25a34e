package io.snapsync.core.txn;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel-dump scenario in one node: an exporter's snapshot read by four importers over
 * disjoint key ranges while writers insert, update and delete.
 */
class ParallelDumpTest {

  static final int ROWS = 100_000;
  static final int BATCH = 2_000;

  @TempDir
  Path dir;

  @Test
  void fourImportersReadExactlyTheExportersSnapshotWhileWritersCommit() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session loader = e.session();
      exec(loader, "CREATE TABLE big (id bigint PRIMARY KEY, v text, n int)");
      for (int start = 0; start < ROWS; start += BATCH) {
        StringBuilder sb = new StringBuilder("INSERT INTO big VALUES ");
        for (int k = start; k < start + BATCH; k++) {
          sb.append(k == start ? "" : ",").append('(').append(k).append(",'v").append(k)
              .append("',").append(k % 1000).append(')');
        }
        exec(loader, sb.toString());
      }
      Session exporter = e.session();
      exec(exporter, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      String id = (String) value(exporter, "SELECT pg_export_snapshot()");

      // writers start committing changes all over the key space
      List<Session> writers = new ArrayList<>();
      List<Future<?>> writing = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        Session s = e.session();
        writers.add(s);
        Future<?> chain = Future.succeededFuture();
        for (int k = 0; k < 20; k++) {
          int key = w * 30_000 + k * 1_000 + 7;
          String sql = switch (k % 3) {
            case 0 -> "UPDATE big SET v = 'new' WHERE id = " + key;
            case 1 -> "DELETE FROM big WHERE id = " + key;
            default -> "INSERT INTO big VALUES (" + (ROWS + w * 100 + k) + ", 'ins', 0)";
          };
          chain = chain.compose(x -> s.execute(sql));
        }
        writing.add(chain);
      }

      List<Session> importers = new ArrayList<>();
      List<Future<List<StatementResult>>> reads = new ArrayList<>();
      long range = (ROWS + 1_000) / 4 + 1;
      for (int p = 0; p < 4; p++) {
        Session s = e.session();
        importers.add(s);
        long lo = p * range;
        long hi = lo + range;
        reads.add(s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
            + "SET TRANSACTION SNAPSHOT '" + id + "'; "
            + "SELECT * FROM big WHERE id >= " + lo + " AND id < " + hi + "; COMMIT"));
      }
      writing.forEach(EngineFixture::await);
      // the exporter's own read, after every writer committed
      List<List<Object>> expected = exec(exporter, "SELECT * FROM big").rows();
      assertEquals(ROWS, expected.size());
      List<List<Object>> union = new ArrayList<>();
      for (Future<List<StatementResult>> r : reads) {
        union.addAll(await(r).get(2).rows());
      }
      assertEquals(expected, union);
      // the writers did change the table meanwhile
      assertTrue((Long) value(loader, "SELECT count(*) FROM big WHERE v = 'new'") > 0);
      assertTrue((Long) value(loader, "SELECT count(*) FROM big WHERE v = 'ins'") > 0);
      exec(exporter, "COMMIT");
    }
  }
}
