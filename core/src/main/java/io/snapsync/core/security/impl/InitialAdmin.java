package io.snapsync.core.security.impl;

import io.snapsync.core.security.Roles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * First start: when no user exists, creates the SYSADMIN {@code admin} with a random password
 * written to {@code <data dir>/initial-admin-password} (mode 600); only its verifier is kept in
 * the users file. Blocking.
 */
public final class InitialAdmin {

  public static final String USER = "admin";
  public static final String PASSWORD_FILE = "initial-admin-password";

  private static final SecureRandom RANDOM = new SecureRandom();

  private InitialAdmin() {
  }

  /**
   * Creates the admin if {@code users} is empty and returns the password file written.
   *
   * @param fixedPassword for tests only ({@code security.initialAdminPassword}); null means a
   *     random password
   */
  public static Optional<Path> ensure(FileUserDirectory users, Path dataDirectory,
      String fixedPassword) {
    if (users.size() > 0) {
      return Optional.empty();
    }
    String password = fixedPassword != null ? fixedPassword : randomPassword();
    Path file = dataDirectory.resolve(PASSWORD_FILE);
    SecureFiles.writePrivate(file, password + "\n");
    users.setPassword(USER, password, List.of(Roles.SYSADMIN));
    return Optional.of(file);
  }

  /** 24 URL-safe characters (144 random bits). */
  public static String randomPassword() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
