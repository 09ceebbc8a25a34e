package io.snapsync.bench.regress;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server for the comparison: {@code initdb} in a temporary directory
 * (trust authentication, UTF8, C locale, as {@code pg_regress --no-locale} would), started
 * with {@code pg_ctl} on a free loopback port, and the database {@code snapsync} created (the
 * only database a snapsync node has). As root the server runs as the {@code postgres} user.
 * {@link #close()} stops it; the caller deletes the directory.
 */
public final class PrivatePostgres implements AutoCloseable {

  /** Debian's PostgreSQL 15 server programs. */
  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
  /** The login user, the same name snapsync's SYSADMIN has. */
  public static final String USER = "admin";
  /** The database, the one snapsync has. */
  public static final String DATABASE = "snapsync";

  private final Path bin;
  private final Path data;
  private final int port;

  private PrivatePostgres(Path bin, Path data, int port) {
    this.bin = bin;
    this.data = data;
    this.port = port;
  }

  /** Starts a server with its files under {@code dir} (created). */
  public static PrivatePostgres start(Path bin, Path dir) throws IOException,
      InterruptedException {
    Path pgDir = Files.createDirectories(dir.resolve("pg"));
    if (isRoot()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      run(List.of("chown", "-R", "postgres:postgres", pgDir.toString()), false);
    }
    Path data = pgDir.resolve("data");
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
        "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"), true);
    int port = freePort();
    String opts = "-p " + port + " -k " + pgDir + " -h 127.0.0.1 -c fsync=off"
        + " -c lc_messages=C -c max_prepared_transactions=10";
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "120",
        "-l", pgDir.resolve("server.log").toString(), "-o", opts, "start"), true);
    PrivatePostgres pg = new PrivatePostgres(bin, data, port);
    run(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
        String.valueOf(port), "-U", USER, DATABASE), false);
    return pg;
  }

  /** psql's view of this server. */
  public Server server() {
    return new Server("postgresql", "127.0.0.1", port, USER, "", DATABASE);
  }

  /** The server's version string. */
  public String version() throws IOException, InterruptedException {
    return run(List.of(bin.resolve("postgres").toString(), "--version"), false).strip();
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String run(List<String> cmd, boolean asPostgres) throws IOException,
      InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres && isRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("command failed: " + full + "\n" + out);
    }
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
        "-w", "stop"), true);
  }
}
