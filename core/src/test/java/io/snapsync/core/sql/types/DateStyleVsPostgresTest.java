package io.snapsync.core.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DateStyle and IntervalStyle, in one session each side: {@code SET} and {@code SHOW}, the
 * output of date, timestamp, timestamptz and interval values (as the session's style prints a
 * row) and of their {@code ::text} casts, and the DateStyle order reading ambiguous dates; the
 * same statements on a real PostgreSQL 15.
 */
class DateStyleVsPostgresTest {

  @TempDir
  static Path dir;
  static PostgresOracle pg;
  static EngineFixture fx;

  @BeforeAll
  static void start() throws Exception {
    pg = PostgresOracle.start(dir);
    fx = EngineFixture.start(dir.resolve("engine"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (fx != null) {
      fx.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  private static final List<String> VALUES = List.of(
      "select date '1997-02-10'",
      "select date '0044-03-15 BC'",
      "select date 'infinity'",
      "select timestamp '1997-02-10 17:32:01.25'",
      "select timestamp '1997-02-10 17:32:01 BC'",
      "select timestamptz '1997-02-10 17:32:01+00'",
      "select timestamptz '1997-07-10 17:32:01.5+00'",
      "select (timestamptz '1997-07-10 17:32:01+00')::text",
      "select array[date '1997-02-10', date '1997-02-11']");

  @Test
  void everyDateStylePrintsAsPostgres() throws Exception {
    List<String> sqls = new ArrayList<>();
    for (String style : List.of("ISO, MDY", "ISO, DMY", "SQL, MDY", "SQL, DMY",
        "Postgres, MDY", "Postgres, DMY", "German", "German, MDY")) {
      sqls.add("set datestyle = '" + style + "'");
      sqls.add("show datestyle");
      sqls.addAll(VALUES);
    }
    assertSame(sqls, "America/Los_Angeles");
    assertSame(sqls, "UTC");
  }

  @Test
  void datestyleSetKeepsThePartNotGivenAndRejectsConflicts() throws Exception {
    assertSame(List.of(
        "set datestyle = 'Postgres, MDY'", "show datestyle",
        "set datestyle to ymd", "show datestyle",
        "set datestyle to euro", "show datestyle",
        "set datestyle to sql", "show datestyle",
        "set datestyle = 'German'", "show datestyle",
        "set datestyle = 'us, iso'", "show datestyle",
        "set datestyle = 'iso, sql'", "set datestyle = 'dmy, ymd'", "set datestyle = 'x'",
        "show datestyle", "reset datestyle", "show datestyle"), "UTC");
  }

  @Test
  void theOrderReadsAmbiguousDates() throws Exception {
    List<String> sqls = new ArrayList<>();
    for (String order : List.of("ymd", "dmy", "mdy")) {
      sqls.add("set datestyle to iso, " + order);
      for (String d : List.of("1/8/1999", "01-08-1999", "1999-01-08", "08-Jan-1999",
          "Jan-08-1999", "January 8, 99", "13/1/2000", "1/13/2000", "19990108")) {
        sqls.add("select date '" + d + "'");
      }
      sqls.add("select timestamp '1/8/1999 04:05:06'");
      sqls.add("select timestamptz '1/8/1999 04:05:06+02'");
      sqls.add("select '2/3/2004'::date");
    }
    assertSame(sqls, "UTC");
  }

  @Test
  void everyIntervalStylePrintsAsPostgres() throws Exception {
    List<String> sqls = new ArrayList<>();
    for (String style : List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601")) {
      sqls.add("set intervalstyle to " + style);
      sqls.add("show intervalstyle");
      for (String i : List.of("1 year 2 mons 3 days 04:05:06.5", "-1 year -2 mons",
          "1 day -02:00:00", "-3 days", "0", "-00:00:01.25", "1 mon 1 sec", "2 days 1 sec",
          "-1 year 2 mons -3 days 04:05:06", "1.5 hours", "@ 2 min ago", "10 days ago")) {
        sqls.add("select interval '" + i + "'");
      }
      sqls.add("select (interval '1 day 2 hours')::text");
    }
    assertSame(sqls, "UTC");
  }

  private static void assertSame(List<String> sqls, String zone) throws Exception {
    List<String> want = postgres(sqls, zone);
    Session s = fx.session();
    EngineFixture.exec(s, "set timezone = '" + zone + "'");
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      String got = ours(s, sqls.get(i), ZoneId.of(zone));
      String expected = i < want.size() ? want.get(i) : "<no answer>";
      if (!expected.equals(got)) {
        mismatches.add(sqls.get(i) + "\n  postgres: " + expected + "\n  snapsync: " + got);
      }
    }
    s.close();
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " differ");
  }

  /**
   * Each statement's first value as text in one psql session (so {@code SET} carries over),
   * {@code ""} for none, or {@code ERROR:  sqlstate: message}.
   */
  private static List<String> postgres(List<String> sqls, String zone) throws Exception {
    StringBuilder script = new StringBuilder(
        "create function pg_temp.try(q text) returns text language plpgsql as $f$\n"
        + "declare r text;\n"
        + "begin\n"
        + "  begin execute q into r; return coalesce(r, '');\n"
        + "  exception when others then\n"
        + "    if sqlerrm <> 'INTO used with a command that cannot return data' then\n"
        + "      return 'ERROR:  ' || sqlstate || ': ' || sqlerrm;\n"
        + "    end if;\n"
        + "  end;\n"
        + "  execute q; return '';\n"
        + "exception when others then return 'ERROR:  ' || sqlstate || ': ' || sqlerrm;\n"
        + "end $f$;\n");
    for (String q : sqls) {
      script.append("select pg_temp.try($q$").append(q).append("$q$);\n");
    }
    Path file = java.nio.file.Files.writeString(dir.resolve("style.sql"), script);
    ProcessBuilder pb = new ProcessBuilder("psql", "-h", pg.socketDir().toString(), "-p",
        String.valueOf(pg.port()), "-U", "postgres", "-qAtX", "-f", file.toString())
        .redirectErrorStream(true);
    pb.environment().put("PGTZ", zone);
    pb.environment().remove("PGDATESTYLE");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    return List.of(out.split("\n", -1));
  }

  /** The first value as a row of the session prints it: in its DateStyle and IntervalStyle. */
  private static String ours(Session s, String sql, ZoneId zone) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (!r.hasRows() || r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      PgStyle style = PgStyle.of(String.valueOf(EngineFixture.value(s, "show datestyle")),
          String.valueOf(EngineFixture.value(s, "show intervalstyle")));
      return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), zone, style);
    } catch (SnapsyncException e) {
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message());
    }
  }
}
