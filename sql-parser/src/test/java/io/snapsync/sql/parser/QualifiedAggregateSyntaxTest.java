package io.snapsync.sql.parser;

import static io.snapsync.sql.parser.Sql.error;
import static io.snapsync.sql.parser.Sql.expr;
import static io.snapsync.sql.parser.Sql.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.junit.jupiter.api.Test;

/**
 * {@code pg_catalog.array_agg(x ORDER BY y)} and {@code pg_catalog.string_agg(x, ',' ORDER BY y)}
 * as pg_dump 15 writes them parse as the unqualified aggregates, and error positions still
 * point into the text as written.
 */
class QualifiedAggregateSyntaxTest {

  @Test
  void qualifiedArrayAggTakesOrderBy() {
    SqlCall c = (SqlCall) expr("pg_catalog.array_agg(attnum ORDER BY attnum)");
    assertEquals(SqlLibraryOperators.ARRAY_AGG, c.getOperator());
    assertEquals(tree("SELECT array_agg(attnum ORDER BY attnum)"),
        tree("SELECT pg_catalog.array_agg(attnum ORDER BY attnum)"));
  }

  @Test
  void qualifiedStringAggTakesOrderByAcrossLines() {
    assertEquals(tree("SELECT string_agg(a, ',' ORDER BY b DESC) FROM t"),
        tree("SELECT \"pg_catalog\" .\n string_agg(a, ',' ORDER BY b DESC) FROM t"));
    assertEquals(SqlLibraryOperators.STRING_AGG,
        ((SqlCall) expr("PG_CATALOG.STRING_AGG(a, ',')")).getOperator());
  }

  @Test
  void otherSchemasAndOtherFunctionsAreUntouched() {
    assertEquals("SELECT `s`.`array_agg`(`x`)", tree("SELECT s.array_agg(x)"));
    assertEquals("SELECT `pg_catalog`.`format_type`(`x`)", tree("SELECT pg_catalog.format_type(x)"));
    assertEquals("SELECT 'pg_catalog.array_agg(x ORDER BY y)'",
        tree("SELECT 'pg_catalog.array_agg(x ORDER BY y)'"));
  }

  @Test
  void errorsAfterTheQualifierKeepTheirPosition() {
    PgSyntaxException e = error("SELECT pg_catalog.array_agg(x ORDER BY) FROM t");
    assertEquals(39, e.position());
  }
}
