package io.snapsync.launcher;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.FileUserDirectory;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snapsync passwd USER [--role SYSADMIN|MONADMIN]... [--conf FILE]}: adds a user or sets
 * its password in {@code <data dir>/users.json}, storing only the SCRAM-SHA-256 verifier. The
 * password is read from standard input (prompted twice without echo on a terminal). Without
 * {@code --role}, an existing user keeps its roles and a new user is an ordinary user;
 * {@code --role USER} makes it ordinary. A running node picks the change up at the next login.
 */
@Command(name = "passwd", mixinStandardHelpOptions = true,
    description = "Add a user or set its password (read from standard input).")
final class PasswdCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "USER", description = "user name")
  String user;

  @Option(names = "--role", paramLabel = "ROLE",
      description = "SYSADMIN, MONADMIN or USER (ordinary); repeatable")
  List<String> roles;

  @Option(names = "--conf", paramLabel = "FILE", description = "configuration file")
  Path conf;

  @Override
  public Integer call() throws Exception {
    Main.Io io = Main.IO.get();
    NodeConfig config;
    try {
      config = Main.loadConfig(conf, io.env());
    } catch (RuntimeException e) {
      return Main.failure(e, io.err());
    }
    if (!config.role().dataNode() && config.clusterEnabled()) {
      // A coordinator without storage uses the data node's users: change them there.
      io.err().println(Main.text(io, "security.passwd_on_coordinator", config.name()));
      return 64;
    }
    if (!user.matches("[A-Za-z0-9_.@-]{1,63}")) {
      io.err().println(Main.text(io, "core.launcher.passwd_bad_user", user));
      return 64;
    }
    List<String> granted = new ArrayList<>();
    if (roles != null) {
      for (String r : roles) {
        String role = r.toUpperCase(Locale.ROOT);
        if (role.equals(Roles.SYSADMIN) || role.equals(Roles.MONADMIN)) {
          granted.add(role);
        } else if (!role.equals("USER")) {
          io.err().println(Main.text(io, "core.launcher.passwd_bad_role", r));
          return 64;
        }
      }
    }
    String password = readPassword(io);
    if (password == null || password.isEmpty()) {
      io.err().println(Main.text(io, "core.launcher.passwd_empty"));
      return 64;
    }
    Path dataDir = config.dataDirectory().toAbsolutePath();
    Files.createDirectories(dataDir);
    FileUserDirectory users = FileUserDirectory.load(null,
        dataDir.resolve(FileUserDirectory.FILE_NAME), config.configuredUsers(), config.source());
    List<String> finalRoles = roles == null ? new ArrayList<>(users.roles(user)) : granted;
    users.setPassword(user, password, finalRoles);
    io.out().println(Main.text(io, "core.launcher.passwd_done", user, finalRoles.isEmpty()
        ? Main.text(io, "core.launcher.roles_none") : String.join(", ", finalRoles), users.file()));
    return 0;
  }

  private static String readPassword(Main.Io io) throws java.io.IOException {
    Console console = System.console();
    if (console != null && io.in() == System.in) {
      char[] a = console.readPassword("Password: ");
      char[] b = console.readPassword("Again: ");
      if (a == null || b == null || !new String(a).equals(new String(b))) {
        return null;
      }
      return new String(a);
    }
    return Main.readLine(io.in());
  }
}
