package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.security.Scram;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 / 7677, without channel binding)
 * against a verifier in PostgreSQL's format
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}. For an unknown user it runs
 * a mock exchange that always fails, so clients cannot probe user names. The verifier format
 * and the proof checks are {@link Scram}'s; only HMACs are computed here (the client does the
 * expensive key derivation), so it is cheap enough for an event loop.
 * Not thread-safe: one instance per exchange.
 */
final class ScramServer {

  static final String MECHANISM = Scram.MECHANISM;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] MOCK_SECRET = randomBytes(32);

  private final byte[] salt;
  private final int iterations;
  private final byte[] storedKey;
  private final byte[] serverKey;
  private final boolean mock;
  private String gs2Header;
  private String clientFirstBare;
  private String serverFirst;
  private String nonce;

  private ScramServer(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey,
      boolean mock) {
    this.salt = salt;
    this.iterations = iterations;
    this.storedKey = storedKey;
    this.serverKey = serverKey;
    this.mock = mock;
  }

  /** An exchange for {@code user} with its verifier, or a failing mock one when absent. */
  static ScramServer forVerifier(String user, Optional<String> verifier) {
    if (verifier.isPresent()) {
      ScramServer s = parse(verifier.get());
      if (s != null) {
        return s;
      }
    }
    byte[] fakeSalt = new byte[16];
    System.arraycopy(Scram.sha256(concat(MOCK_SECRET, user.getBytes(StandardCharsets.UTF_8))), 0,
        fakeSalt, 0, 16);
    return new ScramServer(fakeSalt, 4096, randomBytes(32), randomBytes(32), true);
  }

  private static ScramServer parse(String verifier) {
    try {
      Scram.Verifier v = Scram.parse(verifier);
      return new ScramServer(v.salt(), v.iterations(), v.storedKey(), v.serverKey(), false);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Handles client-first-message; returns server-first-message, or empty when the message is
   * malformed or asks for channel binding.
   */
  Optional<String> clientFirst(String message) {
    if (!(message.startsWith("n,") || message.startsWith("y,"))) {
      return Optional.empty();
    }
    int second = message.indexOf(',', 2);
    if (second < 0) {
      return Optional.empty();
    }
    gs2Header = message.substring(0, second + 1);
    clientFirstBare = message.substring(second + 1);
    String clientNonce = null;
    for (String attr : clientFirstBare.split(",")) {
      if (attr.startsWith("r=")) {
        clientNonce = attr.substring(2);
      } else if (attr.startsWith("m=")) {
        return Optional.empty();
      }
    }
    if (clientNonce == null || clientNonce.isEmpty()) {
      return Optional.empty();
    }
    nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(18));
    serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i="
        + iterations;
    return Optional.of(serverFirst);
  }

  /** Handles client-final-message; returns server-final-message when the proof is right. */
  Optional<String> clientFinal(String message) {
    if (serverFirst == null) {
      return Optional.empty();
    }
    int proofAt = message.lastIndexOf(",p=");
    if (proofAt < 0) {
      return Optional.empty();
    }
    String withoutProof = message.substring(0, proofAt);
    String channel = null;
    String finalNonce = null;
    for (String attr : withoutProof.split(",")) {
      if (attr.startsWith("c=")) {
        channel = attr.substring(2);
      } else if (attr.startsWith("r=")) {
        finalNonce = attr.substring(2);
      }
    }
    String expectedChannel = Base64.getEncoder()
        .encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
    if (!expectedChannel.equals(channel) || !nonce.equals(finalNonce)) {
      return Optional.empty();
    }
    byte[] proof;
    try {
      proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (mock || proof.length != storedKey.length) {
      return Optional.empty();
    }
    byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    if (!Scram.proofMatches(storedKey, authMessage, proof)) {
      return Optional.empty();
    }
    return Optional.of("v=" + Base64.getEncoder().encodeToString(
        Scram.serverSignature(serverKey, authMessage)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = new byte[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
