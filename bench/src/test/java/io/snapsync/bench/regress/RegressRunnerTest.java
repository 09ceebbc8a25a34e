package io.snapsync.bench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.node.Node;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The yardstick measured on a file whose outcome is known: a real PostgreSQL 15 (initdb in a
 * temp dir) and a real snapsync node (embedded, with the pgwire plugin) run a tiny
 * regression-like script through real psql sessions, and the counts must be exactly what the
 * script was written to give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RegressRunnerTest {

  private static final String PASSWORD = "regress-test-password";

  /**
   * Five statements (one of them PostgreSQL rejects) and one meta-command: the CREATE, INSERT
   * and SELECTs match, {@code version()} differs, the missing table fails on both.
   */
  private static final String SCRIPT = """
      -- a regression-like file
      CREATE TABLE items (id int PRIMARY KEY, name text);
      INSERT INTO items VALUES (1, 'a;b'); SELECT id, name FROM items WHERE id = 1;
      \\set answer 42
      SELECT version();
      SELECT * FROM no_such_table;
      """;

  private Path dir;
  private PrivatePostgres postgres;
  private Node node;

  @BeforeAll
  void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(PrivatePostgres.BIN.resolve("initdb"))
        && Files.isExecutable(Path.of("/usr/bin/psql")),
        "PostgreSQL 15 not installed (Debian packages postgresql, postgresql-client)");
    dir = Files.createTempDirectory("regress-runner");
    postgres = PrivatePostgres.start(PrivatePostgres.BIN, dir);
    node = Node.start(NodeConfig.of(new JsonObject()
        .put("dataDirectory", dir.resolve("node").toString())
        .put("pluginDirectory", "")
        .put("ports", new JsonObject().put("pgwire", PrivatePostgres.freePort())
            .put("console", PrivatePostgres.freePort()))
        .put("cluster", new JsonObject().put("enabled", false))
        .put("plugins", new JsonObject().put("wdr", new JsonObject().put("tickMillis", 0)))
        .put("security", new JsonObject().put("initialAdminPassword", PASSWORD)), "test"))
        .await();
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close().await();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void countsStatementsPostgresSuccessesAndIdenticalOutputs() throws Exception {
    int port = node.config().pgwirePort();
    Server snapsync = new Server("snapsync", "127.0.0.1", port, "admin", PASSWORD, "snapsync");
    PsqlRun psql = new PsqlRun(Path.of("/usr/bin/psql"), Map.of(), 60_000);
    FileResult r = new RegressRunner(psql, postgres.server(), snapsync, dir)
        .runFile("tiny", SCRIPT);

    assertEquals(5, r.statements(), r.toString());
    assertEquals(4, r.pgOk(), r.toString());
    assertEquals(3, r.identical(), r.toString());
    assertEquals(1, r.meta(), r.toString());
    assertEquals(1, r.metaIdentical(), r.toString());
    assertEquals(1, r.misses().size(), r.toString());
    Miss miss = r.misses().get(0);
    assertEquals(5, miss.line());
    assertEquals("SELECT version();", miss.statement());
    assertEquals("", r.note(), r.toString());
    assertTrue(RegressReport.table(List.of(r)).contains("| tiny | 5 | 4 | 3 | 75.0 |"),
        RegressReport.table(List.of(r)));
  }
}
