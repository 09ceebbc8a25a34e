package io.snapsync.bench;

import io.snapsync.core.node.NodeInfo;
import io.snapsync.core.node.impl.NodeServicesImpl;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.impl.SessionManagerImpl;
import io.snapsync.core.sql.Database;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code SELECT id, pad FROM t WHERE a = $v} through the SQL engine on a table of
 * {@code rows} rows ({@code a = id % (rows / 10)}: ten matches per value), once with a
 * secondary index on {@code a} (an index scan: a seek, ten entries, ten row reads) and once
 * without (a full scan). In-process engine over a RocksDB store in a temp directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexLookupBenchmark {

  @Param("1000000")
  int rows;

  Vertx vertx;
  Store store;
  Database db;
  SessionManagerImpl sessions;
  Session session;
  final SplittableRandom random = new SplittableRandom(42);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Path dir = Files.createTempDirectory("index-bench");
    vertx = Vertx.vertx();
    FileUserDirectory users = FileUserDirectory.load(vertx,
        dir.resolve(FileUserDirectory.FILE_NAME), null, "bench");
    users.setPassword("bench", "bench-secret", List.of());
    NodeServicesImpl services = NodeServicesImpl.builder(vertx).dataDirectory(dir).users(users)
        .node(new NodeInfo("cn1", true, true)).build();
    store = Store.open(StoreOptions.defaults(dir.resolve("db")).withKvSpaces(Database.KV_SPACES)
        .withSyncCommits(false));
    db = Database.open(store, services);
    sessions = SessionManagerImpl.create(services, db);
    session = sessions.open("bench", "bench-secret", new JsonObject()).await();
    int distinct = rows / 10;
    for (String t : List.of("indexed", "plain")) {
      run("CREATE TABLE " + t + " (id int PRIMARY KEY, a int, pad text)");
      for (int from = 1; from <= rows; from += 100_000) {
        int to = Math.min(rows, from + 99_999);
        run("INSERT INTO " + t + " SELECT g, g % " + distinct + ", 'padding ' || g"
            + " FROM generate_series(" + from + ", " + to + ") g");
      }
    }
    run("CREATE INDEX indexed_a_idx ON indexed (a)");
    run("ANALYZE");
  }

  private List<StatementResult> run(String sql) {
    return session.execute(sql).await();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    sessions.closeAll().await();
    db.close();
    store.close();
    vertx.close().await();
  }

  @Benchmark
  public List<StatementResult> indexedLookup() {
    return run("SELECT id, pad FROM indexed WHERE a = " + random.nextInt(rows / 10));
  }

  @Benchmark
  public List<StatementResult> fullScanLookup() {
    return run("SELECT id, pad FROM plain WHERE a = " + random.nextInt(rows / 10));
  }
}
