package io.snapsync.launcher;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.config.ConfigLoader;
import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.Message;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.eventbus.Addresses;
import io.snapsync.core.node.Node;
import io.snapsync.core.plugin.PluginException;
import io.snapsync.core.security.impl.FileUserDirectory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code snapsync} command: {@code snapsync [start] [--conf FILE]} starts a node and runs
 * until stopped (Ctrl-C / SIGTERM); {@code snapsync passwd USER [--role ROLE]} sets a password
 * read from standard input. Exit codes: 0 ok, 1 start-up failure, 2 configuration error,
 * 3 plugin failure, 64 usage error.
 */
@Command(name = "snapsync", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Snapshot-synchronization server for Vert.x clusters. Without a sub-command: "
        + "start a node.",
    subcommands = {Main.Start.class, PasswdCommand.class})
public final class Main implements Callable<Integer> {

  public static final int CONFIG_ERROR = 2;
  public static final int PLUGIN_ERROR = 3;

  /** Environment, input and output of one run (replaceable in tests). */
  record Io(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
  }

  static final ThreadLocal<Io> IO = ThreadLocal.withInitial(
      () -> new Io(System.getenv(), System.in, System.out, System.err));

  @Option(names = "--conf", paramLabel = "FILE",
      description = "configuration file (YAML or JSON); default: $SNAPSYNC_CONF, "
          + "./conf/snapsync.yaml, then <installation>/conf/snapsync.yaml")
  Path conf;

  public static void main(String[] args) {
    int rc = run(args, new Io(System.getenv(), System.in, System.out, System.err));
    if (rc != 0) {
      System.exit(rc);
    }
  }

  /** Runs the command line with the given environment and streams; returns the exit code. */
  static int run(String[] args, Io io) {
    IO.set(io);
    try {
      CommandLine cl = new CommandLine(new Main());
      cl.setOut(new PrintWriter(io.out(), true));
      cl.setErr(new PrintWriter(io.err(), true));
      cl.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, io.err()));
      return cl.execute(args);
    } finally {
      IO.remove();
    }
  }

  @Override
  public Integer call() {
    return new Start().conf(conf).call();
  }

  /** Prints a start-up failure and maps it to an exit code. */
  static int failure(Throwable e, PrintStream err) {
    Throwable t = e;
    if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ConfigException c) {
      err.println(text(io(), "core.launcher.failed", c.render(MessageCatalog.builtin(), lc(io()))));
      return CONFIG_ERROR;
    }
    if (t instanceof PluginException p) {
      err.println(text(io(), "core.launcher.failed", p.render(MessageCatalog.builtin(), lc(io()))));
      return PLUGIN_ERROR;
    }
    if (t instanceof SnapsyncException s) {
      err.println(text(io(), "core.launcher.failed", s.render(MessageCatalog.builtin(), lc(io()))));
      return 1;
    }
    err.println(text(io(), "core.launcher.start_failed", t));
    return 1;
  }

  /**
   * The configuration file to use: {@code explicit}, else {@code $SNAPSYNC_CONF}, else
   * {@code ./conf/snapsync.yaml}, else {@code <snapsync.home>/conf/snapsync.yaml}; null: the
   * built-in defaults.
   */
  static Path resolveConf(Path explicit, Map<String, String> env) {
    if (explicit != null) {
      return explicit;
    }
    String fromEnv = env.get("SNAPSYNC_CONF");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path local = Path.of("conf", "snapsync.yaml");
    if (Files.isRegularFile(local)) {
      return local;
    }
    String home = System.getProperty("snapsync.home");
    if (home != null) {
      Path p = Path.of(home, "conf", "snapsync.yaml");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  static NodeConfig loadConfig(Path explicit, Map<String, String> env) {
    return ConfigLoader.loadBlocking(resolveConf(explicit, env), env);
  }

  /** Starts a node and prints where things are; the caller closes it. */
  static Node startNode(Path conf, Io io) {
    NodeConfig config = loadConfig(conf, io.env());
    Node node = Node.start(config).await();
    PrintStream out = io.out();
    String lc = config.settings().getString("lc_messages", lc(io));
    Io shown = new Io(Map.of("SNAPSYNC_SETTING_LC_MESSAGES", lc), io.in(), out, io.err());
    out.println(text(shown, "core.launcher.started", Version.VERSION, node.info().name(),
        node.info().roleName()));
    out.println(text(shown, "core.launcher.configuration", config.source()));
    out.println(text(shown, "core.launcher.data_directory", node.services().dataDirectory()));
    if (config.clusterEnabled()) {
      out.println(text(shown, "core.launcher.event_bus_cluster", config.clusterName(),
          config.clusterHost(), Integer.toString(config.clusterPort()), config.clusterMembers()));
      out.println(text(shown, "cluster.trust_banner",
          config.trust().directory().toAbsolutePath()));
    } else {
      out.println(text(shown, "core.launcher.event_bus_local"));
    }
    if (node.info().coordinator() && node.sessions().isPresent()) {
      out.println(text(shown, "core.launcher.sessions", Addresses.cluster(Addresses.OPEN),
          Addresses.node(node.info().name(), Addresses.OPEN)));
    }
    if (!node.pluginNames().isEmpty()) {
      out.println(text(shown, "core.launcher.extensions", String.join(", ", node.pluginNames())));
    }
    endpoints(node, config).forEach(out::println);
    if (!node.info().dataNode() && node.config().clusterEnabled()) {
      out.println(text(shown, "security.users_of_datanode"));
    } else {
      node.initialPasswordFile().ifPresentOrElse(
          f -> out.println(text(shown, "core.launcher.initial_password", "admin", f)),
          () -> out.println(text(shown, "core.launcher.users",
              node.services().dataDirectory().resolve(FileUserDirectory.FILE_NAME))));
    }
    out.flush();
    return node;
  }

  /**
   * Banner lines naming where clients connect: the PostgreSQL port (a psql command line) and
   * the console's URL, for a coordinator with those extensions.
   */
  static java.util.List<String> endpoints(Node node, NodeConfig config) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    if (!node.info().coordinator() || node.sessions().isEmpty()) {
      return lines;
    }
    Io io = new Io(Map.of("SNAPSYNC_SETTING_LC_MESSAGES",
        config.settings().getString("lc_messages", "en")), null, null, null);
    if (node.pluginNames().contains("pgwire")) {
      io.vertx.core.json.JsonObject pg = config.pluginConfig("pgwire");
      int port = pg.getValue("port") instanceof Number n ? n.intValue() : config.pgwirePort();
      String host = pg.getValue("host") instanceof String h ? h : config.bindAddress();
      if (pg.getValue("enabled") != Boolean.FALSE) {
        lines.add(text(io, "harden.launcher.psql", host, Integer.toString(port)));
      }
    }
    node.services().service(io.snapsync.console.ConsoleServer.class)
        .ifPresent(c -> lines.add(text(io, "harden.launcher.console", c.url())));
    return lines;
  }

  /** {@code snapsync start}: starts a node and runs until the JVM is asked to stop. */
  @Command(name = "start", mixinStandardHelpOptions = true,
      description = "Start a node (the default command).")
  static final class Start implements Callable<Integer> {

    @Option(names = "--conf", paramLabel = "FILE", description = "configuration file")
    Path conf;

    Start conf(Path c) {
      this.conf = c;
      return this;
    }

    @Override
    public Integer call() {
      Io io = IO.get();
      Node node;
      try {
        node = startNode(conf, io);
      } catch (RuntimeException e) {
        return failure(e, io.err());
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        io.out().println(text(io, "core.launcher.stopping", node.info().name()));
        node.close().toCompletionStage().toCompletableFuture().join();
        stopped.countDown();
      }, "snapsync-shutdown"));
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return 0;
    }
  }

  /** Version from the jar manifest or the build. */
  static final class Version implements CommandLine.IVersionProvider {
    static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
      return new String[] {"snapsync " + VERSION};
    }
  }

  /** The run's environment and streams. */
  static Io io() {
    return IO.get();
  }

  /**
   * The language of the launcher's own texts: {@code SNAPSYNC_SETTING_LC_MESSAGES}, else
   * English (the node's {@code settings.lc_messages} once the configuration is read).
   */
  static String lc(Io io) {
    return io.env().getOrDefault("SNAPSYNC_SETTING_LC_MESSAGES", "en");
  }

  /** A catalog text in the launcher's language. */
  static String text(Io io, String id, Object... args) {
    return MessageCatalog.builtin().render(lc(io), Message.of(id, args));
  }

  /** Reads one line of standard input (for passwords piped in). */
  static String readLine(InputStream in) throws java.io.IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    return r.readLine();
  }
}
