package io.snapsync.bench.load;

import io.snapsync.core.eventbus.SnapsyncClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of the node per open session and per live exported snapshot, from 1 to N sessions:
 * the node's live heap ({@code jcmd <pid> GC.class_histogram}, taken after a full GC),
 * measured as sessions (event-bus sessions) are opened and then as each of them exports a
 * snapshot and keeps its transaction open.
 */
final class MemoryBench {

  /** One step: how many sessions / live exports, the used heap, and bytes per item. */
  record Step(String what, int count, long usedBytes, double bytesPerItem) {
  }

  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private MemoryBench() {
  }

  static List<Step> run(EventBusBench bus, long nodePid, int[] steps) throws Exception {
    List<Step> out = new ArrayList<>();
    long base = usedHeap(nodePid);
    out.add(new Step("sessions", 0, base, 0));
    List<SnapsyncClient.ClientSession> sessions = new ArrayList<>();
    for (int n : steps) {
      sessions.addAll(bus.open(n - sessions.size()));
      long used = usedHeap(nodePid);
      out.add(new Step("sessions", n, used, (used - base) / (double) n));
      System.out.printf("  %d sessions: heap %.1f MB%n", n, used / 1048576.0);
    }
    long withSessions = usedHeap(nodePid);
    int exported = 0;
    for (int n : steps) {
      List<SnapsyncClient.ClientSession> next = sessions.subList(exported, n);
      EventBusBench.runOnAll(next, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      EventBusBench.runOnAll(next, "SELECT pg_export_snapshot()");
      exported = n;
      long used = usedHeap(nodePid);
      out.add(new Step("live exported snapshots", n, used, (used - withSessions) / (double) n));
      System.out.printf("  %d live exports: heap %.1f MB%n", n, used / 1048576.0);
    }
    EventBusBench.runOnAll(sessions, "COMMIT");
    EventBusBench.closeAll(sessions);
    return out;
  }

  /**
   * Live heap bytes of the JVM {@code pid}: the total of {@code jcmd GC.class_histogram}, which
   * counts reachable objects after a full GC (more exact than the region-granular used heap).
   */
  static long usedHeap(long pid) throws IOException, InterruptedException {
    String histogram = jcmd(pid, "GC.class_histogram");
    Matcher m = TOTAL.matcher(histogram);
    if (!m.find()) {
      throw new IOException("cannot read the total of jcmd GC.class_histogram");
    }
    return Long.parseLong(m.group(1));
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    String javaHome = System.getProperty("java.home");
    Process p = new ProcessBuilder(javaHome + "/bin/jcmd", Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + text);
    }
    return text;
  }
}
