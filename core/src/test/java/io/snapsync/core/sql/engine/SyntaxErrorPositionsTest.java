package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.error.SnapsyncException;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors of queries and DML as PostgreSQL reports them: 42601, the token (or end of
 * input) and its 1-based position. Each expected text and position is what PostgreSQL 15.18
 * (psql, {@code \set VERBOSITY verbose}) reported for the same statement.
 */
class SyntaxErrorPositionsTest extends EngineTestBase {

  private static void same(String sql, String message, int position) {
    SnapsyncException e = fails(sql, "42601");
    assertEquals(message, text(e), sql);
    assertEquals(position, e.position(), sql);
  }

  @Test
  void nearATokenAtPostgresPosition() {
    same("SELECT 1 FROM FROM t", "syntax error at or near \"FROM\"", 15);
    same("SELECT * FROM t WHERE id = = 1", "syntax error at or near \"=\"", 28);
    same("SELECT id name n FROM t", "syntax error at or near \"n\"", 16);
    same("select 1 from t where id in ()", "syntax error at or near \")\"", 30);
    same("update t set n = 1 from where id = 1", "syntax error at or near \"where\"", 25);
  }

  @Test
  void atEndOfInput() {
    same("SELECT 1 +", "syntax error at end of input", 11);
    same("select (1", "syntax error at end of input", 10);
    same("update t set n = 1 where", "syntax error at end of input", 25);
    same("insert into t values (1,", "syntax error at end of input", 25);
    same("delete from t where id = 1 returning", "syntax error at end of input", 37);
  }
}
