package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Exact protocol behaviour and bad input over a bare socket (cleartext password mode, so the
 * test speaks the protocol itself): start-up packets, transaction status letters, multi-statement
 * queries, broken frames, vanished clients and cancel requests. After every bad client the
 * server keeps serving others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolRobustnessTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-raw"), PgWireOptions.PASSWORD);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private RawClient login() throws Exception {
    RawClient c = new RawClient(node.port());
    c.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    return c;
  }

  private void serverStillServes() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("SHOW lc_messages"));
    }
  }

  private static void assertFatal(Msg m, String sqlState) {
    assertEquals('E', m.type());
    assertEquals("FATAL", m.fields().get('V'), m.fields().toString());
    assertEquals(sqlState, m.fields().get('C'), m.fields().toString());
  }

  private static byte[] ints(int... values) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    for (int v : values) {
      d.writeInt(v);
    }
    return b.toByteArray();
  }

  @Test
  void sslAndGssEncRequestsAreDeclinedThenStartupProceeds() throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.untyped(ints(80877103));
      assertEquals('N', c.readByte());
      c.untyped(ints(80877104));
      assertEquals('N', c.readByte());
      c.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
      assertNull(c.query("SHOW lc_messages"));
    }
  }

  @Test
  void unsupportedProtocolVersionIsFatal() throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.startup(2, 0, Map.of("user", "admin"));
      Msg m = c.read();
      assertFatal(m, "0A000");
      assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0",
          m.fields().get('M'));
      assertTrue(c.closedByServer());
    }
    serverStillServes();
  }

  @Test
  void newerMinorVersionIsNegotiatedDown() throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 2, Map.of("user", "admin", "database", "snapsync", "_pq_.future", "x"));
      Msg v = c.read();
      assertEquals('v', v.type());
      assertEquals('R', c.read().type());
    }
  }

  @Test
  void transactionStatusFollowsTheBlock() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("CREATE TABLE raw1 (id int PRIMARY KEY, v text)"));
      c.send('Q', RawClient.cstr("BEGIN"));
      assertEquals('T', lastReady(c));
      c.send('Q', RawClient.cstr("SELECT * FROM raw1_missing"));
      assertEquals('E', lastReady(c));
      c.send('Q', RawClient.cstr("ROLLBACK"));
      assertEquals('I', lastReady(c));
    }
  }

  private static char lastReady(RawClient c) throws Exception {
    while (true) {
      Msg m = c.read();
      if (m.type() == 'Z') {
        return (char) m.body()[0];
      }
    }
  }

  @Test
  void changedApplicationNameIsReportedBeforeReadyForQuery() throws Exception {
    try (RawClient c = login()) {
      c.send('Q', RawClient.cstr("SET application_name = 'renamed'"));
      List<String> seen = new ArrayList<>();
      while (true) {
        Msg m = c.read();
        if (m.type() == 'S') {
          seen.add(new String(m.body(), java.nio.charset.StandardCharsets.UTF_8)
              .replace('\0', '='));
        }
        if (m.type() == 'Z') {
          break;
        }
      }
      assertEquals(List.of("application_name=renamed="), seen);
      c.send('Q', RawClient.cstr("SET application_name = 'renamed'"));
      while (true) {
        Msg m = c.read();
        assertTrue(m.type() != 'S', "unchanged value reported again");
        if (m.type() == 'Z') {
          break;
        }
      }
    }
  }

  @Test
  void severalStatementsInOneQueryAnswerEachThenStopAtTheFirstError() throws Exception {
    try (RawClient c = login()) {
      c.send('Q', RawClient.cstr("CREATE TABLE raw2 (id int PRIMARY KEY); INSERT INTO raw2 "
          + "VALUES (1), (2); SELECT id FROM raw2 ORDER BY id; INSERT INTO raw2 VALUES (1); "
          + "INSERT INTO raw2 VALUES (3)"));
      List<String> seen = new ArrayList<>();
      while (true) {
        Msg m = c.read();
        switch (m.type()) {
          case 'C' -> seen.add("C:" + new String(m.body(), 0, m.body().length - 1));
          case 'T' -> seen.add("T");
          case 'D' -> seen.add("D");
          case 'E' -> seen.add("E:" + m.fields().get('C'));
          default -> { }
        }
        if (m.type() == 'Z') {
          break;
        }
      }
      assertEquals(List.of("C:CREATE TABLE", "C:INSERT 0 2", "T", "D", "D", "C:SELECT 2",
          "E:23505"), seen);
      c.send('Q', RawClient.cstr(" ; -- nothing"));
      assertEquals('I', c.read().type());
      assertEquals('Z', c.read().type());
    }
  }

  @Test
  void unknownMessageTypeIsFatalAndOthersGoOn() throws Exception {
    try (RawClient c = login()) {
      c.send('y', new byte[3]);
      Msg m = c.read();
      assertFatal(m, "08P01");
      assertTrue(c.closedByServer());
    }
    serverStillServes();
  }

  @Test
  void oversizedFrameIsRefusedBeforeItsBody() throws Exception {
    try (RawClient c = login()) {
      c.sendRaw(new byte[] {'Q', 0x7f, 0, 0, 0});
      Msg m = c.read();
      assertFatal(m, "08P01");
      assertEquals("invalid message length 2130706432 for message type \"Q\"",
          m.fields().get('M'));
      assertTrue(m.fields().get('H').contains("plugins.pgwire.maxMessageBytes"));
      assertTrue(c.closedByServer());
    }
    serverStillServes();
  }

  @Test
  void truncatedFrameFromAVanishingClientIsDropped() throws Exception {
    try (RawClient c = login()) {
      c.sendRaw(new byte[] {'Q', 0, 0, 0, 100, 'S', 'E', 'L'});
    }
    try (RawClient c = new RawClient(node.port())) {
      c.sendRaw(new byte[] {0, 0, 0, 40, 0, 3});
    }
    serverStillServes();
  }

  @Test
  void aClientStuckInsideAFrameDoesNotHoldUpOthers() throws Exception {
    try (RawClient stuck = login()) {
      stuck.sendRaw(new byte[] {'Q', 0, 0, 0, 50, 'S', 'E', 'L'});
      serverStillServes();
      try (RawClient other = login()) {
        assertNull(other.query("SHOW lc_messages"));
      }
    }
  }

  @Test
  void malformedBindFailsUntilSyncAndTheConnectionGoesOn() throws Exception {
    try (RawClient c = login()) {
      ByteArrayOutputStream parse = new ByteArrayOutputStream();
      parse.write(RawClient.cstr(""));
      parse.write(RawClient.cstr("SHOW lc_messages"));
      parse.write(new byte[] {0, 0});
      c.send('P', parse.toByteArray());
      c.send('B', new byte[] {0, 0, 0, 5});
      c.send('E', new byte[] {0, 0, 0, 0, 0});
      c.send('S', new byte[0]);
      assertEquals('1', c.read().type());
      Msg err = c.read();
      assertEquals('E', err.type());
      assertEquals("ERROR", err.fields().get('V'));
      assertEquals("08P01", err.fields().get('C'));
      Msg ready = c.read();
      assertEquals('Z', ready.type());
      assertNull(c.query("SHOW lc_messages"));
    }
  }

  @Test
  void vanishedClientsTransactionIsRolledBack() throws Exception {
    try (RawClient a = login()) {
      assertNull(a.query("CREATE TABLE raw3 (id int PRIMARY KEY, v text)"));
      assertNull(a.query("BEGIN"));
      assertNull(a.query("INSERT INTO raw3 VALUES (1, 'never committed')"));
    }
    try (RawClient b = login()) {
      assertNull(b.query("INSERT INTO raw3 VALUES (1, 'committed')"));
      b.send('Q', RawClient.cstr("SELECT v FROM raw3"));
      List<String> values = new ArrayList<>();
      while (true) {
        Msg m = b.read();
        if (m.type() == 'D') {
          values.add(new String(m.body(), 6, m.body().length - 6));
        }
        if (m.type() == 'Z') {
          break;
        }
      }
      assertEquals(List.of("committed"), values);
    }
  }

  @Test
  void cancelRequestIsAcceptedWithoutHarm() throws Exception {
    try (RawClient a = login()) {
      int[] key;
      try (RawClient b = new RawClient(node.port())) {
        key = b.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
        assertNotNull(key);
        try (RawClient cancel = new RawClient(node.port())) {
          cancel.untyped(ints(80877102, key[0], key[1]));
          assertTrue(cancel.closedByServer());
        }
        assertNull(b.query("SHOW lc_messages"));
      }
      assertNull(a.query("SHOW lc_messages"));
    }
  }

  @Test
  void idleSessionTimeoutEndsTheConnectionWithFatal57P05() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("SET idle_session_timeout = 50"));
      Msg m = c.read();
      assertFatal(m, "57P05");
      assertEquals("terminating connection due to idle-session timeout", m.fields().get('M'));
      assertTrue(c.closedByServer());
    }
    serverStillServes();
  }

  @Test
  void loginFailuresAreFatalWithPostgresCodes() throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 0, Map.of("user", "admin", "database", "snapsync"));
      assertEquals('R', c.read().type());
      c.send('p', RawClient.cstr("wrong"));
      Msg m = c.read();
      assertFatal(m, "28P01");
      assertEquals("password authentication failed for user \"admin\"", m.fields().get('M'));
    }
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 0, Map.of("user", "admin", "database", "elsewhere"));
      assertEquals('R', c.read().type());
      c.send('p', RawClient.cstr(SnapsyncFixture.ADMIN_PASSWORD));
      Msg m;
      do {
        m = c.read();
      } while (m.type() == 'R');
      assertFatal(m, "3D000");
    }
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 0, Map.of("database", "snapsync"));
      assertFatal(c.read(), "28000");
    }
  }

  @Test
  void messagesFollowLcMessagesFromTheStartupOptions() throws Exception {
    try (RawClient c = new RawClient(node.port())) {
      c.startup(3, 0, Map.of("user", "admin", "database", "snapsync", "options",
          "-c lc_messages=zh_CN"));
      assertEquals('R', c.read().type());
      c.send('p', RawClient.cstr(SnapsyncFixture.ADMIN_PASSWORD));
      c.readUntilReady();
      Msg err = c.query("SELECT * FROM raw_missing_table");
      assertNotNull(err);
      assertEquals("错误", err.fields().get('S'));
      assertEquals("ERROR", err.fields().get('V'));
      assertEquals("42P01", err.fields().get('C'));
    }
    try (RawClient c = login()) {
      assertNull(c.query("SET lc_messages = 'zh_CN'"));
      Msg err = c.query("SELECT * FROM raw_missing_table");
      assertEquals("错误", err.fields().get('S'));
      assertNull(c.query("RESET lc_messages"));
      assertEquals("ERROR", c.query("SELECT * FROM raw_missing_table").fields().get('S'));
    }
  }
}
