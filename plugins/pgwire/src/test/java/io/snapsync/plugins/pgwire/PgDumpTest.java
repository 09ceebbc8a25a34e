package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * pg_dump 15, unchanged, from a source server into a fresh database of a real PostgreSQL 15,
 * restored with psql (plain) and pg_restore (custom format): the restored schema has the same
 * tables, keys, indexes, constraints, defaults and sequences, and every table the same rows
 * (per-table checksums over the rows in key order), with a schema besides public holding a
 * table, a sequence and a view. The harness is checked with PostgreSQL as the source.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class PgDumpTest {

  private static final String[] SCHEMA = {
      "CREATE TABLE items (id serial PRIMARY KEY, sku text NOT NULL UNIQUE,"
          + " qty int DEFAULT 0 CHECK (qty >= 0), price numeric(10,2), note varchar(40))",
      "CREATE INDEX items_qty_idx ON items (qty)",
      "CREATE TABLE pairs (a int, b int, v text, PRIMARY KEY (a, b))",
      "CREATE TABLE nokey (x int, y text)",
      "CREATE SEQUENCE counter START 100 INCREMENT 5",
      "SELECT nextval('counter')",
      "INSERT INTO items (sku, qty, price, note) VALUES ('a', 1, 2.50, 'x'), ('b', 2, NULL, NULL),"
          + " ('c''q', 0, 10.00, 'tab\there')",
      "INSERT INTO pairs VALUES (1, 2, 'q'), (2, 1, NULL)",
      "INSERT INTO nokey VALUES (1, 'z'), (NULL, NULL)",
      "CREATE SCHEMA app",
      "CREATE TABLE app.orders (id int PRIMARY KEY, item int NOT NULL, amount bigint DEFAULT 1,"
          + " placed date)",
      "CREATE SEQUENCE app.tally START 7",
      "CREATE VIEW app.big_orders AS SELECT id, amount FROM app.orders WHERE amount > 10",
      "INSERT INTO app.orders VALUES (1, 1, 5, '2024-01-01'), (2, 2, 50, '2024-02-01')"};

  /** The schema facts compared after a restore, each over names only (no OIDs). */
  private static final String[] SCHEMA_FACTS = {
      "SELECT relname, relkind, relchecks FROM pg_class WHERE relnamespace = 2200 ORDER BY 1",
      "SELECT k.conname, k.contype, pg_get_constraintdef(k.oid) FROM pg_constraint k"
          + " WHERE k.connamespace = 2200 ORDER BY 1",
      "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i"
          + " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = 2200 ORDER BY 1",
      "SELECT c.relname, d.adnum, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d"
          + " JOIN pg_class c ON c.oid = d.adrelid ORDER BY 1, 2",
      "SELECT c.relname, a.attname, a.attnotnull FROM pg_attribute a"
          + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 2200"
          + " AND c.relkind = 'r' AND a.attnum > 0 ORDER BY 1, a.attnum",
      "SELECT sequencename, start_value, increment_by, last_value FROM pg_sequences ORDER BY 1",
      "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = 'app' ORDER BY 1",
      "SELECT k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
          + " JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = 'app' ORDER BY 1",
      "SELECT id, amount FROM app.big_orders ORDER BY id"};

  /** Per table: its rows in a fixed order, hashed (same query on source and target). */
  private static final Map<String, String> CHECKSUMS = Map.of(
      "items", "SELECT md5(string_agg(id || ':' || sku || ':' || qty || ':'"
          + " || coalesce(price::text, '-') || ':' || coalesce(note, '-'), ',' ORDER BY id))"
          + " FROM items",
      "pairs", "SELECT md5(string_agg(a || ':' || b || ':' || coalesce(v, '-'), ','"
          + " ORDER BY a, b)) FROM pairs",
      "nokey", "SELECT count(*) || ':' || coalesce(sum(x), 0) FROM nokey",
      "app.orders", "SELECT md5(string_agg(id || ':' || item || ':' || amount || ':' || placed,"
          + " ',' ORDER BY id)) FROM app.orders");

  private Path dir;
  private RealPostgres target;
  private SnapsyncFixture snapsync;
  private int restores;

  @BeforeAll
  void start() throws Exception {
    PgTools.serverBin("pg_dump");
    dir = Files.createTempDirectory("pgwire-pgdump");
    target = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {target, snapsync}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private record Server(int port, String user, String password, String database) {

    Connection connect() throws Exception {
      return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
          user, password);
    }
  }

  /** The harness itself: PostgreSQL dumped into another PostgreSQL database, both formats. */
  @Test
  void postgresDumpRestoresIdentically() throws Exception {
    Server source = new Server(target.port(), RealPostgres.USER, "", RealPostgres.DATABASE);
    load(source);
    dumpAndCompare(source);
  }

  /** snapsync dumped by pg_dump 15 (its objects owned by admin, a role the target has). */
  @Test
  void snapsyncDumpRestoresIdenticallyIntoPostgres() throws Exception {
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    Server source = new Server(snapsync.port(), SnapsyncFixture.ADMIN,
        SnapsyncFixture.ADMIN_PASSWORD, "snapsync");
    try (Connection c = new Server(target.port(), RealPostgres.USER, "", "postgres").connect();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '"
          + SnapsyncFixture.ADMIN + "'")) {
        if (!rs.next()) {
          st.execute("CREATE ROLE " + SnapsyncFixture.ADMIN);
        }
      }
    }
    load(source);
    dumpAndCompare(source);
  }

  private void load(Server s) throws Exception {
    try (Connection c = s.connect(); Statement st = c.createStatement()) {
      for (String sql : SCHEMA) {
        st.execute(sql);
      }
    }
  }

  private void dumpAndCompare(Server source) throws Exception {
    Path plain = dir.resolve("dump" + restores + ".sql");
    run(source, List.of(tool("pg_dump"), "-f", plain.toString(), source.database()));
    Server restored = createTarget();
    run(restored, List.of(PgTools.psql().toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f",
        plain.toString(), restored.database()));
    assertSame(source, restored);
    Path custom = dir.resolve("dump" + restores + ".custom");
    run(source, List.of(tool("pg_dump"), "-Fc", "-f", custom.toString(), source.database()));
    restored = createTarget();
    run(restored, List.of(tool("pg_restore"), "--exit-on-error", "-d", restored.database(),
        custom.toString()));
    assertSame(source, restored);
  }

  private Server createTarget() throws Exception {
    String name = "restored" + (++restores);
    try (Connection c = new Server(target.port(), RealPostgres.USER, "", "postgres").connect();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    return new Server(target.port(), RealPostgres.USER, "", name);
  }

  private static void assertSame(Server source, Server restored) throws Exception {
    try (Connection a = source.connect(); Connection b = restored.connect()) {
      for (String sql : SCHEMA_FACTS) {
        assertEquals(rows(a, sql), rows(b, sql), sql);
      }
      Map<String, String> expected = new TreeMap<>();
      Map<String, String> actual = new TreeMap<>();
      for (Map.Entry<String, String> e : CHECKSUMS.entrySet()) {
        expected.put(e.getKey(), rows(a, e.getValue()).toString());
        actual.put(e.getKey(), rows(b, e.getValue()).toString());
      }
      assertEquals(expected, actual);
    }
  }

  private static String tool(String name) {
    return PgTools.serverBin(name).toString();
  }

  private static void run(Server s, List<String> command) throws Exception {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(1, List.of("-h", "127.0.0.1", "-p", String.valueOf(s.port()), "-U", s.user()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", s.password());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), cmd + "\n" + out);
  }

  private static List<List<String>> rows(Connection c, String sql) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
