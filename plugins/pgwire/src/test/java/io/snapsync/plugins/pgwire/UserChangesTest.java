package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: users, passwords and roles changed in the users file by another process (as
 * {@code bin/snapsync passwd} does, through its own {@link FileUserDirectory}) reach logins and
 * role checks over the PostgreSQL protocol of a running node, with real psql and SCRAM.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserChangesTest {

  /** The node notices a change within its watch period; allow generously more. */
  private static final long DEADLINE_MILLIS = 10_000;

  @TempDir
  Path dir;

  private static String psql(int port, String user, String password, String sql)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(PgTools.psql().toString(), "-X", "-A", "-t",
        "-v", "VERBOSITY=verbose", "host=127.0.0.1 port=" + port + " user=" + user
            + " dbname=snapsync", "-c", sql).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("LC_ALL", "C.UTF-8");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
    return "exit " + p.exitValue() + ": " + out.trim();
  }

  /** Runs psql until its output satisfies {@code ok} (the change has been noticed). */
  private static String eventually(int port, String user, String password, String sql,
      Predicate<String> ok) throws Exception {
    long end = System.currentTimeMillis() + DEADLINE_MILLIS;
    String last;
    do {
      last = psql(port, user, password, sql);
      if (ok.test(last)) {
        return last;
      }
    } while (System.currentTimeMillis() < end);
    throw new AssertionError("still after " + DEADLINE_MILLIS + " ms: " + last);
  }

  @Test
  void newUsersPasswordChangesAndDemotionsReachPsql() throws Exception {
    try (SnapsyncFixture node = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM)) {
      int port = node.port();
      Path file = ((FileUserDirectory) node.services.users()).file();
      FileUserDirectory passwd = FileUserDirectory.load(null, file, null, "passwd");

      passwd.setPassword("bob", "first-pw", List.of(Roles.SYSADMIN));
      eventually(port, "bob", "first-pw", "SELECT 42", o -> o.equals("exit 0: 42"));

      passwd.setPassword("bob", "second-pw", List.of(Roles.SYSADMIN));
      eventually(port, "bob", "second-pw", "SELECT 1", o -> o.equals("exit 0: 1"));
      String old = psql(port, "bob", "first-pw", "SELECT 1");
      assertTrue(old.startsWith("exit 2") && old.contains("password authentication failed"), old);

      eventually(port, "bob", "second-pw",
          "ALTER SYSTEM SET eventbus_session_idle_timeout = '9min'",
          o -> o.equals("exit 0: ALTER SYSTEM"));
      passwd.setPassword("bob", "second-pw", List.of());
      eventually(port, "bob", "second-pw",
          "ALTER SYSTEM SET eventbus_session_idle_timeout = '8min'",
          o -> o.startsWith("exit 1") && o.contains("42501"));
    }
  }
}
