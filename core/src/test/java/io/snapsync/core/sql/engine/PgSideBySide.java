package io.snapsync.core.sql.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.func.PostgresOracle;
import io.snapsync.core.sql.types.PgValues;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same statements, in order, through the engine and through a real PostgreSQL 15 and
 * compares each one's first value as text (or {@code ERROR:  sqlstate: message}). Statements
 * without rows (DDL, DML) answer {@code ""} on both sides.
 */
final class PgSideBySide {

  private PgSideBySide() {
  }

  /** Asserts that every statement answers as PostgreSQL does; lists every mismatch. */
  static void assertSame(Path dir, List<String> statements) throws Exception {
    List<String> expected = new ArrayList<>();
    try (PostgresOracle pg = PostgresOracle.start(dir)) {
      int i = 0;
      while (i < statements.size()) {
        int j = i;
        boolean query = isQuery(statements.get(i));
        while (j < statements.size() && isQuery(statements.get(j)) == query) {
          j++;
        }
        List<String> group = statements.subList(i, j);
        if (query) {
          expected.addAll(pg.values(group, "UTC"));
        } else {
          pg.execute(group);
          group.forEach(x -> expected.add(""));
        }
        i = j;
      }
    }
    List<String> mismatches = new ArrayList<>();
    try (EngineFixture fx = EngineFixture.start(dir.resolve("engine"))) {
      Session s = fx.session();
      for (int i = 0; i < statements.size(); i++) {
        String got = ours(s, statements.get(i));
        String want = i < expected.size() ? expected.get(i) : "<no answer>";
        if (!want.equals(got)) {
          mismatches.add(statements.get(i) + "\n  postgres: " + want + "\n  snapsync: " + got);
        }
      }
    }
    if (!mismatches.isEmpty()) {
      mismatches.add("causes:\n" + String.join("\n", CAUSES));
    }
    CAUSES.clear();
    assertEquals("", String.join("\n", mismatches));
  }

  /** Internal causes of the engine's errors, shown with the mismatches. */
  private static final List<String> CAUSES = new ArrayList<>();

  private static boolean isQuery(String sql) {
    String s = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
    return s.startsWith("select") || s.startsWith("values") || s.startsWith("with");
  }

  private static String ours(Session s, String sql) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (!r.hasRows() || r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      if (v instanceof Boolean b) {
        return b.toString(); // the oracle casts to text: boolean::text is true/false
      }
      return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), ZoneId.of("UTC"));
    } catch (SnapsyncException e) {
      if (e.getCause() != null) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.getCause().printStackTrace(new java.io.PrintWriter(w));
        CAUSES.add(sql + "\n" + w.toString().lines().limit(14)
            .reduce("", (a, b) -> a + "\n" + b));
      }
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message());
    }
  }
}
