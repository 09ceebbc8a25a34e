package io.snapsync.plugins.pgwire.support;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid frontend messages of every kind a fuzzer starts from: simple queries, the extended
 * protocol (Parse/Bind/Describe/Execute/Close/Sync/Flush), CopyData/CopyDone/CopyFail,
 * FunctionCall, and start-up packets (StartupMessage, SSLRequest, GSSENCRequest,
 * CancelRequest). Statements only read or touch the session's own state.
 */
public final class FuzzCorpus {

  /** A typed message. */
  public record Frame(char type, byte[] body) {
  }

  private static final List<String> SQL = List.of("SELECT 1", "SHOW lc_messages", "BEGIN",
      "COMMIT", "ROLLBACK", "SELECT 1; SELECT 2", "", "SET application_name = 'fz'",
      "SELECT current_setting('application_name')", "SELECT version()",
      "SELECT pg_export_snapshot()", "SELECT $1::int4", "SELECT now()", "SELEC 1",
      "SELECT ((((1))))", "SELECT 'a' || 'b'");

  private FuzzCorpus() {
  }

  static byte[] body(Object... parts) {
    try {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(b);
      for (Object p : parts) {
        if (p instanceof String s) {
          d.write(RawClient.cstr(s));
        } else if (p instanceof Integer i) {
          d.writeInt(i);
        } else if (p instanceof Short s) {
          d.writeShort(s);
        } else if (p instanceof Character c) {
          d.write(c);
        } else {
          d.write((byte[]) p);
        }
      }
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sql(Random rnd) {
    return SQL.get(rnd.nextInt(SQL.size()));
  }

  /** One valid message of a random kind. */
  public static Frame message(Random rnd) {
    String name = rnd.nextBoolean() ? "" : "s" + rnd.nextInt(3);
    return switch (rnd.nextInt(14)) {
      case 0, 1 -> new Frame('Q', body(sql(rnd)));
      case 2 -> new Frame('P', body(name, sql(rnd), (short) 0));
      case 3 -> new Frame('P', body(name, "SELECT $1::int4", (short) 1, 23));
      case 4 -> new Frame('B', body("", name, (short) 0, (short) 1, 2, "42".getBytes(),
          (short) 0));
      case 5 -> new Frame('B', body("", name, (short) 1, (short) 1, (short) 1, 4,
          new byte[] {0, 0, 0, 7}, (short) 1, (short) 1));
      case 6 -> new Frame('D', body(rnd.nextBoolean() ? 'S' : 'P', name));
      case 7 -> new Frame('E', body("", rnd.nextInt(3)));
      case 8 -> new Frame('C', body(rnd.nextBoolean() ? 'S' : 'P', name));
      case 9 -> new Frame('S', new byte[0]);
      case 10 -> new Frame('H', new byte[0]);
      case 11 -> new Frame('d', "1\tx\n".getBytes());
      case 12 -> new Frame(rnd.nextBoolean() ? 'c' : 'f', rnd.nextBoolean() ? new byte[0]
          : body("stop"));
      default -> new Frame('F', body(1234, (short) 0, (short) 0, (short) 0));
    };
  }

  /** A well-formed extended-query batch: Parse, Bind, Describe, Execute. */
  public static List<Frame> batch(Random rnd) {
    String sql = rnd.nextBoolean() ? "SELECT $1::int4" : "SELECT 1";
    boolean param = sql.contains("$1");
    return List.of(new Frame('P', param ? body("", sql, (short) 1, 23) : body("", sql,
        (short) 0)), new Frame('B', param ? body("", "", (short) 0, (short) 1, 1,
        "5".getBytes(), (short) 0) : body("", "", (short) 0, (short) 0, (short) 0)),
        new Frame('D', body('P', "")), new Frame('E', body("", 0)));
  }

  /** The body of a start-up packet (after its length word). */
  public static byte[] startup(Random rnd, String user) {
    return switch (rnd.nextInt(6)) {
      case 0 -> body(80877103);
      case 1 -> body(80877104);
      case 2 -> body(80877102, rnd.nextInt(), rnd.nextInt());
      default -> {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(body(3 << 16 | (rnd.nextInt(4) == 0 ? 1 : 0)));
        for (Map.Entry<String, String> e : Map.of("user", user, "database", "snapsync",
            "application_name", "fuzz", "options", "-c lc_messages=en_US.UTF-8").entrySet()) {
          b.writeBytes(body(e.getKey(), e.getValue()));
        }
        b.write(0);
        yield b.toByteArray();
      }
    };
  }

  /** A SASLInitialResponse body for SCRAM-SHA-256 with a client nonce. */
  public static byte[] saslInitial() {
    byte[] first = "n,,n=,r=fuzzfuzzfuzznonce".getBytes();
    return body("SCRAM-SHA-256", first.length, first);
  }
}
