package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.postgresql.PGConnection;

/**
 * The session's DateStyle, IntervalStyle and TimeZone from the start-up packet (psql sends
 * PGDATESTYLE and PGTZ; pgjdbc sends {@code options}) shape the rows' text and are reported in
 * ParameterStatus, at start-up and after {@code SET}; {@code RESET} returns to the start-up
 * value. The same psql script and the same pgjdbc calls against a real PostgreSQL 15.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PsqlDateStyleTest {

  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    Path dir = Files.createTempDirectory("pgwire-datestyle");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (snapsync != null) {
      snapsync.close();
    }
  }

  private static final String SCRIPT = String.join("\n",
      "select current_setting('timezone') as timezone;", "select current_setting('datestyle') as datestyle;", "select current_setting('intervalstyle') as intervalstyle;",
      "select timestamptz '2024-01-15 12:34:56.5+00', timestamptz '2024-07-15 12:00:00+00';",
      "select timestamptz '2024-07-15 12:00:00';",
      "select date '2024-01-15', timestamp '2024-01-15 01:02:03', date '08/01/2024';",
      "select interval '1 day 02:03:04', interval '-1 year 2 mons';",
      "set datestyle to dmy;", "select current_setting('datestyle') as datestyle;",
      "select date '08/01/2024', timestamptz '2024-01-15 12:00:00+00';",
      "set datestyle = 'SQL, DMY';", "select current_setting('datestyle') as datestyle;",
      "select date '2024-01-15', timestamptz '2024-07-15 12:00:00+00';",
      "set datestyle = german;", "select timestamptz '2024-07-15 12:00:00+00';",
      "set intervalstyle = sql_standard;", "select interval '1 day 02:03:04';",
      "set time zone 'UTC';", "set datestyle = postgres;",
      "select timestamptz '2024-07-15 12:00:00+00';",
      "reset datestyle;", "reset timezone;", "select current_setting('datestyle') as datestyle;", "select current_setting('timezone') as timezone;",
      "select timestamptz '2024-01-15 12:34:56+00';");

  @Test
  void psqlWithPgtzAndPgdatestyleSeesWhatPostgresShows() throws Exception {
    Map<String, String> env = Map.of("PGTZ", "PST8PDT", "PGDATESTYLE", "Postgres, MDY");
    List<String> ours;
    try (Psql p = new Psql(snapsync.port(), SnapsyncFixture.ADMIN,
        SnapsyncFixture.ADMIN_PASSWORD, "snapsync", env)) {
      ours = p.run(SCRIPT);
    }
    List<String> theirs;
    try (Psql p = new Psql(postgres.port(), RealPostgres.USER, "", RealPostgres.DATABASE,
        env)) {
      theirs = p.run(SCRIPT);
    }
    assertEquals(String.join("\n", theirs), String.join("\n", ours));
  }

  @Test
  void parameterStatusReportsTheSessionsStyles() throws Exception {
    List<String> ours = statuses("jdbc:postgresql://127.0.0.1:" + snapsync.port()
        + "/snapsync", SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    List<String> theirs = statuses("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/"
        + RealPostgres.DATABASE, RealPostgres.USER, "");
    assertEquals(theirs, ours);
  }

  private static List<String> statuses(String url, String user, String password)
      throws Exception {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("options", "-c DateStyle=ISO,DMY -c IntervalStyle=iso_8601");
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, props);
        Statement st = c.createStatement()) {
      PGConnection pgc = c.unwrap(PGConnection.class);
      for (String name : List.of("DateStyle", "IntervalStyle")) {
        out.add(name + "=" + pgc.getParameterStatus(name));
      }
      st.execute("set datestyle to ymd");
      st.execute("set intervalstyle to sql_standard");
      st.execute("set timezone to 'Europe/Paris'");
      for (String name : List.of("DateStyle", "IntervalStyle", "TimeZone")) {
        out.add(name + "=" + pgc.getParameterStatus(name));
      }
      try (var rs = st.executeQuery("select interval '1 day 2 hours'::text,"
          + " (timestamptz '2024-07-15 12:00:00+00')::text")) {
        rs.next();
        out.add(rs.getString(1) + " | " + rs.getString(2));
      }
      st.execute("reset all");
      for (String name : List.of("DateStyle", "IntervalStyle")) {
        out.add(name + "=" + pgc.getParameterStatus(name));
      }
    }
    return out;
  }
}
