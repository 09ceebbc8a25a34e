package io.snapsync.core.sql.func;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NaN and the infinities as float and numeric values, in any spelling PostgreSQL accepts, through
 * the engine and a real PostgreSQL 15: literals, casts, arithmetic, comparisons, functions and
 * aggregates. They gave 0A000 when the planner folded them into a constant.
 */
class SpecialFloatsVsPostgresTest extends EngineAndPostgresTest {

  @Test
  void floatLiteralsOfEverySpellingRead() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "SELECT 'NaN'::float8",
        "SELECT 'nan'::float8",
        "SELECT 'Infinity'::float8",
        "SELECT '-Infinity'::float8",
        "SELECT 'inf'::float8",
        "SELECT '-inf'::float4",
        "SELECT float8 'NaN'",
        "SELECT float4 'Infinity'",
        "SELECT CAST('NaN' AS double precision)",
        "SELECT 'infinity x'::float8"), "UTC");
  }

  @Test
  void arithmeticAndFunctionsFollowIeeeAsPostgresDoes() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "SELECT 'Infinity'::float8 + 100.0",
        "SELECT 'Infinity'::float8 / 'Infinity'::float8",
        "SELECT 'Infinity'::float8 * 0",
        "SELECT 'NaN'::float8 + 1",
        "SELECT power(float8 '144', float8 'NaN')",
        "SELECT power(float8 'NaN', float8 '0')",
        "SELECT abs('-Infinity'::float8)",
        "SELECT 'NaN'::float8 = 'NaN'::float8",
        "SELECT 'NaN'::float8 > 'Infinity'::float8",
        "SELECT 'Infinity'::float8 > 1e308",
        "SELECT greatest('NaN'::float8, 1)",
        "SELECT 'Infinity'::float8::int4",
        "SELECT 'NaN'::float8::numeric"), "UTC");
  }

  @Test
  void numericSpecialValuesRead() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "SELECT 'NaN'::numeric",
        "SELECT 'Infinity'::numeric",
        "SELECT '-inf'::numeric",
        "SELECT 'NaN'::numeric = 'NaN'::numeric"), "UTC");
  }

  @Test
  void aggregatesOverSpecialValues() throws Exception {
    EngineVsPostgres.assertSame(pg, s, List.of(
        "SELECT sum(x) FROM (VALUES ('Infinity'::float8), (1::float8)) v(x)",
        "SELECT max(x) FROM (VALUES ('NaN'::float8), ('Infinity'::float8)) v(x)",
        "SELECT avg(x) FROM (VALUES ('Infinity'::float8), ('-Infinity'::float8)) v(x)"),
        "UTC");
  }
}
