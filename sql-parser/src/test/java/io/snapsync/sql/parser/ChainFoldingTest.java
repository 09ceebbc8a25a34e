package io.snapsync.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;

/**
 * Long operator lists are folded as they are parsed (so the parse stays linear); the trees
 * must be exactly those Calcite's own precedence parser builds, here Babel's for the same
 * text.
 */
class ChainFoldingTest {

  private static final SqlParser.Config BABEL = SqlParser.config()
      .withParserFactory(SqlBabelParserImpl.FACTORY)
      .withConformance(SqlConformanceEnum.BABEL)
      .withUnquotedCasing(org.apache.calcite.avatica.util.Casing.TO_LOWER);

  private static final String[] BINARY = {" AND ", " OR ", " + ", " - ", " * ", " / ", " || ",
      " = ", " < ", " <> "};
  private static final String[] PREFIX = {"", "", "", "NOT ", "- "};
  private static final String[] POSTFIX = {"", "", "", " IS NULL", " IS NOT TRUE"};

  @Test
  void foldedTreesEqualCalcitesForRandomMixedExpressions() throws Exception {
    Random r = new Random(42);
    for (int round = 0; round < 60; round++) {
      StringBuilder b = new StringBuilder("SELECT 1 FROM t WHERE ");
      int terms = 30 + r.nextInt(30); // > 64 list items, <= 64 AND/OR terms (no balancing)
      for (int i = 0; i < terms; i++) {
        if (i > 0) {
          b.append(BINARY[r.nextInt(BINARY.length)]);
        }
        b.append(PREFIX[r.nextInt(PREFIX.length)]).append("a").append(i)
            .append(POSTFIX[r.nextInt(POSTFIX.length)]);
      }
      String sql = b.toString();
      String expected = SqlParser.create(sql, BABEL).parseStmt().toString();
      assertEquals(expected, PgParser.parse(sql).toString(), sql);
    }
  }

  @Test
  void patternRightHandSidesAreNotFolded() throws Exception {
    StringBuilder b = new StringBuilder("SELECT 1 FROM t WHERE a LIKE b");
    for (int i = 0; i < 60; i++) {
      b.append(" AND c").append(i).append(" + 1 = 2");
    }
    String sql = b.toString();
    assertEquals(SqlParser.create(sql, BABEL).parseStmt().toString(),
        PgParser.parse(sql).toString());
  }
}
