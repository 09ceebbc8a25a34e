package io.snapsync.bench.regress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the units of one regression file through one {@code psql} session (script on stdin,
 * as {@code pg_regress} does, so errors carry no file prefix) and cuts the merged
 * stdout/stderr into one output per unit. Before each unit the script prints a marker with
 * {@code \echo}; the output of unit {@code i} is everything between marker {@code i} and the
 * next one. A unit whose marker never appears (psql lost the statement boundaries, or the
 * time limit killed it) has no output ({@code null}).
 */
public final class PsqlRun {

  /** psql settings that every session gets, as {@code pg_regress} sets them. */
  public static final Map<String, String> REGRESS_ENV = Map.of(
      "PGTZ", "PST8PDT",
      "PGDATESTYLE", "Postgres, MDY",
      "PGCLIENTENCODING", "UTF8",
      "LC_ALL", "C.UTF-8",
      "PGAPPNAME", "pg_regress");

  private static final String MARK = "@@regress-unit ";

  private final Path psql;
  private final Map<String, String> env;
  private final long timeoutMillis;
  private Path keepDir;

  /**
   * @param psql the psql program
   * @param env extra environment of every session ({@code PG_ABS_SRCDIR}, ...), on top of
   *     {@link #REGRESS_ENV}
   * @param timeoutMillis wall-clock limit of one file's session
   */
  public PsqlRun(Path psql, Map<String, String> env, long timeoutMillis) {
    this.psql = psql;
    this.env = env;
    this.timeoutMillis = timeoutMillis;
  }

  /** Keeps each session's script and raw output in {@code dir} (named after the file). */
  public PsqlRun keepingOutputsIn(Path dir) {
    this.keepDir = dir;
    return this;
  }

  /** The outputs of {@code units} run in order on {@code server}, one per unit. */
  public Outputs run(Server server, String file, List<PsqlSplitter.Unit> units, Path workDir)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile(workDir, server.name() + "-", ".sql");
    Path out = Files.createTempFile(workDir, server.name() + "-", ".out");
    Files.writeString(script, script(units), StandardCharsets.UTF_8);
    ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-X", "-q", "-h", server.host(),
        "-p", String.valueOf(server.port()), "-U", server.user(), "-d", server.database(),
        "-v", "HIDE_TABLEAM=on", "-v", "HIDE_TOAST_COMPRESSION=on")
        .redirectErrorStream(true)
        .redirectInput(script.toFile())
        .redirectOutput(out.toFile());
    pb.environment().putAll(REGRESS_ENV);
    pb.environment().putAll(env);
    pb.environment().put("PGPASSWORD", server.password());
    long t0 = System.nanoTime();
    Process p = pb.start();
    boolean finished = p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    String text = Files.readString(out, StandardCharsets.UTF_8);
    if (keepDir != null) {
      Files.createDirectories(keepDir);
      Files.move(script, keepDir.resolve(file + "." + server.name() + ".sql"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(out, keepDir.resolve(file + "." + server.name() + ".out"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    Files.deleteIfExists(script);
    Files.deleteIfExists(out);
    int first = text.indexOf(MARK);
    String preamble = first < 0 ? text : text.substring(0, first);
    return new Outputs(cut(text, units.size()), preamble.strip(), !finished, millis);
  }

  /**
   * The outputs of one session.
   *
   * @param perUnit the output of each unit, {@code null} where its marker never appeared
   * @param preamble what psql printed before the first marker (a connection failure)
   * @param timedOut whether the session was killed at the time limit
   * @param millis wall-clock time of the session
   */
  public record Outputs(List<String> perUnit, String preamble, boolean timedOut, long millis) {
  }

  static String script(List<PsqlSplitter.Unit> units) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < units.size(); i++) {
      sb.append("\\echo ").append(MARK).append(i).append("@@\n");
      String text = units.get(i).text();
      sb.append(text);
      if (units.get(i).kind() == PsqlSplitter.Kind.SQL && !endsStatement(text)) {
        sb.append("\n;");
      }
      sb.append('\n');
    }
    sb.append("\\echo ").append(MARK).append("end@@\n");
    return sb.toString();
  }

  private static boolean endsStatement(String text) {
    String t = text.strip();
    return t.endsWith(";") || t.endsWith("\\.") || t.matches("(?s).*\\\\[a-z]+[^\n]*$");
  }

  static List<String> cut(String text, int n) {
    String[] outputs = new String[n];
    List<String> lines = Arrays.asList(text.split("\n", -1));
    int current = -1;
    List<String> buf = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("\\echo " + MARK)) {
        continue; // psql echoes its input under \set ECHO all (create_table does that)
      }
      if (line.startsWith(MARK) && line.endsWith("@@")) {
        flush(outputs, current, buf);
        String id = line.substring(MARK.length(), line.length() - 2);
        current = id.equals("end") ? -1 : parse(id, n);
        continue;
      }
      buf.add(line);
    }
    flush(outputs, current, buf);
    return Arrays.asList(outputs);
  }

  private static int parse(String id, int n) {
    try {
      int i = Integer.parseInt(id);
      return i >= 0 && i < n ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void flush(String[] outputs, int current, List<String> buf) {
    if (current >= 0) {
      outputs[current] = String.join("\n", buf);
    }
    buf.clear();
  }
}
