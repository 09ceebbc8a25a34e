package io.snapsync.core.sql.srf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.types.PgValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs queries through the engine and through a real PostgreSQL 15 (psql, unaligned) and
 * compares every row of each result ({@code a|b}, NULL as empty) or the first error line
 * ({@code ERROR:  sqlstate: message}).
 */
public final class RowsVsPostgres {

  private static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");
  private static final String MARK = "@@end@@";

  private RowsVsPostgres() {
  }

  /** Asserts that every query answers as PostgreSQL does; {@code setup} runs first on both. */
  public static void assertSame(Path pgDir, int port, Session s, List<String> queries) throws Exception {
    List<String> theirs = postgres(pgDir, port, queries);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      String ours = ours(s, queries.get(i));
      if (!theirs.get(i).equals(ours)) {
        mismatches.add(queries.get(i) + "\n  postgres: " + theirs.get(i).replace("\n", "\n    ")
            + "\n  snapsync: " + ours.replace("\n", "\n    "));
      }
    }
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " of " + queries.size()
        + " differ");
  }

  static List<String> postgres(Path pgDir, int port, List<String> queries) throws Exception {
    StringBuilder script = new StringBuilder("\\set VERBOSITY verbose\n");
    for (String q : queries) {
      script.append(q).append(";\n\\echo ").append(MARK).append('\n');
    }
    Path file = Files.writeString(pgDir.resolve("rows.sql"), script);
    ProcessBuilder pb = new ProcessBuilder(PSQL.toString(), "-h", pgDir.toString(), "-p",
        String.valueOf(port), "-U", "postgres", "-AtX", "-f", file.toString())
        .redirectErrorStream(true);
    pb.environment().put("PGTZ", "UTC");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    List<String> answers = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean error = false;
    for (String line : out.split("\n", -1)) {
      if (line.equals(MARK)) {
        answers.add(cur.toString());
        cur.setLength(0);
        error = false;
        continue;
      }
      int at = line.indexOf("ERROR:  ");
      if (line.startsWith("psql:") && at > 0) {
        cur.setLength(0);
        cur.append(line.substring(at));
        error = true;
        continue;
      }
      if (error || line.startsWith("psql:")) {
        continue;
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
      cur.append(line);
    }
    return answers;
  }

  static String ours(Session s, String sql) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      StringBuilder out = new StringBuilder();
      for (List<Object> row : r.rows()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            out.append('|');
          }
          Object v = row.get(i);
          if (v != null) {
            out.append(PgValues.toText(v, r.columns().get(i).type(), ZoneId.of("UTC")));
          }
        }
      }
      return out.toString();
    } catch (SnapsyncException e) {
      String cause = e.getCause() == null ? "" : "  [" + e.getCause() + " at "
          + java.util.Arrays.stream(e.getCause().getStackTrace()).limit(6).toList() + "]";
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message()) + cause;
    } catch (RuntimeException e) {
      return "EXCEPTION " + e;
    }
  }
}
