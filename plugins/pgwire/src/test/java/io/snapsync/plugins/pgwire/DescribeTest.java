package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.RawClient;
import io.snapsync.plugins.pgwire.support.RawClient.Msg;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Describe of a prepared statement before Bind learns the result columns without running the
 * statement: inside a REPEATABLE READ block it takes no snapshot, so a following
 * {@code SET TRANSACTION SNAPSHOT} (which must be the block's first query) still succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DescribeTest {

  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    node = SnapsyncFixture.start(Files.createTempDirectory("pgwire-describe"),
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

  /** A field of a RowDescription: name and type OID. */
  private record Field(String name, int typeOid) {
  }

  private static List<Field> fields(Msg rowDescription) throws IOException {
    assertEquals('T', rowDescription.type());
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(rowDescription.body()));
    int n = d.readShort();
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ByteArrayOutputStream name = new ByteArrayOutputStream();
      for (int b = d.read(); b != 0; b = d.read()) {
        name.write(b);
      }
      d.readInt();
      d.readShort();
      int oid = d.readInt();
      d.readShort();
      d.readInt();
      d.readShort();
      out.add(new Field(name.toString(StandardCharsets.UTF_8), oid));
    }
    return out;
  }

  private static int[] paramTypes(Msg parameterDescription) throws IOException {
    assertEquals('t', parameterDescription.type());
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(parameterDescription.body()));
    int[] types = new int[d.readShort()];
    for (int i = 0; i < types.length; i++) {
      types[i] = d.readInt();
    }
    return types;
  }

  /** The single text value of a one-row, one-column simple query. */
  private static String value(RawClient c, String sql) throws IOException {
    c.send('Q', RawClient.cstr(sql));
    String v = null;
    while (true) {
      Msg m = c.read();
      if (m.type() == 'E') {
        throw new AssertionError(sql + ": " + m.fields());
      }
      if (m.type() == 'D') {
        DataInputStream d = new DataInputStream(new ByteArrayInputStream(m.body()));
        d.readShort();
        byte[] b = new byte[d.readInt()];
        d.readFully(b);
        v = new String(b, StandardCharsets.UTF_8);
      }
      if (m.type() == 'Z') {
        return v;
      }
    }
  }

  private static void parse(RawClient c, String name, String sql) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(RawClient.cstr(name));
    b.write(RawClient.cstr(sql));
    b.write(new byte[] {0, 0});
    c.send('P', b.toByteArray());
  }

  private static void describeStatement(RawClient c, String name) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write('S');
    b.write(RawClient.cstr(name));
    c.send('D', b.toByteArray());
  }

  /** Bind (one text parameter, text results), Execute, Sync; the text values of column 2. */
  private static List<String> run(RawClient c, String statement, String param)
      throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    d.write(RawClient.cstr(""));
    d.write(RawClient.cstr(statement));
    d.writeShort(0);
    d.writeShort(1);
    byte[] v = param.getBytes(StandardCharsets.UTF_8);
    d.writeInt(v.length);
    d.write(v);
    d.writeShort(0);
    c.send('B', b.toByteArray());
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    e.write(RawClient.cstr(""));
    e.write(new byte[] {0, 0, 0, 0});
    c.send('E', e.toByteArray());
    c.send('S', new byte[0]);
    List<String> values = new ArrayList<>();
    while (true) {
      Msg m = c.read();
      if (m.type() == 'E') {
        throw new AssertionError(m.fields().toString());
      }
      if (m.type() == 'D') {
        DataInputStream r = new DataInputStream(new ByteArrayInputStream(m.body()));
        r.readShort();
        r.skipBytes(r.readInt());
        byte[] s = new byte[r.readInt()];
        r.readFully(s);
        values.add(new String(s, StandardCharsets.UTF_8));
      }
      if (m.type() == 'Z') {
        return values;
      }
    }
  }

  @Test
  void describeInsideRepeatableReadLeavesTheSnapshotImportPossible() throws Exception {
    try (RawClient exporter = login(); RawClient c = login()) {
      assertNull(c.query("CREATE TABLE dsc1 (id int PRIMARY KEY, v text, n bigint)"));
      assertNull(c.query("INSERT INTO dsc1 VALUES (1, 'before', 10)"));
      assertNull(exporter.query("BEGIN ISOLATION LEVEL REPEATABLE READ"));
      String id = value(exporter, "SELECT pg_export_snapshot()");
      // committed after the export: invisible to an importer of the snapshot
      assertNull(c.query("INSERT INTO dsc1 VALUES (2, 'after', 20)"));

      assertNull(c.query("BEGIN ISOLATION LEVEL REPEATABLE READ"));
      parse(c, "q", "SELECT id, v, n FROM dsc1 WHERE id >= $1");
      describeStatement(c, "q");
      parse(c, "f", "SELECT pg_export_snapshot(), current_setting($1) AS s");
      describeStatement(c, "f");
      parse(c, "sh", "SHOW transaction_isolation");
      describeStatement(c, "sh");
      parse(c, "ins", "INSERT INTO dsc1 (id, v) VALUES ($1, $2)");
      describeStatement(c, "ins");
      c.send('S', new byte[0]);
      assertEquals('1', c.read().type());
      assertEquals(List.of(23), List.of(paramTypes(c.read())).stream()
          .flatMapToInt(java.util.Arrays::stream).boxed().toList());
      assertEquals(List.of(new Field("id", 23), new Field("v", 25), new Field("n", 20)),
          fields(c.read()));
      assertEquals('1', c.read().type());
      assertEquals(25, paramTypes(c.read())[0]);
      assertEquals(List.of(new Field("pg_export_snapshot", 25), new Field("s", 25)),
          fields(c.read()));
      assertEquals('1', c.read().type());
      assertEquals(0, paramTypes(c.read()).length);
      assertEquals(List.of(new Field("transaction_isolation", 25)), fields(c.read()));
      assertEquals('1', c.read().type());
      int[] insTypes = paramTypes(c.read());
      assertEquals(23, insTypes[0]);
      assertEquals(25, insTypes[1]);
      assertEquals('n', c.read().type());
      Msg ready = c.read();
      assertEquals('Z', ready.type());
      assertEquals('T', (char) ready.body()[0]);

      // the describes took no snapshot: the import is still the block's first query
      assertNull(c.query("SET TRANSACTION SNAPSHOT '" + id + "'"));
      assertEquals(List.of("before"), run(c, "q", "1"));
      assertNull(c.query("COMMIT"));
      assertNull(exporter.query("COMMIT"));
      assertEquals(List.of("before", "after"), run(c, "q", "1"));
    }
  }

  @Test
  void pgjdbcMetaDataInsideRepeatableReadLeavesTheSnapshotImportPossible() throws Exception {
    Properties p = new Properties();
    p.setProperty("user", SnapsyncFixture.ADMIN);
    p.setProperty("password", SnapsyncFixture.ADMIN_PASSWORD);
    String url = "jdbc:postgresql://127.0.0.1:" + node.port() + "/snapsync";
    try (Connection exporter = DriverManager.getConnection(url, p);
        Connection c = DriverManager.getConnection(url, p);
        Statement es = exporter.createStatement();
        Statement cs = c.createStatement()) {
      cs.execute("CREATE TABLE dsc2 (id int PRIMARY KEY, v text)");
      cs.execute("INSERT INTO dsc2 VALUES (1, 'before')");
      es.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      String id;
      try (ResultSet rs = es.executeQuery("SELECT pg_export_snapshot()")) {
        rs.next();
        id = rs.getString(1);
      }
      cs.execute("INSERT INTO dsc2 VALUES (2, 'after')");
      cs.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      try (PreparedStatement q = c.prepareStatement("SELECT id, v FROM dsc2 WHERE id >= ?")) {
        // Parse / Describe statement / Sync, nothing executed
        ResultSetMetaData md = q.getMetaData();
        assertEquals(2, md.getColumnCount());
        assertEquals("id", md.getColumnName(1));
        assertEquals("int4", md.getColumnTypeName(1));
        assertEquals("v", md.getColumnName(2));
        assertEquals("text", md.getColumnTypeName(2));
        cs.execute("SET TRANSACTION SNAPSHOT '" + id + "'");
        q.setInt(1, 1);
        List<String> seen = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            seen.add(rs.getString("v"));
          }
        }
        assertEquals(List.of("before"), seen);
      }
      cs.execute("COMMIT");
      es.execute("COMMIT");
    }
  }
}
