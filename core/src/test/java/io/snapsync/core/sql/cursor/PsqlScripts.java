package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.types.PgValues;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One script of statements, one per line, run through psql ({@code -X -A}, terse errors)
 * against a private PostgreSQL 15, and the same statements run through a snapsync session and
 * printed the way psql prints them: header, rows and row count for results, the command tag
 * otherwise, {@code ERROR:  message} for errors.
 */
final class PsqlScripts implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final Path data;
  private final int port;

  private PsqlScripts(Path dir, Path data, int port) {
    this.dir = dir;
    this.data = data;
    this.port = port;
  }

  static PsqlScripts start(Path tempDir) throws Exception {
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
    return new PsqlScripts(dir, data, port);
  }

  /** psql's output of {@code statements} against PostgreSQL, without psql's line prefixes. */
  List<String> postgres(List<String> statements) throws Exception {
    StringBuilder script = new StringBuilder("\\set VERBOSITY terse\n");
    statements.forEach(s -> script.append(s).append(";\n"));
    Path file = Files.writeString(dir.resolve("script.sql"), script);
    if (isRoot()) {
      run(List.of("chown", "postgres", file.toString()), false);
    }
    ProcessBuilder pb = new ProcessBuilder(BIN.resolve("psql").toString(), "-h", dir.toString(),
        "-p", String.valueOf(port), "-U", "postgres", "-X", "-A", "-f", file.toString())
        .redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      lines.add(line.replaceFirst("^psql:[^:]*:[0-9]+: ", ""));
    }
    return lines;
  }

  /** The same statements through snapsync, printed as psql prints them. */
  static List<String> snapsync(EngineFixture fx, Session s, List<String> statements) {
    List<String> lines = new ArrayList<>();
    for (String sql : statements) {
      try {
        print(EngineFixture.exec(s, sql), lines);
      } catch (SnapsyncException e) {
        lines.add("ERROR:  " + fx.render(e.message())
            + (e.position() > 0 ? " at character " + e.position() : ""));
      }
    }
    return lines;
  }

  private static void print(StatementResult r, List<String> lines) {
    if (!r.hasRows()) {
      lines.add(r.commandTag());
      return;
    }
    List<String> header = new ArrayList<>();
    for (Column c : r.columns()) {
      header.add(c.name());
    }
    lines.add(String.join("|", header));
    for (List<Object> row : r.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Object v = row.get(i);
        cells.add(v == null ? "" : PgValues.toText(v, r.columns().get(i).type(),
            ZoneId.of("UTC")));
      }
      lines.add(String.join("|", cells));
    }
    lines.add(r.rows().size() == 1 ? "(1 row)" : "(" + r.rows().size() + " rows)");
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
