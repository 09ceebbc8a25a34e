package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.Scenario;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPEC section 4 scenarios, driven through real {@code psql} processes (two or three
 * concurrent sessions each) against snapsync over SCRAM-SHA-256, and the same scripts against a
 * real PostgreSQL 15: rows, command tags, SQLSTATEs and messages must match, except for steps
 * where the SPEC differs from PostgreSQL, which must give the SPEC's outcome instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PsqlScenarioTest {

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-psql");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (snapsync != null) {
      snapsync.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"export_import.sql", "import_errors.sql", "export_rules.sql",
      "concurrent_update.sql", "vanished_client.sql", "errors.sql", "transactions.sql",
      "dml.sql", "ssi_anomalies.sql", "snapshot_rules.sql"})
  void scenarioMatchesPostgres(String name) throws Exception {
    Scenario scenario = Scenario.load(name);
    Scenario.Result ours = scenario.run(new Scenario.Target(snapsync.port(),
        SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD, "snapsync"));
    Scenario.Result theirs = scenario.run(new Scenario.Target(postgres.port(),
        RealPostgres.USER, "", RealPostgres.DATABASE));
    String both = "\n--- snapsync\n" + String.join("\n", ours.lines())
        + "\n--- postgresql\n" + String.join("\n", theirs.lines());
    assertTrue(ours.lines().stream().noneMatch(l -> l.contains("FATAL")
        || l.contains("psql exited") || l.contains("could not connect")), both);
    assertEquals(List.of(), ours.unmet(), both);
    assertEquals(String.join("\n", theirs.comparable()), String.join("\n", ours.comparable()),
        both);
  }
}
