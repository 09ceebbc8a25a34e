package io.snapsync.core.security.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PostgreSQL's SCRAM-SHA-256 password verifier,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64), computed with
 * the JDK's PBKDF2WithHmacSHA256 (RFC 5802 / 7677). Passwords are used as UTF-8 without
 * SASLprep (ASCII passwords behave exactly as in PostgreSQL). CPU-heavy: call off the event
 * loop. Immutable and thread-safe.
 *
 * @param iterations PBKDF2 iteration count (at least 4096)
 * @param salt random salt
 * @param storedKey H(HMAC(SaltedPassword, "Client Key"))
 * @param serverKey HMAC(SaltedPassword, "Server Key")
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

  public static final int DEFAULT_ITERATIONS = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "SCRAM-SHA-256$";

  /** A new verifier with a random 16-byte salt. */
  public static ScramVerifier create(String password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return derive(password, salt, iterations);
  }

  /** The verifier of {@code password} for a given salt and iteration count. */
  public static ScramVerifier derive(String password, byte[] salt, int iterations) {
    byte[] salted = saltedPassword(password, salt, iterations);
    byte[] clientKey = hmac(salted, "Client Key");
    return new ScramVerifier(iterations, salt.clone(), sha256(clientKey),
        hmac(salted, "Server Key"));
  }

  /** Parses PostgreSQL's text form; {@link IllegalArgumentException} if malformed. */
  public static ScramVerifier parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected SCRAM-SHA-256$<iter>:<salt>$<stored>:<server>");
    }
    String[] a = parts[0].split(":");
    String[] b = parts[1].split(":");
    if (a.length != 2 || b.length != 2) {
      throw new IllegalArgumentException("expected SCRAM-SHA-256$<iter>:<salt>$<stored>:<server>");
    }
    Base64.Decoder d = Base64.getDecoder();
    try {
      int iter = Integer.parseInt(a[0]);
      if (iter < 1) {
        throw new IllegalArgumentException("iteration count must be positive");
      }
      return new ScramVerifier(iter, d.decode(a[1]), d.decode(b[0]), d.decode(b[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad iteration count " + a[0]);
    }
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
    Base64.Encoder e = Base64.getEncoder();
    return PREFIX + iterations + ":" + e.encodeToString(salt) + "$" + e.encodeToString(storedKey)
        + ":" + e.encodeToString(serverKey);
  }

  @Override
  public String toString() {
    return encode();
  }

  static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
