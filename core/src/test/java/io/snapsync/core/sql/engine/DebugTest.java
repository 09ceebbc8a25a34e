package io.snapsync.core.sql.engine;

import org.junit.jupiter.api.Test;

class DebugTest extends EngineTestBase {
  @Test
  void debug() {
    for (String sql : new String[] {"SELECT nope FROM t", "SELECT id, (SELECT count(*) FROM u WHERE u.t_id = t.id) FROM t ORDER BY id", "SELECT id, name, v FROM t JOIN u USING (id) WHERE id = 1"}) {
      try {
        var r = rows(sql);
        for (var row : r) {
          System.out.println("ROW " + row + " " + row.stream().map(v -> v == null ? "null" : v.getClass().getSimpleName()).toList());
        }
      } catch (io.snapsync.core.error.SnapsyncException e) {
        Throwable c = e;
        while (c != null) {
          System.out.println("CAUSE " + c);
          c = c.getCause();
        }
      }
    }
    try {
      io.snapsync.core.sql.engine.analyze.Analyzer.parse("SELECT 1 FROM FROM t");
    } catch (Exception e) {
      System.out.println("PARSE " + e.getCause());
    }
    try {
      org.apache.calcite.sql.parser.SqlParser.create("SELECT 1 FROM FROM t", io.snapsync.core.sql.engine.analyze.ParserConfigs.postgres()).parseStmt();
    } catch (Exception e) {
      System.out.println("PARSE2 " + e.getMessage().split("\n")[0]);
    }
  }
}
