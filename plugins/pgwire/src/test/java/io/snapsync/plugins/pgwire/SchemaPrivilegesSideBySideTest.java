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
 * Issue 18, privileges on schemas and functions: the same psql session script of USAGE and
 * CREATE on a schema, EXECUTE on a function, their owners and has_schema_privilege /
 * has_function_privilege, against snapsync and a real PostgreSQL 15, gives the same command
 * tags, rows and error texts (PostgreSQL's error position lines are dropped).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SchemaPrivilegesSideBySideTest {

  private Path dir;
  private SnapsyncFixture node;
  private RealPostgres postgres;

  /** One step: who runs it (with that user's password on snapsync) and the SQL. */
  private record Step(String user, String sql) {
  }

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    dir = Files.createTempDirectory("pgwire-schema-priv");
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
      new Step("admin", "CREATE USER carol PASSWORD 'carol-pw'"),
      new Step("admin", "CREATE SCHEMA s"),
      new Step("admin", "ALTER SCHEMA s OWNER TO bob"),
      new Step("bob", "CREATE TABLE s.t (id int PRIMARY KEY, v text)"),
      new Step("bob", "INSERT INTO s.t VALUES (1, 'x')"),
      new Step("bob", "GRANT SELECT ON s.t TO carol"),
      new Step("carol", "SELECT v FROM s.t"),
      new Step("carol", "CREATE TABLE s.c (id int)"),
      new Step("carol", "SELECT has_schema_privilege('s', 'USAGE'), has_schema_privilege('s', 'CREATE')"),
      new Step("carol", "DROP SCHEMA s"),
      new Step("carol", "ALTER SCHEMA s RENAME TO r"),
      new Step("carol", "GRANT USAGE ON SCHEMA s TO carol"),
      new Step("bob", "GRANT USAGE ON SCHEMA s TO carol"),
      new Step("carol", "SELECT v FROM s.t"),
      new Step("carol", "INSERT INTO s.t VALUES (2, 'y')"),
      new Step("carol", "CREATE TABLE s.c (id int)"),
      new Step("carol", "SELECT has_schema_privilege('s', 'USAGE, CREATE')"),
      new Step("bob", "GRANT CREATE ON SCHEMA s TO carol"),
      new Step("carol", "CREATE TABLE s.c (id int)"),
      new Step("carol", "DROP TABLE s.c"),
      new Step("bob", "REVOKE USAGE ON SCHEMA s FROM carol"),
      new Step("carol", "SELECT v FROM s.t"),
      new Step("admin", "SELECT has_schema_privilege('carol', 's', 'USAGE'),"
          + " has_schema_privilege('carol', 's', 'CREATE')"),
      new Step("admin", "SELECT has_schema_privilege('s', 'SELECT')"),
      new Step("admin", "SELECT has_schema_privilege('nope', 'USAGE')"),
      new Step("admin", "REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
      new Step("carol", "CREATE TABLE c (id int)"),
      new Step("admin", "GRANT CREATE ON SCHEMA public TO PUBLIC"),
      new Step("bob", "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'"),
      new Step("carol", "SELECT twice(21)"),
      new Step("carol", "SELECT has_function_privilege('twice(integer)', 'EXECUTE')"),
      new Step("bob", "REVOKE EXECUTE ON FUNCTION twice(int) FROM PUBLIC"),
      new Step("carol", "SELECT twice(21)"),
      new Step("carol", "SELECT has_function_privilege('twice(integer)', 'EXECUTE')"),
      new Step("carol", "DROP FUNCTION twice(int)"),
      new Step("carol", "ALTER FUNCTION twice(int) OWNER TO carol"),
      new Step("carol", "GRANT EXECUTE ON FUNCTION twice(int) TO carol"),
      new Step("bob", "GRANT EXECUTE ON FUNCTION twice(integer) TO carol"),
      new Step("carol", "SELECT twice(21)"),
      new Step("admin", "SELECT has_function_privilege('carol', 'twice(integer)', 'EXECUTE')"),
      new Step("admin", "DROP ROLE bob"),
      new Step("bob", "DROP FUNCTION twice(int)"),
      new Step("bob", "DROP TABLE s.t"),
      new Step("admin", "DROP SCHEMA s"),
      new Step("admin", "DROP ROLE bob, carol"));

  @Test
  void sameScriptSameOutcomes() throws Exception {
    List<String> ours = new ArrayList<>();
    List<String> theirs = new ArrayList<>();
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

  private static String password(String user) {
    return switch (user) {
      case "admin" -> SnapsyncFixture.ADMIN_PASSWORD;
      default -> user + "-pw";
    };
  }

  /** psql's output of the statements, without DETAIL / HINT and error position lines. */
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
    return out.lines().filter(l -> !l.startsWith("DETAIL:") && !l.startsWith("HINT:")
        && !l.startsWith("LINE ") && !l.matches(" *\\^"))
        .map(l -> l.replaceAll("^psql:[^ ]* ", "")).collect(Collectors.joining("\n")).trim();
  }
}
