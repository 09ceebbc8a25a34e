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
 * Schema scenarios (tables of any shape) through real {@code psql} against snapsync and a real
 * PostgreSQL 15: rows, command tags, SQLSTATEs and messages must match. Its own class so the
 * schema branch merges clean; the lead may fold {@code schema.sql} into {@link PsqlScenarioTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchemaScenarioTest {

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-schema");
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
  @ValueSource(strings = {"schema.sql"})
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
