package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * psycopg2 (Debian's python3-psycopg2, unmodified): a small script using parameters,
 * executemany, copy_expert in both directions and an error prints the same against snapsync
 * as against a real PostgreSQL 15. Server-side (named) cursors need DECLARE, which snapsync
 * does not have yet; the script does not use them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Psycopg2Test {

  private static final String PYTHON = "/usr/bin/python3";

  @TempDir
  Path dir;

  @Test
  void scriptSeesWhatPostgresShows() throws Exception {
    Assumptions.assumeTrue(run(List.of(PYTHON, "-c", "import psycopg2")).startsWith("rc=0"),
        "psycopg2 not importable; install Debian package 'python3-psycopg2' to run this test");
    PgTools.serverBin("initdb");
    Path script = dir.resolve("psycopg2_client.py");
    try (InputStream in = getClass().getResourceAsStream("/psycopg2_client.py")) {
      Files.write(script, in.readAllBytes());
    }
    String theirs;
    try (RealPostgres pg = RealPostgres.start(dir)) {
      theirs = run(List.of(PYTHON, script.toString(), "127.0.0.1", String.valueOf(pg.port()),
          RealPostgres.USER, ""));
    }
    String ours;
    try (SnapsyncFixture node = SnapsyncFixture.start(dir.resolve("node"),
        PgWireOptions.SCRAM)) {
      ours = run(List.of(PYTHON, script.toString(), "127.0.0.1", String.valueOf(node.port()),
          SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD));
    }
    assertEquals("rc=0", theirs.lines().findFirst().orElse(""), theirs);
    assertEquals(theirs, ours);
  }

  /** {@code rc=<exit code>} then the process's merged output. */
  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "rc=timeout\n" + out;
    }
    return "rc=" + p.exitValue() + "\n" + out;
  }
}
