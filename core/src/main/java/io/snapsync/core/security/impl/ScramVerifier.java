package io.snapsync.core.security.impl;

import io.snapsync.core.security.Scram;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * PostgreSQL's SCRAM-SHA-256 password verifier,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64), as the user
 * directory stores it; the hashing and the text form are {@link Scram}'s. CPU-heavy: call off
 * the event loop. Immutable and thread-safe.
 *
 * @param iterations PBKDF2 iteration count (at least 4096)
 * @param salt random salt
 * @param storedKey H(HMAC(SaltedPassword, "Client Key"))
 * @param serverKey HMAC(SaltedPassword, "Server Key")
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

  public static final int DEFAULT_ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new verifier with a random 16-byte salt. */
  public static ScramVerifier create(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return derive(password, salt, iterations);
  }

  /** The verifier of {@code password} for a given salt and iteration count. */
  public static ScramVerifier derive(String password, byte[] salt, int iterations) {
    return of(Scram.derive(password, salt, iterations));
  }

  /** Parses PostgreSQL's text form; {@link IllegalArgumentException} if malformed. */
  public static ScramVerifier parse(String text) {
    return of(Scram.parse(text));
  }

  private static ScramVerifier of(Scram.Verifier v) {
    return new ScramVerifier(v.iterations(), v.salt(), v.storedKey(), v.serverKey());
  }

  /** Constant-time check of a cleartext password. */
  public boolean matches(String password) {
    ScramVerifier other = derive(password, salt, iterations);
    boolean stored = MessageDigest.isEqual(storedKey, other.storedKey);
    boolean server = MessageDigest.isEqual(serverKey, other.serverKey);
    return stored & server;
  }

  /** PostgreSQL's text form. */
  public String encode() {
    return new Scram.Verifier(iterations, salt, storedKey, serverKey).encode();
  }

  @Override
  public String toString() {
    return encode();
  }
}
