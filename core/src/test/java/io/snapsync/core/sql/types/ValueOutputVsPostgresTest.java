package io.snapsync.core.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values as PostgreSQL 15 reads and prints them, side by side with a real PostgreSQL: column
 * labels of literals (PostgreSQL 15 labels TRUE and FALSE {@code ?column?}) and timestamptz
 * literals without a zone read in the session's TimeZone.
 */
class ValueOutputVsPostgresTest {

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

  @Test
  void literalColumnLabelsAreThoseOfPostgres() throws Exception {
    String sql = "select true, false, null, 1, 'a', 1.5, int4 '1', '1'::int, date '2020-01-01',"
        + " bool 't', true as t, not true, array[true]";
    Process p = new ProcessBuilder("psql", "-h", pg.socketDir().toString(), "-p",
        String.valueOf(pg.port()), "-U", "postgres", "-AX", "-F", ",", "-c", sql)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    String header = out.lines().findFirst().orElse("");
    StatementResult r = EngineFixture.exec(fx.session(), sql);
    assertEquals(header, r.columns().stream().map(Column::name)
        .collect(Collectors.joining(",")));
  }

  @Test
  void timestamptzWithoutZoneIsReadInTheSessionTimeZone() throws Exception {
    List<String> sqls = List.of(
        "select timestamptz '2024-07-01 12:00:00'",
        "select timestamptz '2024-01-01 12:00:00'",
        "select '2024-07-01 12:00'::timestamptz::text",
        "select extract(epoch from timestamptz '2024-07-01 12:00:00')",
        "select timestamptz '2024-07-01 12:00:00+00'",
        "select timestamptz '2024-03-10 02:30:00'");
    assertSame(sqls, "America/New_York");
    assertSame(sqls, "Asia/Kolkata");
  }

  private static void assertSame(List<String> sqls, String zone) throws Exception {
    List<String> want = pg.values(sqls, zone);
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
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " differ");
  }

  private static String ours(Session s, String sql, ZoneId zone) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (!r.hasRows() || r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      if (v instanceof Boolean b) {
        return b.toString(); // the oracle's text: boolean::text is true/false
      }
      return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), zone);
    } catch (SnapsyncException e) {
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message());
    }
  }
}
