package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.Json;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same calls evaluated by the library and by a real PostgreSQL 15 (TimeZone Europe/Berlin):
 * the value's text output, or {@code ERROR:  sqlstate: message}, must be identical.
 */
class SideBySidePostgresTest {

  @TempDir
  static Path temp;
  static PostgresOracle pg;

  private record Case(String sql, String fn, List<DataType> types, Object[] args) {
  }

  private static final List<Case> CASES = new ArrayList<>();

  private static void c(String sql, String fn, List<DataType> types, Object... args) {
    CASES.add(new Case(sql, fn, types, args));
  }

  static {
    BigDecimal n1 = BigDecimal.ONE;
    c("select 7 / 2", "/", List.of(INT4, INT4), 7, 2);
    c("select 2147483647 + 1", "+", List.of(INT4, INT4), Integer.MAX_VALUE, 1);
    c("select 5 % 0", "%", List.of(INT4, INT4), 5, 0);
    c("select 1::numeric / 7", "/", List.of(NUMERIC, NUMERIC), n1, new BigDecimal("7"));
    c("select 123.456::numeric / 0.01", "/", List.of(NUMERIC, NUMERIC), new BigDecimal("123.456"),
        new BigDecimal("0.01"));
    c("select 2::numeric ^ 0.3", "^", List.of(NUMERIC, NUMERIC), new BigDecimal("2"),
        new BigDecimal("0.3"));
    c("select exp(3.7::numeric)", "exp", List.of(NUMERIC), new BigDecimal("3.7"));
    c("select ln(12345.678::numeric)", "ln", List.of(NUMERIC), new BigDecimal("12345.678"));
    c("select sqrt(0.5::numeric)", "sqrt", List.of(NUMERIC), new BigDecimal("0.5"));
    c("select log(3::numeric, 100::numeric)", "log", List.of(NUMERIC, NUMERIC),
        new BigDecimal("3"), new BigDecimal("100"));
    c("select 1e308::float8 * 10", "*", List.of(FLOAT8, FLOAT8), 1e308, 10.0);
    c("select round(-2.5::numeric)", "round", List.of(NUMERIC), new BigDecimal("-2.5"));
    c("select round(1234.5678::numeric, -2)", "round", List.of(NUMERIC, INT4),
        new BigDecimal("1234.5678"), -2);
    c("select power(2::float8, 0.5::float8)", "power", List.of(FLOAT8, FLOAT8), 2.0, 0.5);
    c("select upper('straße')", "upper", List.of(TEXT), "straße");
    c("select initcap('hello wORLD-foo')", "initcap", List.of(TEXT), "hello wORLD-foo");
    c("select lpad('abc', 8, 'xy')", "lpad", List.of(TEXT, INT4, TEXT), "abc", 8, "xy");
    c("select split_part('a.b.c', '.', -2)", "split_part", List.of(TEXT, TEXT, INT4), "a.b.c",
        ".", -2);
    c("select format('%3$s-%1$s|%-4s|', 'a', 'b', 'c')", "format",
        List.of(TEXT, TEXT, TEXT, TEXT), "%3$s-%1$s|%-4s|", "a", "b", "c");
    c("select concat_ws('/', 1, null, 2.50, true)", "concat_ws",
        List.of(TEXT, INT4, TEXT, NUMERIC, BOOL), "/", 1, null, new BigDecimal("2.50"), true);
    c("select regexp_replace('a1b22c333', '[0-9]+', '#', 'g')", "regexp_replace",
        List.of(TEXT, TEXT, TEXT, TEXT), "a1b22c333", "[0-9]+", "#", "g");
    c("select regexp_match('key=value', '(\\w+)=(\\w+)')", "regexp_match", List.of(TEXT, TEXT),
        "key=value", "(\\w+)=(\\w+)");
    c("select 'Abc' ~~* 'a_C'", "~~*", List.of(TEXT, TEXT), "Abc", "a_C");
    c("select date '2024-02-29' + 365", "+", List.of(DATE, INT4), LocalDate.parse("2024-02-29"),
        365);
    c("select timestamp '2024-01-31 08:00' + interval '1 mon 2 days 3 hours'", "+",
        List.of(TIMESTAMP, INTERVAL), LocalDateTime.parse("2024-01-31T08:00"),
        new Interval(1, 2, 3 * 3_600_000_000L));
    c("select timestamptz '2024-10-26 12:00+02' + interval '1 day'", "+",
        List.of(TIMESTAMPTZ, INTERVAL), OffsetDateTime.parse("2024-10-26T12:00+02:00"),
        new Interval(0, 1, 0));
    c("select timestamp '2024-03-10 12:00' - timestamp '2023-12-25 18:30'", "-",
        List.of(TIMESTAMP, TIMESTAMP), LocalDateTime.parse("2024-03-10T12:00"),
        LocalDateTime.parse("2023-12-25T18:30"));
    c("select age(timestamp '2024-03-01', timestamp '2023-05-31 10:00')", "age",
        List.of(TIMESTAMP, TIMESTAMP), LocalDateTime.parse("2024-03-01T00:00"),
        LocalDateTime.parse("2023-05-31T10:00"));
    c("select interval '1 mon 10 days' * 2.5", "*", List.of(INTERVAL, FLOAT8),
        new Interval(1, 10, 0), 2.5);
    c("select extract(epoch from timestamptz '2024-07-01 00:00+02')", "extract",
        List.of(TEXT, TIMESTAMPTZ), "epoch", OffsetDateTime.parse("2024-07-01T00:00+02:00"));
    c("select extract(week from date '2021-01-03')", "extract", List.of(TEXT, DATE), "week",
        LocalDate.parse("2021-01-03"));
    c("select date_part('isoyear', date '2021-01-03')", "date_part", List.of(TEXT, DATE),
        "isoyear", LocalDate.parse("2021-01-03"));
    c("select date_trunc('week', timestamptz '2024-03-31 01:30+01')", "date_trunc",
        List.of(TEXT, TIMESTAMPTZ), "week", OffsetDateTime.parse("2024-03-31T01:30+01:00"));
    c("select to_char(timestamp '2024-12-30 00:05:00', 'IYYY-IW FMDay HH12 AM')", "to_char",
        List.of(TIMESTAMP, TEXT), LocalDateTime.parse("2024-12-30T00:05"),
        "IYYY-IW FMDay HH12 AM");
    c("select to_char(-0.125::numeric, '90.99')", "to_char", List.of(NUMERIC, TEXT),
        new BigDecimal("-0.125"), "90.99");
    c("select jsonb_build_object('b', 1, 'a', array[1,2])", "jsonb_build_object",
        List.of(TEXT, INT4, TEXT, INT4_ARRAY), "b", 1, "a", List.of(1, 2));
    c("select '{\"a\":[1,{\"b\":2}]}'::jsonb #> '{a,1}'", "#>", List.of(JSONB, TEXT_ARRAY),
        new Json("{\"a\": [1, {\"b\": 2}]}", true), List.of("a", "1"));
    c("select array_to_string(array[1,null,3], '-', 'x')", "array_to_string",
        List.of(INT4_ARRAY, TEXT, TEXT), java.util.Arrays.asList(1, null, 3), "-", "x");
    c("select array_cat(array[[1,2]], array[3,4])", "array_cat",
        List.of(INT4_ARRAY, INT4_ARRAY), List.of(List.of(1, 2)), List.of(3, 4));
    c("select width_bucket(7.5::float8, 10::float8, 0::float8, 4)", "width_bucket",
        List.of(FLOAT8, FLOAT8, FLOAT8, INT4), 7.5, 10.0, 0.0, 4);
    c("select (-32768)::int2 / (-1)::int2", "/", List.of(INT2, INT2), (short) -32768,
        (short) -1);
    c("select 9223372036854775807::int8 * 2", "*", List.of(INT8, INT8), Long.MAX_VALUE, 2L);
    c("select 10::numeric % 3.3", "%", List.of(NUMERIC, NUMERIC), BigDecimal.TEN,
        new BigDecimal("3.3"));
    c("select 0.1::float8 + 0.2::float8", "+", List.of(FLOAT8, FLOAT8), 0.1, 0.2);
    c("select 1.5::float4 * 3::float4", "*", List.of(FLOAT4, FLOAT4), 1.5f, 3f);
    c("select 1 / 3.0::float8", "/", List.of(FLOAT8, FLOAT8), 1.0, 3.0);
    c("select trunc(-7.77::numeric, 1)", "trunc", List.of(NUMERIC, INT4),
        new BigDecimal("-7.77"), 1);
    c("select ceil(4.000001::numeric)", "ceil", List.of(NUMERIC), new BigDecimal("4.000001"));
    c("select exp(-5::numeric)", "exp", List.of(NUMERIC), new BigDecimal("-5"));
    c("select ln(0.95::numeric)", "ln", List.of(NUMERIC), new BigDecimal("0.95"));
    c("select 1.1::numeric ^ 100", "^", List.of(NUMERIC, NUMERIC), new BigDecimal("1.1"),
        new BigDecimal("100"));
    c("select 0::numeric ^ (-1)::numeric", "^", List.of(NUMERIC, NUMERIC), BigDecimal.ZERO,
        new BigDecimal("-1"));
    c("select sqrt(-1::float8)", "sqrt", List.of(FLOAT8), -1.0);
    c("select ln(0::numeric)", "ln", List.of(NUMERIC), BigDecimal.ZERO);
    c("select gcd(-12::int4, 18::int4)", "gcd", List.of(INT4, INT4), -12, 18);
    c("select div(-7::numeric, 2::numeric)", "div", List.of(NUMERIC, NUMERIC),
        new BigDecimal("-7"), new BigDecimal("2"));
    c("select substr('hello', -1, 3)", "substr", List.of(TEXT, INT4, INT4), "hello", -1, 3);
    c("select repeat('ab', -1)", "repeat", List.of(TEXT, INT4), "ab", -1);
    c("select rpad('abcdef', 3)", "rpad", List.of(TEXT, INT4), "abcdef", 3);
    c("select translate('hello', 'el', 'ip')", "translate", List.of(TEXT, TEXT, TEXT), "hello",
        "el", "ip");
    c("select quote_literal(E'O\\'Reilly')", "quote_literal", List.of(TEXT), "O'Reilly");
    c("select quote_ident('My Table')", "quote_ident", List.of(TEXT), "My Table");
    c("select format('%I.%I', 'public', 'Tab')", "format", List.of(TEXT, TEXT, TEXT), "%I.%I",
        "public", "Tab");
    c("select 'x' ~ '('", "~", List.of(TEXT, TEXT), "x", "(");
    c("select regexp_replace('Hello', 'l', 'L')", "regexp_replace", List.of(TEXT, TEXT, TEXT),
        "Hello", "l", "L");
    c("select substring('Thomas' from '...$')", "substring", List.of(TEXT, TEXT), "Thomas",
        "...$");
    c("select date '2024-03-01' - date '2023-03-01'", "-", List.of(DATE, DATE),
        LocalDate.parse("2024-03-01"), LocalDate.parse("2023-03-01"));
    c("select interval '3 days 04:00' / 3", "/", List.of(INTERVAL, FLOAT8),
        new Interval(0, 3, 4 * 3_600_000_000L), 3.0);
    c("select justify_interval(interval '-1 mon 35 days')", "justify_interval",
        List.of(INTERVAL), new Interval(-1, 35, 0));
    c("select extract(dow from timestamp '2024-03-10 00:00')", "extract",
        List.of(TEXT, TIMESTAMP), "dow", LocalDateTime.parse("2024-03-10T00:00"));
    c("select extract(milliseconds from interval '1 min 2.5 s')", "extract",
        List.of(TEXT, INTERVAL), "milliseconds", new Interval(0, 0, 62_500_000L));
    c("select date_part('epoch', interval '1 mon')", "date_part", List.of(TEXT, INTERVAL),
        "epoch", new Interval(1, 0, 0));
    c("select date_trunc('millennium', timestamp '2001-06-01')", "date_trunc",
        List.of(TEXT, TIMESTAMP), "millennium", LocalDateTime.parse("2001-06-01T00:00"));
    c("select make_timestamp(2024, 2, 29, 23, 59, 59.5)", "make_timestamp",
        List.of(INT4, INT4, INT4, INT4, INT4, FLOAT8), 2024, 2, 29, 23, 59, 59.5);
    c("select to_timestamp(1700000000.5)", "to_timestamp", List.of(FLOAT8), 1700000000.5);
    c("select to_char(1234567.891::numeric, 'FM9,999,999.00')", "to_char",
        List.of(NUMERIC, TEXT), new BigDecimal("1234567.891"), "FM9,999,999.00");
    c("select to_char(0::int4, '999')", "to_char", List.of(INT4, TEXT), 0, "999");
    c("select to_char(timestamp '2024-03-05 00:00', 'Day, DD Month YYYY')", "to_char",
        List.of(TIMESTAMP, TEXT), LocalDateTime.parse("2024-03-05T00:00"),
        "Day, DD Month YYYY");
    c("select '[1,2,3]'::jsonb @> '[3,1]'", "@>", List.of(JSONB, JSONB),
        new Json("[1, 2, 3]", true), new Json("[3, 1]", true));
    c("select to_jsonb('a\"b'::text)", "to_jsonb", List.of(TEXT), "a\"b");
    c("select array_position(array[1,2,3], 4)", "array_position", List.of(INT4_ARRAY, INT4),
        List.of(1, 2, 3), 4);
    c("select string_to_array('1|2||3', '|', '')", "string_to_array", List.of(TEXT, TEXT, TEXT),
        "1|2||3", "|", "");
    c("select 'abc' || 1.50", "||", List.of(TEXT, NUMERIC), "abc", new BigDecimal("1.50"));
    c("select encode('\\x00ff41'::bytea, 'hex')", "encode", List.of(BYTEA, TEXT),
        new byte[] {0, (byte) 0xff, 0x41}, "hex");
    c("select encode('hello'::bytea, 'base64')", "encode", List.of(BYTEA, TEXT),
        "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), "base64");
    c("select decode('aGVsbG8=', 'base64')", "decode", List.of(TEXT, TEXT), "aGVsbG8=",
        "base64");
    c("select decode('0g', 'hex')", "decode", List.of(TEXT, TEXT), "0g", "hex");
    c("select decode('abc', 'hex')", "decode", List.of(TEXT, TEXT), "abc", "hex");
    c("select encode('a'::bytea, 'foo')", "encode", List.of(BYTEA, TEXT),
        new byte[] {0x61}, "foo");
    c("select convert_from('\\x68c3a9'::bytea, 'UTF8')", "convert_from", List.of(BYTEA, TEXT),
        new byte[] {0x68, (byte) 0xc3, (byte) 0xa9}, "UTF8");
    c("select jsonb_agg(x) from (values (1), (null)) v(x)", "jsonb_build_array",
        List.of(INT4, INT4), 1, null);
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = PostgresOracle.start(temp);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void everyCaseMatchesPostgres() throws Exception {
    List<String> mismatches = new ArrayList<>();
    List<String> answers = pg.values(CASES.stream().map(Case::sql).toList(), "Europe/Berlin");
    assertEquals(CASES.size(), answers.size(), "one answer per case: " + answers);
    for (int i = 0; i < CASES.size(); i++) {
      Case k = CASES.get(i);
      String expected = answers.get(i);
      String actual = ours(k);
      if (!expected.equals(actual)) {
        mismatches.add(k.sql() + "\n  postgres: " + expected + "\n  snapsync: " + actual);
      }
    }
    assertEquals("", String.join("\n", mismatches));
  }

  private static String ours(Case k) {
    try {
      ScalarFunction f = Calls.resolve(k.fn(), k.types().toArray(new DataType[0]));
      Object v = f.apply(k.args(), Calls.CTX);
      if (v instanceof Boolean b) {
        return b.toString(); // the oracle casts to text: boolean::text is true/false
      }
      return v == null ? "" : PgValues.toText(v, f.returnType(), Calls.CTX.timeZone());
    } catch (SnapsyncException e) {
      return "ERROR:  " + e.sqlState() + ": " + MessageCatalog.builtin().render("en",
          e.message());
    }
  }
}
