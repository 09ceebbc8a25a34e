package io.snapsync.plugins.pgwire.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One interactive {@code psql} process (a real client session) driven step by step: each
 * {@link #run} sends statements, then an {@code \echo} marker, and returns what psql printed
 * (results, command tags, errors and notices, stdout and stderr merged in order) up to it.
 */
public final class Psql implements AutoCloseable {

  private static final String MARK = "@@step-done@@";

  private final Process process;
  private final Writer in;
  private final BufferedReader out;

  public Psql(int port, String user, String password, String database, Map<String, String> env)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of("stdbuf", "-oL", "-eL",
        PgTools.psql().toString(), "-X", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
        user, "-d", database, "-A", "-v", "VERBOSITY=verbose", "-v", "SHOW_CONTEXT=never", "-P",
        "pager=off"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password == null ? "" : password);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    pb.environment().put("LC_ALL", "C.UTF-8");
    pb.environment().remove("PGOPTIONS");
    pb.environment().putAll(env);
    process = pb.start();
    in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
  }

  /** Sends {@code sql} (one or more lines) and returns psql's output for it. */
  public List<String> run(String sql) throws IOException {
    in.write(sql + "\n\\echo " + MARK + "\n");
    in.flush();
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = out.readLine()) != null) {
      if (line.equals(MARK)) {
        return lines;
      }
      lines.add(line);
    }
    lines.add("<psql exited: " + waitExit() + ">");
    return lines;
  }

  /**
   * Sends {@code sql} without waiting for its output (a statement that runs for ever); the
   * output is not read, so use this only before {@link #kill}.
   */
  public void send(String sql) throws IOException {
    in.write(sql + "\n");
    in.flush();
  }

  private int waitExit() {
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      return process.isAlive() ? -1 : process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Kills the client abruptly with SIGKILL (no Terminate message) and waits until it is gone:
   * the server sees a vanished client.
   */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      in.write("\\q\n");
      in.flush();
    } catch (IOException ignored) {
      // already gone
    }
    if (waitExit() == -1) {
      process.destroyForcibly();
    }
  }
}
