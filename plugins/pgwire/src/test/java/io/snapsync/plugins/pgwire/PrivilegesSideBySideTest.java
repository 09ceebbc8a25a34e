package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 18, privileges on data: the same psql session script of roles, ownership and
 * GRANT / REVOKE against snapsync (SCRAM logins of users created by SQL) and a real PostgreSQL
 * 15 gives the same command tags, rows and error texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PrivilegesSideBySideTest {

  private Path dir;
  private SnapsyncFixture node;
  private RealPostgres postgres;

  /** One step: who runs it (with that user's password on snapsync) and the SQL. */
  private record Step(String user, String sql) {
  }

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    dir = Files.createTempDirectory("pgwire-priv");
    node = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static final List<Step> SCRIPT = List.of(
      new Step("admin", "GRANT CREATE ON SCHEMA public TO PUBLIC"),
      new Step("admin", "CREATE USER bob PASSWORD 'bob-pw'"),
      new Step("admin", "CREATE USER carol WITH LOGIN PASSWORD 'carol-pw'"),
      new Step("admin", "CREATE ROLE bob"),
      new Step("admin", "DROP ROLE nobody"),
      new Step("admin", "DROP ROLE IF EXISTS nobody"),
      new Step("bob", "CREATE TABLE t (id int PRIMARY KEY, v text)"),
      new Step("bob", "INSERT INTO t VALUES (1, 'x')"),
      new Step("carol", "SELECT v FROM t"),
      new Step("carol", "INSERT INTO t VALUES (2, 'y')"),
      new Step("carol", "UPDATE t SET v = 'z' WHERE id = 1"),
      new Step("carol", "DELETE FROM t WHERE id = 1"),
      new Step("carol", "TRUNCATE t"),
      new Step("carol", "COPY t TO STDOUT"),
      new Step("carol", "DROP TABLE t"),
      new Step("carol", "ALTER TABLE t OWNER TO carol"),
      new Step("carol", "GRANT SELECT ON t TO carol"),
      new Step("carol", "CREATE ROLE x"),
      new Step("carol", "DROP ROLE bob"),
      new Step("carol", "ALTER ROLE bob RENAME TO robert"),
      new Step("bob", "GRANT USAGE ON t TO carol"),
      new Step("bob", "GRANT SELECT ON t TO nobody"),
      new Step("bob", "GRANT SELECT ON t TO carol"),
      new Step("carol", "SELECT v FROM t"),
      new Step("carol", "COPY t TO STDOUT"),
      new Step("carol", "INSERT INTO t VALUES (2, 'y')"),
      new Step("bob", "GRANT INSERT ON t TO PUBLIC"),
      new Step("carol", "INSERT INTO t VALUES (2, 'y')"),
      new Step("bob", "REVOKE ALL ON t FROM carol, PUBLIC"),
      new Step("carol", "SELECT v FROM t"),
      new Step("admin", "DROP ROLE bob"),
      new Step("admin", "DROP ROLE admin"),
      new Step("admin", "ALTER TABLE t OWNER TO carol"),
      new Step("carol", "SELECT v FROM t ORDER BY id"),
      new Step("bob", "SELECT v FROM t"),
      new Step("admin", "ALTER USER carol RENAME TO caroline"),
      new Step("admin", "DROP TABLE t"),
      new Step("admin", "DROP ROLE bob, caroline"));

  @Test
  void sameScriptSameOutcomes() throws Exception {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
    // consecutive steps of one user run in one psql (one -c per step, in order)
    for (int i = 0; i < SCRIPT.size();) {
      String user = SCRIPT.get(i).user();
      List<String> sql = new ArrayList<>();
      while (i < SCRIPT.size() && SCRIPT.get(i).user().equals(user)) {
        sql.add(SCRIPT.get(i++).sql());
      }
      String head = user + "> " + String.join("; ", sql) + "\n";
      ours.add(head + psql(node.port(), user, password(user), sql));
      theirs.add(head + psql(postgres.port(), user, "", sql));
    }
    assertEquals(String.join("\n", theirs), String.join("\n", ours));
  }

  @Test
  void aUserCreatedBySqlLogsInThroughPsqlAtOnce() throws Exception {
    assertEquals("CREATE ROLE", psql(node.port(), "admin", SnapsyncFixture.ADMIN_PASSWORD,
        List.of("CREATE USER erin PASSWORD 'erin-pw'")));
    assertEquals("erin", psql(node.port(), "erin", "erin-pw", List.of("SELECT current_user")));
    psql(node.port(), "admin", SnapsyncFixture.ADMIN_PASSWORD,
        List.of("ALTER ROLE erin PASSWORD 'new'"));
    assertTrue(psql(node.port(), "erin", "erin-pw", List.of("SELECT 1"))
        .contains("password authentication failed for user \"erin\""));
    assertEquals("1", psql(node.port(), "erin", "new", List.of("SELECT 1")));
    psql(node.port(), "admin", SnapsyncFixture.ADMIN_PASSWORD, List.of("DROP ROLE erin"));
    assertTrue(psql(node.port(), "erin", "new", List.of("SELECT 1"))
        .contains("password authentication failed for user \"erin\""));
  }

  private static String password(String user) {
    return switch (user) {
      case "admin" -> SnapsyncFixture.ADMIN_PASSWORD;
      default -> user + "-pw";
    };
  }

  /** psql's output of the statements, without DETAIL / HINT lines (their wording may differ). */
  private static String psql(int port, String user, String password, List<String> sql)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PgTools.psql().toString(), "-X", "-A", "-t",
        "host=127.0.0.1 port=" + port + " user=" + user + " dbname=snapsync"));
    for (String s : sql) {
      cmd.add("-c");
      cmd.add(s);
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
    return out.lines().filter(l -> !l.startsWith("DETAIL:") && !l.startsWith("HINT:"))
        .map(l -> l.replaceAll("^psql:[^ ]* ", "")).collect(Collectors.joining("\n")).trim();
  }
}
