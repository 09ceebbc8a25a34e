package io.snapsync.core.security;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.Set;

/**
 * The users of the node, with password verifiers only (never passwords) and their roles.
 * Thread-safe.
 */
public interface UserDirectory {

  /**
   * Checks a cleartext password; fails with a 28P01 {@code SnapsyncException}
   * ({@code password authentication failed for user "..."}) for an unknown user or a wrong
   * password, without telling which. Runs the hashing off the event loop.
   */
  Future<String> authenticate(String user, String password);

  /**
   * The user's SCRAM-SHA-256 verifier in PostgreSQL's format
   * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64), for
   * protocol-level SCRAM authentication; empty for an unknown user.
   */
  Optional<String> scramVerifier(String user);

  /** The user's roles ({@link Roles}); empty for an ordinary user or an unknown one. */
  Set<String> roles(String user);

  boolean exists(String user);

  /**
   * The roles (created by {@code CREATE ROLE}) {@code user} is a member of, directly or through
   * other roles; privileges granted to them apply to {@code user}. Non-blocking.
   */
  default Set<String> memberOf(String user) {
    return Set.of();
  }

  /** The names of the users the directory lists (for pg_roles); empty if it cannot list. */
  default java.util.Set<String> userNames() {
    return java.util.Set.of();
  }
}
