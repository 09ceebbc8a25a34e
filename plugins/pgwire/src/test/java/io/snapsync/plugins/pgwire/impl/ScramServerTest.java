package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.security.Scram;
import io.snapsync.core.security.impl.ScramVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The SCRAM-SHA-256 exchange against verifiers made by the node's users file (real psql,
 * pgjdbc and vertx-pg-client logins are covered by the client tests); here the message-level
 * refusals.
 */
class ScramServerTest {

  private static final String PASSWORD = "s3cret pässword";
  private final ScramVerifier verifier = ScramVerifier.create(PASSWORD, 4096);

  private static String proof(String password, String serverFirst, String clientFirstBare,
      String withoutProof) throws Exception {
    String salt = serverFirst.replaceAll(".*,s=([^,]*),.*", "$1");
    int iterations = Integer.parseInt(serverFirst.replaceAll(".*,i=(\\d+).*", "$1"));
    byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
        new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256))
        .getEncoded();
    byte[] clientKey = Scram.hmac(salted, "Client Key".getBytes(StandardCharsets.UTF_8));
    byte[] stored = Scram.sha256(clientKey);
    byte[] auth = (clientFirstBare + "," + serverFirst + "," + withoutProof)
        .getBytes(StandardCharsets.UTF_8);
    byte[] signature = Scram.hmac(stored, auth);
    byte[] p = new byte[clientKey.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    return Base64.getEncoder().encodeToString(p);
  }

  private Optional<String> exchange(String gs2, String password, boolean tamperNonce)
      throws Exception {
    ScramServer s = ScramServer.forVerifier("alice", Optional.of(verifier.encode()));
    String bare = "n=,r=clientnonce123";
    String serverFirst = s.clientFirst(gs2 + bare).orElseThrow();
    String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
    assertTrue(nonce.startsWith("clientnonce123"));
    String withoutProof = "c=" + Base64.getEncoder().encodeToString(
        gs2.getBytes(StandardCharsets.UTF_8)) + ",r=" + (tamperNonce ? nonce + "x" : nonce);
    return s.clientFinal(withoutProof + ",p=" + proof(password, serverFirst, bare, withoutProof));
  }

  @Test
  void rightPasswordGetsTheServerSignature() throws Exception {
    assertTrue(exchange("n,,", PASSWORD, false).orElseThrow().startsWith("v="));
    assertTrue(exchange("y,,", PASSWORD, false).isPresent());
  }

  @Test
  void wrongPasswordOrNonceFails() throws Exception {
    assertEquals(Optional.empty(), exchange("n,,", "wrong", false));
    assertEquals(Optional.empty(), exchange("n,,", PASSWORD, true));
  }

  @Test
  void channelBindingAndMalformedFirstMessagesAreRefused() {
    ScramServer s = ScramServer.forVerifier("alice", Optional.of(verifier.encode()));
    assertEquals(Optional.empty(), s.clientFirst("p=tls-server-end-point,,n=,r=abc"));
    assertEquals(Optional.empty(), s.clientFirst("n,,n="));
    assertEquals(Optional.empty(), s.clientFinal("c=biws,r=x,p=AAAA"));
  }

  @Test
  void unknownUserRunsAMockExchangeThatAlwaysFails() throws Exception {
    ScramServer s = ScramServer.forVerifier("nobody", Optional.empty());
    String first = s.clientFirst("n,,n=,r=abc").orElseThrow();
    assertTrue(first.contains(",s=") && first.contains(",i=4096"));
    ScramServer again = ScramServer.forVerifier("nobody", Optional.empty());
    String second = again.clientFirst("n,,n=,r=abc").orElseThrow();
    assertEquals(first.replaceAll("r=[^,]*,", ""), second.replaceAll("r=[^,]*,", ""));
    String nonce = first.substring(2, first.indexOf(','));
    assertEquals(Optional.empty(), s.clientFinal("c=biws,r=" + nonce + ",p=AAAA"));
  }
}
