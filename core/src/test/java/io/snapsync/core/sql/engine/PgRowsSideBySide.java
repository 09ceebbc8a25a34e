package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import io.snapsync.core.sql.types.PgValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs setup statements, then queries, through a real PostgreSQL 15 (psql {@code -AtX}) and
 * through the engine, and compares each query's whole result: every row in order, values
 * joined by {@code |}, NULL as nothing, or {@code ERROR:  <message>} (with the 1-based
 * position when PostgreSQL reports one).
 */
final class PgRowsSideBySide {

  private static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");
  private static final String MARK = "~~~~";

  private PgRowsSideBySide() {
  }

  /** Asserts that every query gives PostgreSQL's rows (or error); lists every mismatch. */
  static void assertSame(Path dir, List<String> setup, List<String> queries) throws Exception {
    List<String> expected;
    try (PostgresOracle pg = PostgresOracle.start(dir)) {
      if (!setup.isEmpty()) {
        pg.execute(setup);
      }
      expected = postgres(pg, dir, queries);
    }
    List<String> mismatches = new ArrayList<>();
    try (EngineFixture fx = EngineFixture.start(dir.resolve("engine"))) {
      Session s = fx.session();
      for (String st : setup) {
        EngineFixture.exec(s, st);
      }
      for (int i = 0; i < queries.size(); i++) {
        String got = ours(s, queries.get(i));
        String want = i < expected.size() ? expected.get(i) : "<no answer>";
        if (!want.equals(got)) {
          mismatches.add(queries.get(i) + "\n  postgres: " + want.replace("\n", "\n            ")
              + "\n  snapsync: " + got.replace("\n", "\n            "));
        }
      }
    }
    assertEquals("", String.join("\n", mismatches));
  }

  private static List<String> postgres(PostgresOracle pg, Path dir, List<String> queries)
      throws Exception {
    StringBuilder script = new StringBuilder("\\set VERBOSITY terse\n");
    for (String q : queries) {
      script.append("\\echo ").append(MARK).append('\n').append(q).append(";\n");
    }
    Path file = Files.writeString(dir.resolve("rows.sql"), script);
    ProcessBuilder pb = new ProcessBuilder(PSQL.toString(), "-h", pg.socketDir().toString(),
        "-p", String.valueOf(pg.port()), "-U", "postgres", "-AtX", "-F", "|", "-f",
        file.toString()).redirectErrorStream(true);
    pb.environment().put("PGTZ", "UTC");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> results = new ArrayList<>();
    String[] parts = out.split(MARK + "\n", -1);
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].endsWith("\n") ? parts[i].substring(0, parts[i].length() - 1)
          : parts[i];
      results.add(part.replaceAll("(?m)^psql:[^:]*:\\d+: ", ""));
    }
    return results;
  }

  private static String ours(Session s, String sql) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      List<String> lines = new ArrayList<>();
      for (List<Object> row : r.rows()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          cells.add(v == null ? "" : PgValues.toText(v, r.columns().get(c).type(),
              ZoneId.of("UTC")));
        }
        lines.add(String.join("|", cells));
      }
      return String.join("\n", lines);
    } catch (SnapsyncException e) {
      String text = "ERROR:  " + MessageCatalog.builtin().render("en", e.message());
      return e.position() > 0 ? text + " at character " + e.position() : text;
    }
  }
}
