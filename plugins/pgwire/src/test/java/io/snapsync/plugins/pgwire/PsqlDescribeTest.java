package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** psql's describe commands (\dt, \dn, \l, \du, ...) against snapsync, compared with PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PsqlDescribeTest {

  private static final String SETUP = "CREATE TABLE t (id int PRIMARY KEY, n int, name text);\n"
      + "CREATE TABLE u (k bigint PRIMARY KEY, v text);\n"
      + "CREATE TABLE w (a text NOT NULL, b bigint, c int, d boolean,"
      + " PRIMARY KEY (a, b));\n"
      + "CREATE TABLE nokey (x int, y text);";

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;
  private Psql ours;
  private Psql theirs;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-describe");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
    ours = new Psql(snapsync.port(), SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD,
        "snapsync", Map.of());
    theirs = new Psql(postgres.port(), RealPostgres.USER, "", RealPostgres.DATABASE, Map.of());
    ours.run(SETUP);
    theirs.run(SETUP);
    // snapsync's fixture users, as PostgreSQL roles without attributes
    theirs.run("CREATE ROLE alice LOGIN; CREATE ROLE monitor LOGIN;");
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {ours, theirs, postgres, snapsync}) {
      if (c != null) {
        c.close();
      }
    }
  }

  /** The same output from snapsync and PostgreSQL 15. */
  private void sameAsPostgres(String command) throws Exception {
    assertEquals(String.join("\n", theirs.run(command)), String.join("\n", ours.run(command)));
  }

  @Test
  void listTablesMatchesPostgres() throws Exception {
    sameAsPostgres("\\dt");
    sameAsPostgres("\\d");
  }

  @Test
  void listFunctionsAndTypesMatchPostgres() throws Exception {
    // Neither has user-defined functions or types.
    sameAsPostgres("\\df");
    sameAsPostgres("\\dT");
  }

  @Test
  void listSchemasShowsPublic() throws Exception {
    // PostgreSQL 15's public schema is owned by pg_database_owner; ours by the administrator.
    assertEquals(List.of("List of schemas", "Name|Owner", "public|admin", "(1 row)"),
        ours.run("\\dn"));
  }

  @Test
  void listDatabasesShowsSnapsync() throws Exception {
    List<String> lines = ours.run("\\l");
    assertEquals("Name|Owner|Encoding|Collate|Ctype|ICU Locale|Locale Provider|Access privileges",
        lines.get(1));
    assertTrue(lines.contains("snapsync|admin|UTF8|C|C||libc|"), String.join("\n", lines));
    assertTrue(theirs.run("\\l").contains("snapsync|admin|UTF8|C|C||libc|"));
  }


  @Test
  void describeUnknownRelationMatchesPostgres() throws Exception {
    sameAsPostgres("\\d nosuch");
  }

  @Test
  void listRolesMatchesPostgres() throws Exception {
    sameAsPostgres("\\du");
  }

  @Test
  void listIndexesSequencesAndViewsMatchPostgres() throws Exception {
    sameAsPostgres("\\di");
    sameAsPostgres("\\ds");
    sameAsPostgres("\\dv");
  }

  @Test
  void expandedOutputMatchesPostgres() throws Exception {
    sameAsPostgres("\\x on\n\\dt\n\\du\n\\x off");
  }
}
