package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The COPY sub-protocol message by message: CopyInResponse / CopyData / CopyDone / CopyFail and
 * CopyOutResponse / CopyData / CopyDone, in simple and extended query, and a failed COPY leaving
 * the connection usable (data the client still sends is dropped, ReadyForQuery follows).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CopyProtocolTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-copy-proto"),
        PgWireOptions.PASSWORD);
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

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Msg skipTo(RawClient c, char type) throws Exception {
    Msg m;
    do {
      m = c.read();
    } while (m.type() != type && m.type() != 'E');
    return m;
  }

  @Test
  void copyFailGives57014WithTheClientsReasonAndNothingIsLoaded() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("CREATE TABLE cf (id int PRIMARY KEY, v text)"));
      c.send('Q', RawClient.cstr("COPY cf FROM STDIN"));
      Msg g = c.read();
      assertEquals('G', g.type());
      assertEquals(0, g.body()[0]);
      assertEquals(2, ((g.body()[1] & 0xff) << 8) | (g.body()[2] & 0xff));
      c.send('d', bytes("1\tone\n"));
      c.send('f', RawClient.cstr("client says no"));
      Msg e = c.readUntilReady();
      assertEquals("57014", e.fields().get('C'));
      assertEquals("COPY from stdin failed: client says no", e.fields().get('M'));
      c.send('Q', RawClient.cstr("SELECT count(*) FROM cf"));
      Msg row = skipTo(c, 'D');
      assertEquals('D', row.type());
      assertEquals("0", new String(row.body(), 6, row.body().length - 6, StandardCharsets.UTF_8));
      assertNull(c.readUntilReady());
    }
  }

  @Test
  void errorMidCopyIgnoresTheRestOfTheDataAndTheConnectionStaysUsable() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("CREATE TABLE mid (id int PRIMARY KEY, v text)"));
      c.send('Q', RawClient.cstr("COPY mid FROM STDIN"));
      assertEquals('G', c.read().type());
      c.send('d', bytes("1\tone\nx\ttwo\n"));
      Msg e = c.readUntilReady();
      assertEquals("22P02", e.fields().get('C'));
      assertEquals("invalid input syntax for type integer: \"x\"", e.fields().get('M'));
      assertEquals("COPY mid, line 2, column id: \"x\"", e.fields().get('W'));
      c.send('d', bytes("3\tthree\n"));
      c.send('c', new byte[0]);
      assertNull(c.query("INSERT INTO mid VALUES (9, 'nine')"));
    }
  }

  @Test
  void extendedQueryCopyInAndOut() throws Exception {
    try (RawClient c = login()) {
      assertNull(c.query("CREATE TABLE ext (id int PRIMARY KEY, v text)"));
      c.send('P', concat(RawClient.cstr(""), RawClient.cstr("COPY ext FROM STDIN (FORMAT csv)"),
          new byte[] {0, 0}));
      c.send('B', concat(RawClient.cstr(""), RawClient.cstr(""), new byte[] {0, 0, 0, 0, 0, 0}));
      c.send('E', concat(RawClient.cstr(""), new byte[] {0, 0, 0, 0}));
      assertEquals('1', c.read().type());
      assertEquals('2', c.read().type());
      assertEquals('G', c.read().type());
      c.send('d', bytes("1,\"a,b\"\n2,\n"));
      c.send('c', new byte[0]);
      // as pgjdbc does: Sync after CopyDone (a Sync sent during copy-in is ignored, as
      // PostgreSQL ignores it, so sending it before the data would leave no ReadyForQuery)
      c.send('S', new byte[0]);
      Msg done = c.read();
      assertEquals('C', done.type());
      assertEquals("COPY 2", new String(done.body(), 0, done.body().length - 1,
          StandardCharsets.UTF_8));
      assertNull(c.readUntilReady());

      c.send('Q', RawClient.cstr("COPY ext TO STDOUT WITH CSV"));
      assertEquals('H', c.read().type());
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      Msg m;
      while ((m = c.read()).type() == 'd') {
        data.write(m.body());
      }
      assertEquals('c', m.type());
      assertEquals("1,\"a,b\"\n2,\n", data.toString(StandardCharsets.UTF_8));
      assertEquals('C', c.read().type());
      assertNull(c.readUntilReady());
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }
}
