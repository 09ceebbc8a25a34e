package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.snapsync.plugins.pgwire.api.ConnectionLimits;
import io.snapsync.plugins.pgwire.api.LoginLimits;
import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.FrameMutator;
import io.snapsync.plugins.pgwire.support.FuzzCorpus;
import io.snapsync.plugins.pgwire.support.FuzzCorpus.Frame;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the wire protocol with random and mutated frames: start-up packets, SASL exchanges,
 * every message of the simple and extended protocol, CopyData outside COPY, FunctionCall,
 * unknown types and lying frame lengths. {@value #CASES_PER_SEED} cases for a fixed seed and as
 * many for a random one, which is printed (replay it with {@code -Dfuzz.seed=<seed>}).
 * Asserts: every ErrorResponse carries a SQLSTATE and a catalog text (never XX000 or a Java
 * text), a connection that gets an error in the ready state answers ReadyForQuery (a read that
 * times out fails the case), a connection the server closes got a FATAL first, and a pgjdbc
 * client is served throughout.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WireFuzzTest {

  static final long FIXED_SEED = 0x5eed_2026L;
  static final int CASES_PER_SEED = 5_000;
  private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");
  private static final Pattern JAVA_TEXT = Pattern.compile(
      "Exception|java\\.|Cannot invoke|because \"|end must be|Index \\d+ out of bounds");

  private SnapsyncFixture node;
  private int scramPort;
  private RawClient session;
  private final Map<String, Integer> errors = new TreeMap<>();
  private int closes;

  @Test
  void randomAndMutatedFramesNeverStopTheServer() throws Exception {
    long random = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    System.out.println("WireFuzzTest seeds: fixed " + FIXED_SEED + ", random " + random
        + " (replay: -Dfuzz.seed=" + random + ")");
    // wrong SCRAM proofs are part of the fuzz: the login throttle must not end the run
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-fuzz"),
        new PgWireOptions("127.0.0.1", 0, PgWireOptions.PASSWORD, 1 << 20),
        ConnectionLimits.defaults(), new LoginLimits(1 << 30, 1 << 30, 1), Clock.systemUTC());
    try {
      scramPort = node.listen(new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM, 1 << 20))
          .port();
      Properties p = new Properties();
      p.setProperty("user", SnapsyncFixture.USER);
      p.setProperty("password", SnapsyncFixture.USER_PASSWORD);
      try (Connection jdbc = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + node.port() + "/snapsync", p)) {
        long t0 = System.nanoTime();
        run(FIXED_SEED, jdbc);
        run(random, jdbc);
        assertServed(jdbc);
        System.out.println("WireFuzzTest: " + 2 * CASES_PER_SEED + " cases in "
            + (System.nanoTime() - t0) / 1_000_000 + " ms; errors by SQLSTATE " + errors
            + "; connections closed by the server " + closes);
      }
    } finally {
      if (session != null) {
        session.close();
      }
      node.close();
    }
  }

  private void run(long seed, Connection jdbc) throws Exception {
    Random rnd = new Random(seed);
    for (int i = 0; i < CASES_PER_SEED; i++) {
      int kind = rnd.nextInt(100);
      try {
        if (kind < 8) {
          startupCase(rnd);
        } else if (kind < 14) {
          saslCase(rnd);
        } else if (kind < 18) {
          lyingFrameCase(rnd);
        } else {
          sessionCase(rnd, i);
        }
        if (i % 500 == 0) {
          assertServed(jdbc);
        }
      } catch (AssertionError | IOException e) {
        throw new AssertionError("seed " + seed + ", case " + i + " (kind " + kind + "): " + e,
            e);
      }
    }
  }

  private static void assertServed(Connection jdbc) throws Exception {
    try (Statement s = jdbc.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
      assertTrue(r.next());
      assertEquals(1, r.getInt(1));
    }
  }

  private void checkError(Msg m) {
    Map<Character, String> f = m.fields();
    String state = f.get('C');
    assertTrue(state != null && SQLSTATE.matcher(state).matches(), "no SQLSTATE: " + f);
    assertNotEquals("XX000", state, f.toString());
    assertTrue("ERROR".equals(f.get('V')) || "FATAL".equals(f.get('V')), f.toString());
    String text = f.get('M');
    assertTrue(text != null && !text.isEmpty() && !JAVA_TEXT.matcher(text).find(),
        f.toString());
    errors.merge(state, 1, Integer::sum);
  }

  /**
   * How long a read waits for the server: a hang still fails, but a busy 2-core machine (the
   * load of parallel builds reached 25) is not taken for one; 10 s failed there.
   */
  private static final int READ_DEADLINE_MS = 30_000;

  private static boolean fatal(Msg m) {
    return m != null && m.type() == 'E' && "FATAL".equals(m.fields().get('V'));
  }

  private RawClient session() throws IOException {
    if (session == null) {
      session = new RawClient(node.port()).timeout(READ_DEADLINE_MS);
      session.loginCleartext(SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    }
    return session;
  }

  private void dropSession() throws IOException {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  /** One or more (mutated) messages, then Sync and a marker query, read to its ReadyForQuery. */
  private void sessionCase(Random rnd, int i) throws IOException {
    RawClient c = session();
    List<Frame> frames = new ArrayList<>();
    switch (rnd.nextInt(8)) {
      case 0, 1 -> {
        List<Frame> batch = FuzzCorpus.batch(rnd);
        int bad = rnd.nextInt(batch.size());
        for (int k = 0; k < batch.size(); k++) {
          Frame f = batch.get(k);
          frames.add(k == bad ? new Frame(f.type(), FrameMutator.mutate(f.body(), rnd)) : f);
        }
      }
      case 2 -> frames.add(new Frame((char) rnd.nextInt(256), FrameMutator.noise(rnd, 64)));
      case 3, 4 -> frames.add(FuzzCorpus.message(rnd));
      default -> {
        Frame f = FuzzCorpus.message(rnd);
        frames.add(new Frame(f.type(), FrameMutator.mutate(f.body(), rnd)));
      }
    }
    boolean terminates = frames.stream().anyMatch(f -> f.type() == 'X');
    String marker = "mark" + i;
    try {
      for (Frame f : frames) {
        c.send(f.type(), f.body());
      }
      c.send('S', new byte[0]);
      c.send('Q', RawClient.cstr("ROLLBACK"));
      c.send('Q', RawClient.cstr("SELECT '" + marker + "'"));
    } catch (SocketException e) {
      // closed by the server while we were sending: what it said is still to be read
    }
    byte[] mark = marker.getBytes(StandardCharsets.UTF_8);
    boolean marked = false;
    Msg last = null;
    while (true) {
      Msg m;
      try {
        m = c.read();
      } catch (SocketTimeoutException e) {
        fail("no ReadyForQuery within " + READ_DEADLINE_MS / 1000 + " s after "
            + describe(frames) + "; last " + last);
        return;
      } catch (EOFException | SocketException e) {
        assertTrue(terminates || fatal(last) || e instanceof SocketException,
            "closed without FATAL after " + describe(frames) + "; last " + last);
        closes++;
        dropSession();
        return;
      }
      if (m.type() == 'E') {
        checkError(m);
      }
      if (m.type() == 'D' && indexOf(m.body(), mark) >= 0) {
        marked = true;
      }
      if (m.type() == 'Z' && marked) {
        return;
      }
      last = m;
    }
  }

  /** A frame whose length word lies: too big, too small, or longer than what follows. */
  private void lyingFrameCase(Random rnd) throws IOException {
    RawClient c = session();
    Frame f = FuzzCorpus.message(rnd);
    int mode = rnd.nextInt(4);
    if (mode == 0) {
      // longer than the bytes that follow: the server waits for the rest until we hang up
      c.sendRaw(header(f.type(), f.body().length + 5 + rnd.nextInt(9)));
      c.sendRaw(f.body());
      dropSession();
      return;
    }
    int declared = switch (mode) {
      case 1 -> (2 << 20) + rnd.nextInt(1 << 30);
      case 2 -> rnd.nextInt(4);
      default -> Integer.MIN_VALUE + rnd.nextInt(1 << 30);
    };
    c.sendRaw(header(f.type(), declared));
    Msg m = c.read();
    assertTrue(fatal(m), "not FATAL: " + m.fields());
    checkError(m);
    assertEquals("08P01", m.fields().get('C'));
    assertTrue(c.closedByServer());
    closes++;
    session = null;
    c.close();
  }

  /** A (mutated) start-up packet on a new connection. */
  private void startupCase(Random rnd) throws IOException {
    byte[] body = FuzzCorpus.startup(rnd, SnapsyncFixture.ADMIN);
    if (rnd.nextInt(10) < 7) {
      body = FrameMutator.mutate(body, rnd);
    }
    try (RawClient c = new RawClient(node.port()).timeout(READ_DEADLINE_MS)) {
      c.untyped(body);
      int b;
      try {
        b = c.readByte();
      } catch (SocketException e) {
        return;
      }
      if (b == -1 || b == 'N' || b == 'R' || b == 'v') {
        return;
      }
      assertEquals('E', (char) b, "unexpected reply to a start-up packet");
      byte[] rest = readBody(c);
      Msg m = new Msg('E', rest);
      assertTrue(fatal(m), m.fields().toString());
      checkError(m);
    }
  }

  /** A SCRAM exchange with a mutated SASLInitialResponse or a junk SASLResponse. */
  private void saslCase(Random rnd) throws IOException {
    try (RawClient c = new RawClient(scramPort).timeout(READ_DEADLINE_MS)) {
      c.startup(3, 0, Map.of("user", SnapsyncFixture.ADMIN, "database", "snapsync"));
      assertEquals('R', c.read().type());
      byte[] first = FuzzCorpus.saslInitial();
      c.send('p', rnd.nextInt(10) < 8 ? FrameMutator.mutate(first, rnd) : first);
      while (true) {
        Msg m;
        try {
          m = c.read();
        } catch (EOFException | SocketException e) {
          return;
        }
        if (m.type() == 'E') {
          assertTrue(fatal(m), m.fields().toString());
          checkError(m);
          return;
        }
        assertEquals('R', m.type());
        byte[] last = ("c=biws,r=fuzzfuzzfuzznonce,p=" + "A".repeat(rnd.nextInt(60)))
            .getBytes(StandardCharsets.UTF_8);
        c.send('p', FrameMutator.mutate(last, rnd));
      }
    }
  }

  private static byte[] header(char type, int len) {
    return new byte[] {(byte) type, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8),
        (byte) len};
  }

  private static byte[] readBody(RawClient c) throws IOException {
    int len = 0;
    for (int k = 0; k < 4; k++) {
      len = len << 8 | c.readByte();
    }
    byte[] b = new byte[len - 4];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) c.readByte();
    }
    return b;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String describe(List<Frame> frames) {
    StringBuilder s = new StringBuilder();
    for (Frame f : frames) {
      s.append(f.type()).append(java.util.HexFormat.of().formatHex(f.body())).append(' ');
    }
    return s.toString().trim();
  }
}
