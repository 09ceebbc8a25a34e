package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Lying lengths and trailing bytes inside well-framed messages of every type: each is a clean
 * 08P01 ErrorResponse from the catalog (never a Java text), followed by ReadyForQuery at once
 * for simple-protocol messages and at the next Sync for extended ones; the connection goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageBoundsTest {

  private SnapsyncFixture node;
  private int scramPort;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-bounds"),
        PgWireOptions.PASSWORD);
    scramPort = node.listen(new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM, 1 << 20))
        .port();
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private RawClient login() throws IOException {
    RawClient c = new RawClient(node.port());
    c.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    return c;
  }

  /** Builds a message body from strings (sent NUL-terminated), ints, shorts and raw bytes. */
  private static byte[] body(Object... parts) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    for (Object p : parts) {
      if (p instanceof String s) {
        d.write(RawClient.cstr(s));
      } else if (p instanceof Integer i) {
        d.writeInt(i);
      } else if (p instanceof Short s) {
        d.writeShort(s);
      } else {
        d.write((byte[]) p);
      }
    }
    return b.toByteArray();
  }

  private static void assertClean08P01(Msg error, String what) {
    assertNotNull(error, what + ": no ErrorResponse");
    Map<Character, String> f = error.fields();
    assertEquals("08P01", f.get('C'), what + ": " + f);
    assertEquals("ERROR", f.get('V'), what + ": " + f);
    assertFalse(f.get('M').contains("Exception") || f.get('M').contains("start")
        || f.get('M').contains("java"), what + ": " + f);
  }

  @Test
  void saslInitialResponseWithHugeInnerLengthIsAClean08P01() throws Exception {
    for (int lie : new int[] {0x7fffffff, 0x7ffffff0, -2, 1000}) {
      try (RawClient c = new RawClient(scramPort)) {
        c.startup(3, 0, Map.of("user", SnapsyncFixture.ADMIN, "database", "snapsync"));
        assertEquals('R', c.read().type());
        c.send('p', body("SCRAM-SHA-256", lie, "n,,n=,r=abcdefgh".getBytes()));
        Msg m = c.read();
        assertEquals('E', m.type());
        assertEquals("FATAL", m.fields().get('V'), m.fields().toString());
        assertEquals("08P01", m.fields().get('C'), m.fields().toString());
        assertEquals("insufficient data left in message", m.fields().get('M'));
        assertTrue(c.closedByServer());
      }
    }
  }

  @Test
  void queryWithBytesAfterItsNulGetsAnErrorAndReadyForQuery() throws Exception {
    try (RawClient c = login()) {
      c.send('Q', body("SELECT 1", "trailing".getBytes()));
      assertClean08P01(c.readUntilReady(), "Query with trailing bytes");
      c.send('Q', "SELECT 1".getBytes());
      assertClean08P01(c.readUntilReady(), "Query without NUL");
      assertNull(c.query("SELECT 1"));
    }
  }

  @Test
  void syncOrFunctionCallWithABodyGetsAnErrorAndReadyForQuery() throws Exception {
    try (RawClient c = login()) {
      c.send('S', new byte[] {1, 2});
      assertClean08P01(c.readUntilReady(), "Sync with a body");
      c.send('F', body(0, (short) 0));
      Msg e = c.readUntilReady();
      assertNotNull(e);
      assertEquals("0A000", e.fields().get('C'));
      assertNull(c.query("SELECT 1"));
    }
  }

  @Test
  void copyMessagesOutsideCopyAreIgnored() throws Exception {
    try (RawClient c = login()) {
      c.send('d', "1\t2\n".getBytes());
      c.send('c', new byte[0]);
      c.send('f', body("no"));
      assertNull(c.query("SELECT 1"));
    }
  }

  @Test
  void lyingLengthsInExtendedMessagesFailUntilSync() throws Exception {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("Parse with 65535 parameter types and none sent",
        body("", "SELECT 1", (short) -1));
    cases.put("Parse without its SQL", body("s1"));
    cases.put("Parse with trailing bytes", body("", "SELECT 1", (short) 0, new byte[] {7}));
    cases.put("Bind with a value of length 0x7fffffff",
        body("", "", (short) 0, (short) 1, 0x7fffffff, new byte[] {1, 2, 3}));
    cases.put("Bind with a value of length -2",
        body("", "", (short) 0, (short) 1, -2, (short) 0));
    cases.put("Bind with 65535 format codes", body("", "", (short) -1, (short) 0));
    cases.put("Bind with trailing bytes",
        body("", "", (short) 0, (short) 0, (short) 0, new byte[] {9}));
    cases.put("Describe without a kind", new byte[0]);
    cases.put("Describe with trailing bytes", body(new byte[] {'S'}, "", new byte[] {1}));
    cases.put("Execute without its row count", body(""));
    cases.put("Execute with trailing bytes", body("", 0, new byte[] {1}));
    cases.put("Close without a name", new byte[] {'S'});
    cases.put("Flush with a body", new byte[] {0});
    char[] types = {'P', 'P', 'P', 'B', 'B', 'B', 'B', 'D', 'D', 'E', 'E', 'C', 'H'};
    try (RawClient c = login()) {
      int i = 0;
      for (Map.Entry<String, byte[]> e : cases.entrySet()) {
        c.send(types[i++], e.getValue());
        c.send('S', new byte[0]);
        assertClean08P01(c.readUntilReady(), e.getKey());
      }
      assertNull(c.query("SELECT 1"));
    }
  }

  @Test
  void passwordMessageAfterLoginIsFatal() throws Exception {
    try (RawClient c = login()) {
      c.send('p', RawClient.cstr("again"));
      Msg m = c.read();
      assertEquals("FATAL", m.fields().get('V'), m.fields().toString());
      assertEquals("08P01", m.fields().get('C'));
      assertTrue(c.closedByServer());
    }
  }
}
