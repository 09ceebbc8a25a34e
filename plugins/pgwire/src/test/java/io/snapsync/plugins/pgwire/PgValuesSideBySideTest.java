package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.postgresql.util.PSQLException;

/**
 * Asks a real PostgreSQL 15 for {@code SELECT 'input'::type::text} over a corpus of inputs per
 * type (and their SQLSTATE and message when they fail) and checks that
 * {@code PgValues.cast} from unknown and back to text gives the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PgValuesSideBySideTest {

  private RealPostgres postgres;
  private Connection pg;

  @BeforeAll
  void start() throws Exception {
    PgTools.serverBin("initdb");
    Path dir = Files.createTempDirectory("pgwire-types");
    postgres = RealPostgres.start(dir);
    pg = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
        + RealPostgres.DATABASE + "?preferQueryMode=simple", RealPostgres.USER, "");
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

  /** One SQL type spelled as PostgreSQL reads it, with snapsync's type and typmod. */
  record SqlType(String sql, DataType type, int typmod) {
    static SqlType of(DataType t) {
      return new SqlType(t.sqlName(), t, -1);
    }
  }

  private static final String[] INTEGERS = {"0", " -12 ", "+5", "007", "2147483647",
      "-2147483648", "2147483648", "32767", "32768", "-32769", "9223372036854775807",
      "-9223372036854775808", "9223372036854775808", "1e3", "1.5", "", " ", "- 1", "0x10",
      "1_000", "١", "abc", "12abc"};
  private static final String[] NUMERICS = {"0", "1.50", "1e3", "-0.0", "1.5e-3", ".5", "5.",
      "NaN", "nan", "Infinity", "-inf", "+inf", "1.2.3", "", "1e", "123456789012345678901234567890.123",
      "0.000001", "-1.005", "1E+2", " 42 ", "e5"};
  private static final String[] FLOATS = {"0", "0.1", "1e20", "1.5e-7", "-0", "100000000000000",
      "1e15", "1e16", "0.0001", "0.00001", "0.30000000000000004", "1.7976931348623157e308",
      "inf", "-Infinity", "NaN", "1e400", "1e-400", "3.5e38", "abc", "1x", "123456", "1234567",
      "3.14159265358979", "2.5e-310", " 7 ", "1e-45", "1.4e-45", "16777217", "0.1e-6"};
  private static final String[] BOOLS = {"t", "TRUE", " yes ", "on", "1", "tr", "y", "f",
      "False", "no", "off", "of", "0", "n", "o", "2", "yess", ""};
  private static final String[] TEXTS = {"abc", "abcd", "ab  ", "abc  ", "a", "", "日本語です",
      " x "};
  private static final String[] DATES = {"2024-01-02", "January 2, 2024", "2 Jan 2024",
      "01/02/2024", "20240102", "2024-01-02 03:04:05", "0044-03-15 BC", "epoch", "infinity",
      "-infinity", "10000-01-01", "x", "2024-13-01", "2023-02-29", "2024-02-29", "0000-01-01",
      "Jan 2 2024", "2024-Jan-02", "1/2/24", "4714-11-24 BC", "4714-11-23 BC", "5874897-12-31",
      "99999999-01-01", "2024-01-02T03:04", "Tue Jan 2 2024", "2024.01.02", " 2024-1-2 "};
  private static final String[] TIMES = {"04:05", "04:05:06.789", "24:00", "4:05 PM",
      "12:00 am", "allballs", "2024-01-02 04:05:06", "04:05:06.1234567", "25:00", "x",
      "23:59:60", "04:05:06+02", "04:05:06 PST", "24:00:01", "13:00 pm", "4:5:6", "04:60"};
  private static final String[] TIMESTAMPS = {"2024-01-02 03:04:05.123456",
      "2024-01-02T03:04:05.120", "2024-01-02 03:04:05+02", "2024-01-01 24:00",
      "0044-03-15 10:00 BC", "epoch", "Infinity", "-infinity", "x", "300000-01-01",
      "2024-01-02", "January 2 2024 4:05 PM", "2024-01-02 03:04:05.9999995", "2024-01-02 25:00",
      "294276-12-31 23:59:59.999999", "2024-01-02 03:04:05 Europe/Paris", "20240102 030405",
      "2024-01-02 03:04", "2024-01-02T03:04:05Z"};
  private static final String[] TIMESTAMPTZS = {"2024-01-02 03:04:05+02",
      "2024-01-02T03:04:05Z", "2024-01-02 03:04:05-08:00", "2024-01-02 03:04:05 America/New_York",
      "2024-01-02 03:04:05 PST", "2024-01-02 00:00:00+00", "2024-03-10 02:30",
      "2024-11-03 01:30", "1800-01-01 00:00+00", "2024-01-01 00:00 Mars/Olympus", "epoch",
      "infinity", "2024-07-01 12:00", "2024-01-02 03:04:05.5+05:30", "0044-03-15 BC",
      "2024-01-02 03:04:05 +0530", "2024-01-02 03:04:05 UTC", "2024-01-02 03:04:05 xyz",
      "2024-01-02 03:04:05 CEST"};
  private static final String[] INTERVALS = {"1 day 02:00", "1 mon -2 days", "@ 1 hour ago",
      "1 year 2 mons 3 days 04:05:06.5", "-1 days +02:00:00", "-1 day -02:00", "0", "5",
      "1.5 years", "1.5 days", "1.5 months", "2 weeks", "100 hours", "1-2", "1 02:00:00",
      "3 days ago", "1 millisecond", "-2 years 3 mons", "-1 days 3 hours", "P1Y2M", "P1W",
      "PT1H30M", "P1Y2M3DT4H5M6.5S", "P0001-02-03T04:05:06", "PT-1H", "x", "1 fortnight",
      "P1H", "1 microsecond", "2 decades", "1 century", "10 minutes 30 seconds", "-00:30",
      "1 day -1 hour", "@ 2 days 3 hours ago", "1.25 hours", "1 week 2 days", "00:00:00.5",
      "4:05", "1 year -1 mon", "3 mons 50 days 30:00:00"};
  private static final String[] BYTEAS = {"\\x0a0B", "\\x 0a 0b", "abc", "a\\\\b",
      "\\001\\377", "", "\\x0", "\\xzz", "a\\q", "\\x", "é"};
  private static final String[] UUIDS = {"A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
      "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}", "a0eebc999c0b4ef8bb6d6bb9bd380a11",
      "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "x", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
      "{a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-",
      "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11", " a0eebc999c0b4ef8bb6d6bb9bd380a11"};
  private static final String[] JSONS = {"{\"b\":1,  \"a\":2}", "{\"aa\":1,\"b\":2}",
      "{\"a\":1,\"a\":2}", "[1, 2.50, 1e2, -0, \"x\\\"y\"]", "{\"a\" : [1,2], \"b\": {}}",
      "\"\\u00e9\\n\"", " null ", "{\"a\":}", "[1,]", "1 2", "", "true", "[]", "{}",
      "{\"a\":{\"c\":1,\"b\":[true,false,null]}}", "01", "1.", "-", "[1e400]", "\"\\t\"",
      "{\"key\": \"v\\/x\"}", "[0.1, -1.5E-3]", "nul", "'a'"};
  private static final String[] INT_ARRAYS = {"{1,2,NULL}", " { 1 , 2 } ", "{{1,2},{3,4}}",
      "{}", "[1:2]={1,2}", "1,2", "{{1,2},{3}}", "{1,2}x", "{1,", "{1,x}", "{null}", "{ }",
      "{{}}", "{1,{2}}", "{\"3\"}"};
  private static final String[] TEXT_ARRAYS = {"{\"a b\",\"c\\\"d\"}",
      "{\"\",NULL,\"NULL\",a, b c ,\"{x}\",\\,}", "{a,b}", "{\"a,b\"}", "{ab\\\"c}", "{\"\\\\\"}",
      "{{a,b},{c,d}}", "{é,日本}", "{\"null\"}", "{a\tb}"};

  @Test
  void textOutputMatchesPostgresql() throws Exception {
    List<String> mismatches = new ArrayList<>();
    ZoneId utc = ZoneId.of("UTC");
    compare(SqlType.of(DataType.INT2), INTEGERS, utc, mismatches);
    compare(SqlType.of(DataType.INT4), INTEGERS, utc, mismatches);
    compare(SqlType.of(DataType.INT8), INTEGERS, utc, mismatches);
    compare(SqlType.of(DataType.NUMERIC), NUMERICS, utc, mismatches);
    compare(new SqlType("numeric(5,2)", DataType.NUMERIC, ((5 << 16) | 2) + 4),
        new String[] {"123.455", "-123.455", "1", "1234.5", "999.995", "NaN", "inf", "0.001"},
        utc, mismatches);
    compare(new SqlType("numeric(3,3)", DataType.NUMERIC, ((3 << 16) | 3) + 4),
        new String[] {"0.9994", "0.9999", "Infinity"}, utc, mismatches);
    compare(SqlType.of(DataType.FLOAT4), FLOATS, utc, mismatches);
    compare(SqlType.of(DataType.FLOAT8), FLOATS, utc, mismatches);
    compare(SqlType.of(DataType.BOOL), BOOLS, utc, mismatches);
    compare(new SqlType("varchar(3)", DataType.VARCHAR, 7), TEXTS, utc, mismatches);
    compare(new SqlType("char(3)", DataType.BPCHAR, 7), TEXTS, utc, mismatches);
    compare(SqlType.of(DataType.NAME), new String[] {"x".repeat(70), "ab"}, utc, mismatches);
    compare(SqlType.of(DataType.DATE), DATES, utc, mismatches);
    compare(new SqlType("time", DataType.TIME, -1), TIMES, utc, mismatches);
    compare(new SqlType("time(0)", DataType.TIME, 0), new String[] {"04:05:06.5", "23:59:59.6"},
        utc, mismatches);
    compare(new SqlType("timestamp", DataType.TIMESTAMP, -1), TIMESTAMPS, utc, mismatches);
    compare(new SqlType("timestamp(2)", DataType.TIMESTAMP, 2),
        new String[] {"2024-01-02 03:04:05.125", "2024-01-02 03:04:05.999"}, utc, mismatches);
    for (String zone : new String[] {"UTC", "America/New_York", "Asia/Kolkata", "Europe/Paris"}) {
      compare(new SqlType("timestamptz", DataType.TIMESTAMPTZ, -1), TIMESTAMPTZS,
          ZoneId.of(zone), mismatches);
    }
    compare(SqlType.of(DataType.INTERVAL), INTERVALS, utc, mismatches);
    compare(SqlType.of(DataType.BYTEA), BYTEAS, utc, mismatches);
    compare(SqlType.of(DataType.UUID), UUIDS, utc, mismatches);
    compare(SqlType.of(DataType.JSON), JSONS, utc, mismatches);
    compare(SqlType.of(DataType.JSONB), JSONS, utc, mismatches);
    compare(new SqlType("int[]", DataType.INT4_ARRAY, -1), INT_ARRAYS, utc, mismatches);
    compare(new SqlType("text[]", DataType.TEXT_ARRAY, -1), TEXT_ARRAYS, utc, mismatches);
    compare(new SqlType("float8[]", DataType.FLOAT8_ARRAY, -1),
        new String[] {"{0.1,NaN,-0,1e20}", "{Infinity}"}, utc, mismatches);
    compare(new SqlType("timestamptz[]", DataType.TIMESTAMPTZ_ARRAY, -1),
        new String[] {"{\"2024-01-02 03:04:05+02\",infinity}"}, utc, mismatches);
    compare(new SqlType("interval[]", DataType.INTERVAL_ARRAY, -1),
        new String[] {"{\"1 day\",\"-1 hour\"}"}, utc, mismatches);
    compare(new SqlType("varchar(2)[]", DataType.VARCHAR_ARRAY, 6),
        new String[] {"{abc,d}"}, utc, mismatches);
    compare(new SqlType("jsonb[]", DataType.JSONB_ARRAY, -1),
        new String[] {"{\"{\\\"b\\\":1,\\\"a\\\":[1,2]}\"}"}, utc, mismatches);
    compare(new SqlType("uuid[]", DataType.UUID_ARRAY, -1),
        new String[] {"{a0eebc999c0b4ef8bb6d6bb9bd380a11,NULL}"}, utc, mismatches);
    compare(new SqlType("date[]", DataType.DATE_ARRAY, -1),
        new String[] {"{2024-01-02,infinity,\"0044-03-15 BC\"}"}, utc, mismatches);
    compare(new SqlType("bytea[]", DataType.BYTEA_ARRAY, -1),
        new String[] {"{\"\\\\x0a\",abc}"}, utc, mismatches);
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " mismatches");
  }

  private void compare(SqlType t, String[] inputs, ZoneId zone, List<String> mismatches)
      throws SQLException {
    try (Statement st = pg.createStatement()) {
      st.execute("SET TimeZone = '" + zone.getId() + "'");
    }
    for (String in : inputs) {
      String theirs = postgres(in, t);
      String ours = ours(in, t, zone);
      if (!theirs.equals(ours)) {
        mismatches.add("'" + in + "'::" + t.sql() + " [" + zone + "]\n    postgresql: "
            + theirs + "\n    snapsync:   " + ours);
      }
    }
  }

  private String postgres(String in, SqlType t) throws SQLException {
    String sql = "SELECT '" + in.replace("'", "''") + "'::" + t.sql() + "::text";
    try (Statement st = pg.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return "ok " + rs.getString(1);
    } catch (PSQLException e) {
      return "error " + e.getSQLState() + " " + e.getServerErrorMessage().getMessage();
    }
  }

  private static String ours(String in, SqlType t, ZoneId zone) {
    try {
      Object v = PgValues.cast(in, DataType.UNKNOWN, t.type(), t.typmod(), zone);
      return "ok " + PgValues.cast(v, t.type(), DataType.TEXT, -1, zone);
    } catch (SnapsyncException e) {
      return "error " + e.sqlState() + " " + MessageCatalog.english(e.message());
    } catch (RuntimeException e) {
      return "exception " + e;
    }
  }
}
