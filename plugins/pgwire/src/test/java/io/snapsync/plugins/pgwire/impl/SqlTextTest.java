package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void emptyQueriesAreOnlyBlanksCommentsAndSemicolons() {
    assertTrue(SqlText.isEmpty(" ; -- nothing\n /* here */ ;"));
    assertFalse(SqlText.isEmpty("select 1"));
    assertFalse(SqlText.isEmpty("';'"));
  }

  @Test
  void parametersInsideLiteralsDoNotCount() {
    assertEquals(2, SqlText.maxParam("SELECT * FROM t WHERE a = $2 AND b = '$7' AND c = $1"));
    assertEquals(0, SqlText.maxParam("SELECT '$1'"));
  }

  @Test
  void rowReturningStatementsAreRecognized() {
    assertTrue(SqlText.returnsRows("  /* c */ select * from t"));
    assertTrue(SqlText.returnsRows("SHOW transaction_isolation"));
    assertFalse(SqlText.returnsRows("INSERT INTO t VALUES (1)"));
  }

  @Test
  void topLevelFromIsFoundOutsideQuotes() {
    assertTrue(SqlText.hasFrom("SELECT a FROM t"));
    assertFalse(SqlText.hasFrom("SELECT 'from' , f(1)"));
  }
}
