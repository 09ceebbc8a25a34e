package io.snapsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the README's "A first session" runs as written on a fresh node started by the
 * launcher, with real psql: session 1 keeps its transaction open while a second psql imports
 * its snapshot; the example ids are replaced by the ones the node printed; after each
 * {@code create_wdr_snapshot()} the test waits, as the README says, until the snapshot is
 * listed. The banner names the psql port and the console URL.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReadmeFirstSessionTest {

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-F]{16}-[0-9A-F]+");

  /** The SQL block of the README section "A first session". */
  static List<String> readmeSession() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## A first session");
    int start = readme.indexOf("```sql\n", section) + "```sql\n".length();
    int end = readme.indexOf("```", start);
    return List.of(readme.substring(start, end).split("\n"));
  }

  private static ProcessBuilder psql(int port, String password, String... args) {
    List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v",
        "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "admin",
        "snapsync"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", password);
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    return pb;
  }

  private static String run(int port, String password, String sql) throws Exception {
    Process p = psql(port, password, "-c", sql).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql did not finish: " + sql);
    assertEquals(0, p.exitValue(), sql + " -> " + out);
    assertTrue(!out.contains("ERROR"), sql + " -> " + out);
    return out.trim();
  }

  private static String firstId(String text) {
    Matcher m = SNAPSHOT_ID.matcher(text);
    assertTrue(m.find(), "no snapshot id in: " + text);
    return m.group();
  }

  @Test
  void theReadmesFirstSessionRunsOnAFreshNode(@TempDir Path dir) throws Exception {
    int pg = TestNodes.freePort();
    int console = TestNodes.freePort();
    Path conf = dir.resolve("snapsync.yaml");
    Files.writeString(conf, "dataDirectory: " + dir.resolve("data") + "\n"
        + "pluginDirectory: \"\"\n" + "cluster:\n  enabled: false\n"
        + "ports:\n  pgwire: " + pg + "\n  console: " + console + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.Io io = new Main.Io(Map.of(), new java.io.ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    Node node = Main.startNode(conf, io);
    try {
      String banner = out.toString(StandardCharsets.UTF_8);
      assertTrue(banner.contains("psql -h 127.0.0.1 -p " + pg + " -U admin snapsync"), banner);
      assertTrue(banner.contains("console:        http://127.0.0.1:" + console + "/"), banner);
      String password = Files.readString(dir.resolve("data").resolve("initial-admin-password"))
          .trim();
      List<String> lines = readmeSession();
      int second = indexOf(lines, "-- session 2");
      int wdr = indexOf(lines, "-- WDR");
      // session 1: its statements, the exported id written to a file, the transaction open
      Path idFile = dir.resolve("snapshot-id");
      Process s1 = psql(pg, password).start();
      OutputStream in1 = s1.getOutputStream();
      StringBuilder first = new StringBuilder();
      for (String l : lines.subList(0, second)) {
        first.append(l.replaceAll("--.*$", "").replace("SELECT pg_export_snapshot();", "SELECT pg_export_snapshot() "
            + "AS exported \\gset")).append('\n');
      }
      first.append("\\o ").append(idFile).append("\n\\qecho :exported\n\\o\n");
      in1.write(first.toString().getBytes(StandardCharsets.UTF_8));
      in1.flush();
      String exported = waitForId(idFile, s1);
      // session 2: the README's lines, the ids being the ones the node printed
      StringBuilder script = new StringBuilder();
      for (String l : lines.subList(second, wdr)) {
        script.append(l.replaceAll("--.*$", "").replace("'0000000000000007-1'", "'" + exported + "'")
            .replaceAll("SELECT snapsync_export_snapshot\\('([^']*)'\\);",
                "SELECT snapsync_export_snapshot('$1') AS durable \\\\gset")
            .replaceAll("snapsync_release_snapshot\\('[^']*'\\)",
                "snapsync_release_snapshot(:'durable')")).append('\n');
      }
      Path script2 = Files.writeString(dir.resolve("session2.sql"), script.toString());
      Process s2 = psql(pg, password, "-f", script2.toString()).start();
      String s2out = new String(s2.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(s2.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, s2.exitValue(), script + " -> " + s2out);
      assertTrue(!s2out.contains("ERROR"), s2out);
      assertTrue(s2out.lines().anyMatch(x -> x.trim().equals("2")),
          "session 2 counts what session 1 sees: " + s2out);
      in1.write("COMMIT;\n\\q\n".getBytes(StandardCharsets.UTF_8));
      in1.close();
      assertTrue(s1.waitFor(60, TimeUnit.SECONDS));
      String s1out = new String(s1.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, s1.exitValue(), s1out);
      // WDR: each create_wdr_snapshot() only queues a request; wait until it is listed
      for (String l : lines.subList(wdr, lines.size())) {
        String sql = l.replaceAll("--.*$", "").trim();
        if (sql.isEmpty()) {
          continue;
        }
        int before = Integer.parseInt(run(pg, password, "SELECT count(*) FROM snapshot"));
        run(pg, password, sql);
        if (sql.startsWith("SELECT create_wdr_snapshot()")) {
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
          while (Integer.parseInt(run(pg, password, "SELECT count(*) FROM snapshot")) <= before) {
            assertTrue(System.nanoTime() < deadline, "the snapshot was never listed");
            Thread.onSpinWait();
          }
        }
      }
    } finally {
      node.close().await();
    }
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("README session has no line " + prefix);
  }

  private static String waitForId(Path file, Process psql) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      if (Files.exists(file)) {
        String text = Files.readString(file);
        Matcher m = SNAPSHOT_ID.matcher(text);
        if (m.find()) {
          return m.group();
        }
      }
      if (!psql.isAlive()) {
        throw new AssertionError("session 1 ended: " + new String(
            psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      assertTrue(System.nanoTime() < deadline, "session 1 never exported a snapshot");
      Thread.onSpinWait();
    }
  }
}
