package io.snapsync.core.sql.func;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL 15 server in a temp dir (Debian's binaries; the test is skipped when they
 * are absent), asked through psql for the first output line of one statement: the value, or
 * {@code ERROR:  <sqlstate>: <message>}. Runs as {@code postgres} when the tests run as root.
 */
public final class PostgresOracle implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final Path data;
  private final int port;

  private PostgresOracle(Path dir, Path data, int port) {
    this.dir = dir;
    this.data = data;
    this.port = port;
  }

  public static PostgresOracle start(Path tempDir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")),
        "PostgreSQL 15 server not installed (Debian package 'postgresql')");
    Path dir = Files.createDirectories(tempDir.resolve("pg"));
    if (isRoot()) {
      Files.setPosixFilePermissions(tempDir, PosixFilePermissions.fromString("rwx--x--x"));
      run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
    }
    Path data = dir.resolve("data");
    run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
        "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"), true);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l",
        dir.resolve("log").toString(), "-o", "-p " + port + " -k " + dir
            + " -c listen_addresses='' -c fsync=off -c lc_messages=C", "start"), true);
    return new PostgresOracle(dir, data, port);
  }

  /**
   * Each statement's single value as text ({@code ""} for NULL) or {@code ERROR:  sqlstate:
   * message}, from one psql session with TimeZone {@code zone}.
   */
  public List<String> values(List<String> selects, String zone) throws Exception {
    StringBuilder script = new StringBuilder(
        "create function pg_temp.try(q text) returns text language plpgsql as $f$\n"
        + "declare r text;\n"
        + "begin execute q into r; return coalesce(r, '');\n"
        + "exception when others then return 'ERROR:  ' || sqlstate || ': ' || sqlerrm;\n"
        + "end $f$;\n");
    for (String q : selects) {
      script.append("select pg_temp.try($q$").append(q).append("$q$);\n");
    }
    Path file = Files.writeString(dir.resolve("script.sql"), script);
    ProcessBuilder pb = new ProcessBuilder(BIN.resolve("psql").toString(), "-h", dir.toString(),
        "-p", String.valueOf(port), "-U", "postgres", "-AtX", "-f", file.toString())
        .redirectErrorStream(true);
    pb.environment().put("PGTZ", zone);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(0).equals("CREATE FUNCTION")) {
      lines.remove(0);
    }
    return lines.subList(0, Math.min(selects.size(), lines.size()));
  }

  /** Runs setup statements (DDL, inserts) in one psql session; fails when any fails. */
  void exec(String sql) throws Exception {
    execute(List.of(sql));
  }

  /** Runs statements that return no value (DDL, DML) in one psql session; stops at an error. */
  public void execute(List<String> statements) throws Exception {
    Path file = Files.writeString(dir.resolve("exec.sql"),
        String.join(";\n", statements) + ";\n");
    Process p = new ProcessBuilder(BIN.resolve("psql").toString(), "-h", dir.toString(),
        "-p", String.valueOf(port), "-U", "postgres", "-qAtX", "-v", "ON_ERROR_STOP=1", "-f",
        file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("psql failed: " + out);
    }
  }

  /** The server's socket directory (psql {@code -h}). */
  public Path socketDir() {
    return dir;
  }

  public int port() {
    return port;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> cmd, boolean asPostgres) throws Exception {
    List<String> full = new ArrayList<>();
    if (asPostgres && isRoot()) {
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
    run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
        "-w", "stop"), true);
  }
}
