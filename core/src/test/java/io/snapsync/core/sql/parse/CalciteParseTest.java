package io.snapsync.core.sql.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

class CalciteParseTest {

  private static final MessageCatalog CATALOG = MessageCatalog.withCoreBundles();

  private static SnapsyncException fail(String sql) {
    return assertThrows(SnapsyncException.class, () -> CalciteParse.parse(sql));
  }

  @Test
  void parsesWithTheProjectGrammar() {
    assertEquals(SqlKind.INSERT,
        CalciteParse.parse("INSERT INTO t VALUES ($1) RETURNING *").getKind());
  }

  @Test
  void syntaxErrorNearTokenWithPosition() {
    SnapsyncException e = fail("SELECT 1 2");
    assertEquals("42601", e.sqlState());
    assertEquals("parser.syntax_error", e.message().id());
    assertEquals(10, e.position());
    assertEquals("syntax error at or near \"2\"", e.render(CATALOG, "en_US"));
    assertEquals("在 \"2\" 或附近的语法错误", e.render(CATALOG, "zh_CN"));
  }

  @Test
  void syntaxErrorAtEndOfInput() {
    SnapsyncException e = fail("SELECT ((((((((((");
    assertEquals("42601", e.sqlState());
    assertEquals("syntax error at end of input", e.render(CATALOG, "en_US"));
    assertEquals(18, e.position());
  }

  @Test
  void unterminatedString() {
    SnapsyncException e = fail("SELECT 'abc");
    assertEquals("42601", e.sqlState());
    assertEquals("unterminated quoted string at or near \"'abc\"", e.render(CATALOG, "en_US"));
    assertEquals(8, e.position());
  }

  @Test
  void tooDeepIsStackDepthLimitExceededWithPostgresHint() {
    SnapsyncException e = fail("SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000));
    assertEquals("54001", e.sqlState());
    assertEquals("stack depth limit exceeded", e.render(CATALOG, "en_US"));
    assertNotNull(e.hint());
    assertEquals("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB),"
        + " after ensuring the platform's stack depth limit is adequate.",
        CATALOG.render("en_US", e.hint()));
    assertEquals(0, e.position());
  }
}
