package io.snapsync.core.security.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScramVerifierTest {

  /** Computed independently (Python hashlib/hmac) for password "pencil", salt 00..0f. */
  private static final String PENCIL = "SCRAM-SHA-256$4096:AAECAwQFBgcICQoLDA0ODw==$"
      + "zHCdol2044/ZyWzPLi7oxApCkamKw9Z+E4U/QApd/5Y=:dd5peBOitVnLNFu7VmwP+HiDaaw4OUCv396eVCWhYiE=";

  @Test
  void derivesPostgresqlCompatibleVerifier() {
    byte[] salt = new byte[16];
    for (int i = 0; i < 16; i++) {
      salt[i] = (byte) i;
    }
    assertEquals(PENCIL, ScramVerifier.derive("pencil", salt, 4096).encode());
  }

  @Test
  void parsesAndMatchesOnlyTheRightPassword() {
    ScramVerifier v = ScramVerifier.parse(PENCIL);
    assertEquals(4096, v.iterations());
    assertTrue(v.matches("pencil"));
    assertFalse(v.matches("Pencil"));
    assertEquals(PENCIL, v.encode());
  }

  @Test
  void createUsesRandomSalt() {
    ScramVerifier a = ScramVerifier.create("same", 4096);
    ScramVerifier b = ScramVerifier.create("same", 4096);
    assertNotEquals(a.encode(), b.encode());
    assertTrue(a.matches("same") && b.matches("same"));
  }

  @Test
  void rejectsMalformedVerifiers() {
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("md5abc"));
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.parse("SCRAM-SHA-256$x:y"));
    assertThrows(IllegalArgumentException.class,
        () -> ScramVerifier.parse("SCRAM-SHA-256$abc:AA==$AA==:AA=="));
  }
}
