package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT4_ARRAY;
import static io.snapsync.core.session.DataType.JSON;
import static io.snapsync.core.session.DataType.JSONB;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.snapsync.core.sql.types.Json;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** json/jsonb operators and functions; expected text from PostgreSQL 15. */
class JsonFunctionsTest {

  private static final Json DOC = new Json("{\"a\": {\"b\": [1, 2, {\"c\": \"x\"}]}}", true);

  private static Json jb(String text) {
    return new Json(text, true);
  }

  private static String text(Object json) {
    return ((Json) json).text();
  }

  @Test
  void navigationOperators() {
    assertEquals("{\"b\": [1, 2, {\"c\": \"x\"}]}", text(call("->", List.of(JSONB, TEXT), DOC,
        "a")));
    assertEquals("1", call("->>", List.of(JSONB, TEXT), jb("{\"a\": 1}"), "a"));
    assertEquals("3", text(call("->", List.of(JSONB, INT4), jb("[1, 2, 3]"), -1)));
    assertEquals("{\"c\": \"x\"}", text(call("#>", List.of(JSONB, TEXT_ARRAY), DOC,
        List.of("a", "b", "2"))));
    assertEquals("x", call("#>>", List.of(JSONB, TEXT_ARRAY), DOC, List.of("a", "b", "2", "c")));
    assertNull(call("->", List.of(JSONB, TEXT), DOC, "zz"));
    assertNull(call("->>", List.of(JSONB, TEXT), jb("{\"a\": null}"), "a"));
    assertEquals("2", text(call("->", List.of(JSON, TEXT), new Json("{\"b\":1, \"a\":2}",
        false), "a")));
  }

  @Test
  void containmentExistenceAndEditing() {
    assertEquals(true, call("@>", List.of(JSONB, JSONB), jb("{\"a\": 1, \"b\": [1, 2]}"),
        jb("{\"b\": [2]}")));
    assertEquals(false, call("<@", List.of(JSONB, JSONB), jb("{\"a\": 1, \"b\": [1, 2]}"),
        jb("{\"b\": [2]}")));
    assertEquals(true, call("?", List.of(JSONB, TEXT), jb("{\"a\": 1}"), "a"));
    assertEquals(true, call("?|", List.of(JSONB, TEXT_ARRAY), jb("{\"a\": 1}"), List.of("x",
        "a")));
    assertEquals(false, call("?&", List.of(JSONB, TEXT_ARRAY), jb("{\"a\": 1}"), List.of("x",
        "a")));
    assertEquals("{\"a\": 1, \"b\": 2}", text(call("||", List.of(JSONB, JSONB),
        jb("{\"a\": 1}"), jb("{\"b\": 2}"))));
    assertEquals("[1, 2]", text(call("||", List.of(JSONB, JSONB), jb("[1]"), jb("2"))));
    assertEquals("{\"b\": 2}", text(call("-", List.of(JSONB, TEXT), jb("{\"a\": 1, \"b\": 2}"),
        "a")));
  }

  @Test
  void buildersAndConversions() {
    assertEquals("{\"a\": null, \"b\": 1, \"aa\": \"x\"}", text(call("jsonb_build_object",
        List.of(TEXT, INT4, TEXT, TEXT, TEXT, TEXT), "b", 1, "aa", "x", "a", null)));
    assertEquals("[1, \"a\", true, null]", text(call("jsonb_build_array",
        List.of(INT4, TEXT, BOOL, TEXT), 1, "a", true, null)));
    assertEquals("{\"a\" : 1, \"b\" : 2}", text(call("json_build_object",
        List.of(TEXT, INT4, TEXT, INT4), "a", 1, "b", 2)));
    assertEquals("\"2024-03-10T12:34:56.5\"", text(call("to_jsonb", List.of(TIMESTAMP),
        LocalDateTime.parse("2024-03-10T12:34:56.5"))));
    assertEquals("\"2024-03-10T13:00:00+01:00\"", text(call("to_jsonb", List.of(TIMESTAMPTZ),
        OffsetDateTime.parse("2024-03-10T12:00Z"))));
    assertEquals("[1, 2]", text(call("to_jsonb", List.of(INT4_ARRAY), Arrays.asList(1, 2))));
    assertEquals("1.50", text(call("to_jsonb", List.of(NUMERIC), new BigDecimal("1.50"))));
    assertEquals("number", call("jsonb_typeof", List.of(JSONB), jb("1.5")));
    assertEquals(2, call("jsonb_array_length", List.of(JSONB), jb("[1, 2]")));
    fails("22023", "cannot get array length of a non-array", "jsonb_array_length",
        List.of(JSONB), jb("{}"));
    fails("22023", "argument 1: key must not be null", "jsonb_build_object",
        List.of(TEXT, INT4), null, 1);
  }
}
