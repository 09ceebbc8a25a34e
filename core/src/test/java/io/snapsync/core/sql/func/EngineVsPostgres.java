package io.snapsync.core.sql.func;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.sql.types.PgValues;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements through the engine and through a real PostgreSQL 15 and compares the first
 * value of each (text output, {@code ""} for NULL) or {@code ERROR:  sqlstate: message}.
 */
final class EngineVsPostgres {

  private EngineVsPostgres() {
  }

  /** Asserts that every statement of {@code sqls} answers as PostgreSQL does. */
  static void assertSame(PostgresOracle pg, Session s, List<String> sqls, String zone)
      throws Exception {
    List<String> answers = pg.values(sqls, zone);
    assertEquals(sqls.size(), answers.size(), "one answer per statement: " + answers);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      String actual = ours(s, sqls.get(i), ZoneId.of(zone));
      if (!answers.get(i).equals(actual)) {
        mismatches.add(sqls.get(i) + "\n  postgres: " + answers.get(i) + "\n  snapsync: "
            + actual);
      }
    }
    assertEquals("", String.join("\n", mismatches), mismatches.size() + " of " + sqls.size()
        + " differ");
  }

  static String ours(Session s, String sql, ZoneId zone) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      if (v instanceof Boolean b) {
        return b.toString(); // the oracle casts to text: boolean::text is true/false
      }
      try {
        return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), zone);
      } catch (ClassCastException e) {
        return "a " + v.getClass().getSimpleName() + " for " + r.columns().get(0).type();
      }
    } catch (SnapsyncException e) {
      String cause = e.getCause() == null ? "" : "  [" + e.getCause() + " at "
          + java.util.Arrays.stream(e.getCause().getStackTrace()).limit(4).toList() + "]";
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message()) + cause;
    }
  }
}
