package io.snapsync.plugins.pgwire.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates Debian's PostgreSQL 15 programs. Tests that drive them are skipped (with a message
 * saying which package to install) only when the programs are absent.
 */
public final class PgTools {

  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private PgTools() {
  }

  public static Path psql() {
    return require(Path.of("/usr/bin/psql"), BIN.resolve("psql"), "postgresql-client");
  }

  public static Path pgbench() {
    return require(BIN.resolve("pgbench"), Path.of("/usr/bin/pgbench"), "postgresql");
  }

  /** initdb / pg_ctl / postgres of the server package. */
  public static Path serverBin(String name) {
    return require(BIN.resolve(name), BIN.resolve(name), "postgresql");
  }

  private static Path require(Path first, Path second, String pkg) {
    Path p = Files.isExecutable(first) ? first : second;
    Assumptions.assumeTrue(Files.isExecutable(p),
        () -> p.getFileName() + " not found (" + first + "); install Debian package '" + pkg
            + "' to run this test");
    return p;
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** True when running as root (PostgreSQL's server then has to run as user postgres). */
  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
