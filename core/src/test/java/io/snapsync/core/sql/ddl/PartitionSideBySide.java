package io.snapsync.core.sql.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.catalog.MessageCatalog;
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
 * Runs statements of any kind (DDL, DML, queries), in order, through a real PostgreSQL 15
 * (each inside the oracle's {@code EXECUTE}, so a failing statement answers its error) and
 * through the engine, and compares each answer: the first value as text, {@code ""} for none,
 * or {@code ERROR:  sqlstate: message}.
 */
final class PartitionSideBySide {

  private PartitionSideBySide() {
  }

  static void assertSame(Path dir, List<String> statements) throws Exception {
    List<String> expected;
    try (PostgresOracle pg = PostgresOracle.start(dir)) {
      // a statement returning no rows runs inside run_stmt (EXECUTE ... INTO needs rows)
      pg.execute(List.of("create function public.run_stmt(q text) returns text"
          + " language plpgsql as $f$ begin execute q; return ''; exception when others then"
          + " return 'ERROR:  ' || sqlstate || ': ' || sqlerrm; end $f$"));
      List<String> wrapped = new ArrayList<>();
      for (String st : statements) {
        wrapped.add(st.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select")
            ? st : "select public.run_stmt($s$" + st + "$s$)");
      }
      expected = pg.values(wrapped, "UTC");
    }
    List<String> mismatches = new ArrayList<>();
    try (EngineFixture fx = EngineFixture.start(dir.resolve("engine"))) {
      Session s = fx.session();
      for (int i = 0; i < statements.size(); i++) {
        String got = ours(s, statements.get(i));
        String want = i < expected.size() ? expected.get(i) : "<no answer>";
        if (Boolean.getBoolean("sidebyside.verbose")) {
          System.out.println(statements.get(i) + "\n  postgres: " + want + "\n  snapsync: " + got);
        }
        if (!want.equals(got)) {
          mismatches.add(statements.get(i) + "\n  postgres: " + want + "\n  snapsync: " + got);
        }
      }
    }
    assertEquals("", String.join("\n", mismatches));
  }

  private static String ours(Session s, String sql) {
    try {
      StatementResult r = EngineFixture.exec(s, sql);
      if (!r.hasRows() || r.rows().isEmpty()) {
        return "";
      }
      Object v = r.rows().get(0).get(0);
      if (v instanceof Boolean b) {
        return b.toString();
      }
      return v == null ? "" : PgValues.toText(v, r.columns().get(0).type(), ZoneId.of("UTC"));
    } catch (SnapsyncException e) {
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message());
    }
  }
}
