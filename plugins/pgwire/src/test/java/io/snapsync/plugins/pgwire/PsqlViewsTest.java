package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Views through psql: \dv, \d, reads and DROP ... CASCADE, compared with PostgreSQL 15. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PsqlViewsTest {

  private static final String SETUP = "CREATE TABLE t (id int PRIMARY KEY, name text);\n"
      + "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three');\n"
      + "CREATE VIEW big AS SELECT id, name FROM t WHERE id > 1;\n"
      + "CREATE VIEW names (label) AS SELECT upper(name) FROM big;";

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;
  private Psql ours;
  private Psql theirs;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-views");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
    ours = new Psql(snapsync.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync", Map.of());
    theirs = new Psql(postgres.port(), RealPostgres.USER, "", RealPostgres.DATABASE, Map.of());
    ours.run(SETUP);
    theirs.run(SETUP);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {ours, theirs, postgres, snapsync}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private void sameAsPostgres(String command) throws Exception {
    assertEquals(String.join("\n", theirs.run(command)), String.join("\n", ours.run(command)));
  }

  @Test
  void describeListsViews() throws Exception {
    sameAsPostgres("\\dv");
    sameAsPostgres("\\d");
  }

  @Test
  void readsThroughViewsMatchPostgres() throws Exception {
    sameAsPostgres("SELECT * FROM big ORDER BY id");
    sameAsPostgres("SELECT label FROM names ORDER BY 1");
    sameAsPostgres("SELECT b.name, n.label FROM big b JOIN names n ON upper(b.name) = n.label"
        + " ORDER BY 1");
  }
}
