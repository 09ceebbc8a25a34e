package io.snapsync.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-256 (RFC 5802 / 7677) as PostgreSQL stores and checks it, once for the node: the
 * hashing primitives, the verifier's text form
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64), and the proof
 * checks of an exchange. The login path checks cleartext passwords against a verifier with it
 * ({@code security.impl.ScramVerifier}); pgwire's SASL exchange checks client proofs with it.
 * Passwords are used as UTF-8 without SASLprep (ASCII passwords behave exactly as in
 * PostgreSQL). Stateless and thread-safe; {@link #derive} is CPU-heavy (PBKDF2): call it off
 * the event loop. The proof checks only compute HMACs and are cheap.
 */
public final class Scram {

  public static final String MECHANISM = "SCRAM-SHA-256";
  private static final String PREFIX = MECHANISM + "$";
  private static final String SHAPE = "expected SCRAM-SHA-256$<iter>:<salt>$<stored>:<server>";

  private Scram() {
  }

  /**
   * A verifier's parts.
   *
   * @param iterations PBKDF2 iteration count
   * @param salt the salt
   * @param storedKey H(HMAC(SaltedPassword, "Client Key"))
   * @param serverKey HMAC(SaltedPassword, "Server Key")
   */
  public record Verifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {

    /** PostgreSQL's text form. */
    public String encode() {
      Base64.Encoder e = Base64.getEncoder();
      return PREFIX + iterations + ":" + e.encodeToString(salt) + "$"
          + e.encodeToString(storedKey) + ":" + e.encodeToString(serverKey);
    }
  }

  /** The verifier of {@code password} for a salt and iteration count. Blocking (CPU). */
  public static Verifier derive(String password, byte[] salt, int iterations) {
    byte[] salted = saltedPassword(password, salt, iterations);
    return new Verifier(iterations, salt.clone(), sha256(hmac(salted, "Client Key")),
        hmac(salted, "Server Key"));
  }

  /** Parses PostgreSQL's text form; {@link IllegalArgumentException} if malformed. */
  public static Verifier parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a SCRAM-SHA-256 verifier");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\$");
    if (parts.length != 2) {
      throw new IllegalArgumentException(SHAPE);
    }
    String[] a = parts[0].split(":");
    String[] b = parts[1].split(":");
    if (a.length != 2 || b.length != 2) {
      throw new IllegalArgumentException(SHAPE);
    }
    Base64.Decoder d = Base64.getDecoder();
    int iter;
    try {
      iter = Integer.parseInt(a[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad iteration count " + a[0]);
    }
    if (iter < 1) {
      throw new IllegalArgumentException("iteration count must be positive");
    }
    return new Verifier(iter, d.decode(a[1]), d.decode(b[0]), d.decode(b[1]));
  }

  /**
   * True when {@code proof} is the client proof of {@code authMessage} for {@code storedKey}:
   * ClientKey = proof XOR HMAC(StoredKey, AuthMessage) and H(ClientKey) = StoredKey, compared
   * in constant time.
   */
  public static boolean proofMatches(byte[] storedKey, byte[] authMessage, byte[] proof) {
    if (proof.length != storedKey.length) {
      return false;
    }
    byte[] clientSignature = hmac(storedKey, authMessage);
    byte[] clientKey = new byte[proof.length];
    for (int i = 0; i < proof.length; i++) {
      clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
    }
    return MessageDigest.isEqual(sha256(clientKey), storedKey);
  }

  /** The server signature HMAC(ServerKey, AuthMessage) of the server-final-message. */
  public static byte[] serverSignature(byte[] serverKey, byte[] authMessage) {
    return hmac(serverKey, authMessage);
  }

  /** Hi(password, salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256. Blocking (CPU). */
  public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    }
  }

  public static byte[] hmac(byte[] key, String text) {
    return hmac(key, text.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
