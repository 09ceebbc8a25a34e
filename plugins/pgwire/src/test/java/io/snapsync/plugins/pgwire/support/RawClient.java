package io.snapsync.plugins.pgwire.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare-socket PostgreSQL protocol client for sending exactly the bytes a test wants (broken
 * frames included) and reading the server's messages one by one.
 */
public final class RawClient implements AutoCloseable {

  /** A backend message: type and body. */
  public record Msg(char type, byte[] body) {

    /** The fields of an ErrorResponse / NoticeResponse. */
    public Map<Character, String> fields() {
      Map<Character, String> f = new LinkedHashMap<>();
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char code = (char) body[i++];
        int start = i;
        while (body[i] != 0) {
          i++;
        }
        f.put(code, new String(body, start, i - start, StandardCharsets.UTF_8));
        i++;
      }
      return f;
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  public RawClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(20_000);
    in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    // buffered and without Nagle: a message leaves in one segment when sent
    socket.setTcpNoDelay(true);
    out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream()));
  }

  public static byte[] cstr(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] r = new byte[b.length + 1];
    System.arraycopy(b, 0, r, 0, b.length);
    return r;
  }

  /** Sends a StartupMessage with protocol {@code major.minor}. */
  public void startup(int major, int minor, Map<String, String> params) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(body);
    d.writeInt(major << 16 | minor);
    for (Map.Entry<String, String> e : params.entrySet()) {
      d.write(cstr(e.getKey()));
      d.write(cstr(e.getValue()));
    }
    d.write(0);
    out.writeInt(body.size() + 4);
    out.write(body.toByteArray());
    out.flush();
  }

  /** Sends an untyped packet (SSLRequest, CancelRequest): length word, then {@code body}. */
  public void untyped(byte[] body) throws IOException {
    out.writeInt(body.length + 4);
    out.write(body);
    out.flush();
  }

  public void send(char type, byte[] body) throws IOException {
    out.write(type);
    out.writeInt(body.length + 4);
    out.write(body);
    out.flush();
  }

  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sets how long a read may wait before it fails (a server that never answers). */
  public RawClient timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
    return this;
  }

  public int readByte() throws IOException {
    return in.read();
  }

  public Msg read() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("server closed the connection");
    }
    int len = in.readInt();
    byte[] body = new byte[len - 4];
    in.readFully(body);
    return new Msg((char) type, body);
  }

  /** Reads messages up to and including ReadyForQuery; returns the last ErrorResponse or null. */
  public Msg readUntilReady() throws IOException {
    Msg error = null;
    while (true) {
      Msg m = read();
      if (m.type() == 'E') {
        error = m;
      }
      if (m.type() == 'Z') {
        return error;
      }
    }
  }

  /** Logs in with cleartext password authentication (the listener must be configured so). */
  public int[] loginCleartext(String user, String password) throws IOException {
    startup(3, 0, Map.of("user", user, "database", "snapsync"));
    Msg auth = read();
    if (auth.type() != 'R') {
      throw new IOException("expected an authentication request, got " + auth.type());
    }
    send('p', cstr(password));
    int[] key = null;
    while (true) {
      Msg m = read();
      if (m.type() == 'E') {
        throw new IOException("login failed: " + m.fields());
      }
      if (m.type() == 'K') {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(m.body()));
        key = new int[] {d.readInt(), d.readInt()};
      }
      if (m.type() == 'Z') {
        return key;
      }
    }
  }

  /** A simple query; returns the ErrorResponse if one came, else null. */
  public Msg query(String sql) throws IOException {
    send('Q', cstr(sql));
    return readUntilReady();
  }

  /** True once the server has closed the connection (reads EOF). */
  public boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  /** Drops the connection at once with a TCP reset (a client that vanished mid-stream). */
  public void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
