package io.snapsync.sql.parser;

import static io.snapsync.sql.parser.Sql.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.sql.parser.PgSyntaxException.Kind;
import org.junit.jupiter.api.Test;

/**
 * Syntax errors name the token and 1-based position PostgreSQL names. Every expected value
 * here was read from a PostgreSQL 15 server (ErrorResponse fields M and P) for the same text.
 */
class SyntaxErrorTest {

  private static void near(String sql, String token, int position) {
    PgSyntaxException e = error(sql);
    assertEquals(Kind.NEAR_TOKEN, e.kind(), sql);
    assertEquals(token, e.token(), sql);
    assertEquals(position, e.position(), sql);
  }

  private static void end(String sql, int position) {
    PgSyntaxException e = error(sql);
    assertEquals(Kind.END_OF_INPUT, e.kind(), sql);
    assertEquals(position, e.position(), sql);
  }

  @Test
  void nearTokenAsPostgres() {
    near("SELEC 1", "SELEC", 1);
    near("SELECT 1 2", "2", 10);
    near("SELECT 1,\n  2 3", "3", 15);
    near("SELECT f(1,)", ")", 12);
    near("CREATE TABLE t (a int,)", ")", 23);
    near("UPDATE t SET WHERE a = 1", "WHERE", 14);
    near("DELETE t", "t", 8);
    near("SELECT $1 $2", "$2", 11);
    near("SELECT \"é\" é ü", "ü", 14);
  }

  @Test
  void positionsCountCharactersAcrossLineBreaksAndTabs() {
    near("SELECT 1\r\n FROM t WHERE\r\n x y", "y", 29);
    near("\tSELECT x FROM t WHERE x = = 1", "=", 28);
  }

  @Test
  void secondBinaryOperatorIsTheOffendingToken() {
    near("SELECT * FROM t WHERE a = 1 AND AND b", "AND", 33);
  }

  @Test
  void endOfInputAsPostgres() {
    end("SELECT ((((((((((", 18);
    end("SELECT 1 +", 11);
    end("SELECT * FROM", 14);
    end("SELECT a FROM t WHERE", 22);
    end("INSERT INTO t VALUES (1) ON CONFLICT DO", 40);
    end("SELECT CASE WHEN 1 THEN 2", 26);
    end("SELECT ARRAY[1,2", 17);
    end("SELECT 1::", 11);
    end("SELECT 1 FROM t GROUP BY", 25);
    end("SELECT x FROM t ORDER BY x LIMIT", 33);
    end("", 1);
  }

  @Test
  void unterminatedQuotes() {
    PgSyntaxException s = error("SELECT 'abc");
    assertEquals(Kind.UNTERMINATED_STRING, s.kind());
    assertEquals("'abc", s.token());
    assertEquals(8, s.position());
    PgSyntaxException q = error("SELECT \"abc");
    assertEquals(Kind.UNTERMINATED_IDENTIFIER, q.kind());
    assertEquals("\"abc", q.token());
    assertEquals(8, q.position());
  }

  @Test
  void mysqlLimitIsRefusedAtLimit() {
    // PostgreSQL: 42601 "LIMIT #,# syntax is not supported" at position 17.
    assertEquals(17, error("SELECT * FROM t LIMIT 1, 2").position());
  }
}
