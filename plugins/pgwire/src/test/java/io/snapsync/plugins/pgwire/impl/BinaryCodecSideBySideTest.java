package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Compares snapsync's binary wire format with PostgreSQL 15's own {@code *_send} functions:
 * for each value, the bytes {@link BinaryCodec} sends must equal PostgreSQL's, and decoding
 * PostgreSQL's bytes must give back the value (receive).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinaryCodecSideBySideTest {

  private RealPostgres postgres;
  private Connection pg;

  @BeforeAll
  void start() throws Exception {
    PgTools.serverBin("initdb");
    Path dir = Files.createTempDirectory("pgwire-binary");
    postgres = RealPostgres.start(dir);
    pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
        + RealPostgres.DATABASE, RealPostgres.USER, "");
    try (Statement st = pg.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static final Object[][] CASES = {
      {DataType.BOOL, "boolsend", "boolean", new String[] {"t", "f"}},
      {DataType.INT2, "int2send", "int2", new String[] {"0", "-32768", "1234"}},
      {DataType.INT4, "int4send", "int4", new String[] {"-1", "2147483647"}},
      {DataType.INT8, "int8send", "int8", new String[] {"-9223372036854775808", "42"}},
      {DataType.OID, "oidsend", "oid", new String[] {"4294967295", "16"}},
      {DataType.FLOAT4, "float4send", "float4", new String[] {"0.1", "-0", "NaN", "-Infinity"}},
      {DataType.FLOAT8, "float8send", "float8", new String[] {"0.1", "1e300", "Infinity"}},
      {DataType.NUMERIC, "numeric_send", "numeric", new String[] {"0", "0.00", "1234.50",
          "-0.0001", "12345678901234567890.123456789", "1e20", "NaN", "Infinity", "-Infinity",
          "10000", "0.1", "99990000"}},
      {DataType.TEXT, "textsend", "text", new String[] {"héllo", ""}},
      {DataType.VARCHAR, "varcharsend", "varchar", new String[] {"abc"}},
      {DataType.BPCHAR, "bpcharsend", "char(4)", new String[] {"ab"}},
      {DataType.NAME, "namesend", "name", new String[] {"pg_class"}},
      {DataType.BYTEA, "byteasend", "bytea", new String[] {"\\x00ff10", "\\x"}},
      {DataType.DATE, "date_send", "date", new String[] {"2024-01-02", "1999-12-31",
          "0044-03-15 BC", "infinity", "-infinity"}},
      {DataType.TIME, "time_send", "time", new String[] {"04:05:06.789", "24:00:00", "00:00"}},
      {DataType.TIMESTAMP, "timestamp_send", "timestamp", new String[] {
          "2024-01-02 03:04:05.123456", "1970-01-01", "1999-12-31 23:59:59.999999",
          "0044-03-15 10:00 BC", "infinity", "-infinity"}},
      {DataType.TIMESTAMPTZ, "timestamptz_send", "timestamptz", new String[] {
          "2024-01-02 03:04:05.5+02", "1900-01-01 00:00+00", "infinity"}},
      {DataType.INTERVAL, "interval_send", "interval", new String[] {
          "1 year 2 mons -3 days 04:05:06.5", "-1 hour", "0"}},
      {DataType.UUID, "uuid_send", "uuid", new String[] {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
          "ffffffff-ffff-ffff-ffff-ffffffffffff"}},
      {DataType.JSON, "json_send", "json", new String[] {"{\"b\":1, \"a\":[1,2]}"}},
      {DataType.JSONB, "jsonb_send", "jsonb", new String[] {"{\"b\":1, \"a\":[1,2]}", "3"}},
      {DataType.INT4_ARRAY, "array_send", "int4[]", new String[] {"{1,2,NULL}", "{}",
          "{{1,2},{3,4}}"}},
      {DataType.TEXT_ARRAY, "array_send", "text[]", new String[] {"{\"a b\",c}"}},
      {DataType.NUMERIC_ARRAY, "array_send", "numeric[]", new String[] {"{1.50,NaN}"}},
      {DataType.TIMESTAMPTZ_ARRAY, "array_send", "timestamptz[]",
          new String[] {"{\"2024-01-02 03:04:05+00\",infinity}"}},
      {DataType.UUID_ARRAY, "array_send", "uuid[]",
          new String[] {"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"}},
      {DataType.BOOL_ARRAY, "array_send", "bool[]", new String[] {"{t,NULL,f}"}},
  };

  @Test
  void sendAndReceiveMatchPostgresql() throws Exception {
    List<String> mismatches = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (Object[] c : CASES) {
      DataType type = (DataType) c[0];
      for (String in : (String[]) c[3]) {
        String sql = "SELECT encode(" + c[1] + "('" + in.replace("'", "''") + "'::" + c[2]
            + "), 'hex')";
        String theirs;
        try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
          rs.next();
          theirs = rs.getString(1);
        }
        Object v = PgValues.fromText(in, type, type == DataType.BPCHAR ? 8 : -1, ZoneOffset.UTC);
        String ours = hex.formatHex(BinaryCodec.encode(v, type));
        if (!ours.equals(theirs)) {
          mismatches.add(c[1] + "('" + in + "')\n    postgresql: " + theirs
              + "\n    snapsync:   " + ours);
        }
        Object back = BinaryCodec.decode(hex.parseHex(theirs), type);
        String text = PgValues.toText(back, type, ZoneOffset.UTC);
        String expected = PgValues.toText(v, type, ZoneOffset.UTC);
        if (!text.equals(expected)) {
          mismatches.add("receive " + c[2] + " '" + in + "': " + text + " != " + expected);
        }
      }
    }
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " mismatches");
  }
}
