package io.snapsync.plugins.pgwire.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 15 server in a temporary directory on loopback, for comparing outcomes:
 * trust authentication, user {@code admin}, database {@code snapsync}, prepared transactions
 * enabled. When the tests run as root the server runs as the {@code postgres} user.
 */
public final class RealPostgres implements AutoCloseable {

  public static final String USER = "admin";
  public static final String DATABASE = "snapsync";

  private final Path dataDir;
  private final int port;

  private RealPostgres(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  public static RealPostgres start(Path tempDir) throws Exception {
    Path initdb = PgTools.serverBin("initdb");
    Path pgCtl = PgTools.serverBin("pg_ctl");
    Path dir = Files.createDirectories(tempDir.resolve("pg"));
    if (PgTools.isRoot()) {
      // the server runs as postgres: it must be able to traverse the (root-only) temp dir
      Files.setPosixFilePermissions(tempDir,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
    }
    Path data = dir.resolve("data");
    run(List.of(initdb.toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
        "--no-sync", "-E", "UTF8", "--locale=C"), true);
    int port = PgTools.freePort();
    String opts = "-p " + port + " -k " + dir + " -h 127.0.0.1 -c max_prepared_transactions=10"
        + " -c fsync=off -c lc_messages=C";
    run(List.of(pgCtl.toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
        dir.resolve("log").toString(), "-o", opts, "start"), true);
    RealPostgres pg = new RealPostgres(data, port);
    run(List.of(PgTools.serverBin("createdb").toString(), "-h", "127.0.0.1", "-p",
        String.valueOf(port), "-U", USER, DATABASE), false);
    return pg;
  }

  public int port() {
    return port;
  }

  private static void run(List<String> cmd, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres && PgTools.isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("command failed: " + full + "\n" + out);
    }
  }

  @Override
  public void close() throws Exception {
    run(List.of(PgTools.serverBin("pg_ctl").toString(), "-D", dataDir.toString(), "-m",
        "immediate", "-w", "stop"), true);
  }
}
