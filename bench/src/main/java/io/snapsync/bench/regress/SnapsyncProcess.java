package io.snapsync.bench.regress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private snapsync node: the launcher jar ({@code launcher/target/snapsync.jar}, started the
 * way {@code bin/snapsync} starts it) with a temporary data directory, its own ports and
 * cluster name on loopback, and the generated SYSADMIN password read from the data directory.
 * {@link #close()} stops the process.
 */
public final class SnapsyncProcess implements AutoCloseable {

  private static final List<String> JVM_OPTS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private final Process process;
  private final int port;
  private final String password;

  private SnapsyncProcess(Process process, int port, String password) {
    this.process = process;
    this.port = port;
    this.password = password;
  }

  /** Starts the node of the source tree {@code home}, files under {@code dir} (created). */
  public static SnapsyncProcess start(Path home, Path dir) throws IOException,
      InterruptedException {
    Path jar = home.resolve("launcher/target/snapsync.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IOException(jar + " is missing: build it with mvn -DskipTests package -pl "
          + "launcher -am");
    }
    Path ssDir = Files.createDirectories(dir.resolve("snapsync"));
    Path data = ssDir.resolve("data");
    int port = PrivatePostgres.freePort();
    int hz = PrivatePostgres.freePort();
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(JVM_OPTS);
    cmd.addAll(List.of("-Dsnapsync.home=" + home, "-jar", jar.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ssDir.toFile())
        .redirectErrorStream(true).redirectOutput(ssDir.resolve("node.log").toFile());
    pb.environment().putAll(Map.of(
        "SNAPSYNC_DATA_DIR", data.toString(),
        "SNAPSYNC_PGWIRE_PORT", String.valueOf(port),
        "SNAPSYNC_CONSOLE_PORT", String.valueOf(PrivatePostgres.freePort()),
        "SNAPSYNC_CLUSTER_NAME", "snapsync-regress-" + ProcessHandle.current().pid(),
        "SNAPSYNC_CLUSTER_HOST", "127.0.0.1",
        "SNAPSYNC_CLUSTER_PORT", String.valueOf(hz),
        "SNAPSYNC_CLUSTER_MEMBERS", "127.0.0.1:" + hz,
        "SNAPSYNC_BIND_ADDRESS", "127.0.0.1",
        "SNAPSYNC_PLUGIN_DIR", ssDir.resolve("plugins").toString()));
    Process p = pb.start();
    Path pwFile = data.resolve("initial-admin-password");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!(Files.isRegularFile(pwFile) && Files.size(pwFile) > 0 && listening(port))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("snapsync did not start; see " + ssDir.resolve("node.log"));
      }
      // Polling the process's start-up from outside: there is no event to wait on.
      Thread.sleep(250);
    }
    return new SnapsyncProcess(p, port, Files.readString(pwFile).strip());
  }

  /** psql's view of this node. */
  public Server server() {
    return new Server("snapsync", "127.0.0.1", port, "admin", password, "snapsync");
  }

  /** Whether the node is still running (it may crash under a statement). */
  public boolean alive() {
    return process.isAlive();
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
