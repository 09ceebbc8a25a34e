package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BPCHAR;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values from PostgreSQL 15 (UTF8 database). */
class StringFunctionsTest {

  private static Object t(String name, Object... args) {
    List<io.snapsync.core.session.DataType> types = new java.util.ArrayList<>();
    for (Object a : args) {
      types.add(a instanceof Integer ? INT4 : a instanceof Long ? INT8 : TEXT);
    }
    return call(name, types, args);
  }

  @Test
  void lengthsCountCharactersAndBytes() {
    assertEquals(5, t("length", "héllo"));
    assertEquals(5, t("char_length", "héllo"));
    assertEquals(6, t("octet_length", "héllo"));
    assertEquals(48, t("bit_length", "héllo"));
    assertEquals(2, call("length", List.of(BPCHAR), "ab  "));
  }

  @Test
  void caseMapping() {
    assertEquals("àbc", t("lower", "ÀBC"));
    assertEquals("STRAßE", t("upper", "straße"));
    assertEquals("Hi Thomas O'Neil-X2y", t("initcap", "hi THOMAS o'neil-x2y"));
  }

  @Test
  void substringsAndPositions() {
    assertEquals("h", t("substr", "hello", 0, 2));
    assertEquals("ello", t("substring", "hello", 2));
    assertEquals("h", t("substr", "hello", -3, 5));
    assertEquals("", t("substr", "hello", 10));
    assertEquals(3, t("strpos", "hello", "ll"));
    assertEquals(1, t("strpos", "hello", ""));
    assertEquals(3, t("position", "hello", "ll"));
    fails("22011", "negative substring length not allowed", "substr", List.of(TEXT, INT4, INT4),
        "abc", 1, -1);
  }

  @Test
  void trimsPadsAndFriends() {
    assertEquals("hi", t("btrim", "xxhixx", "x"));
    assertEquals("hi ", t("ltrim", "  hi "));
    assertEquals("hi", t("rtrim", "hi!!", "!"));
    assertEquals("aXYcaXYc", t("replace", "abcabc", "b", "XY"));
    assertEquals("he", t("left", "hello", 2));
    assertEquals("hel", t("left", "hello", -2));
    assertEquals("lo", t("right", "hello", 2));
    assertEquals("llo", t("right", "hello", -2));
    assertEquals("   hi", t("lpad", "hi", 5));
    assertEquals("xyxhi", t("lpad", "hi", 5, "xy"));
    assertEquals("hel", t("lpad", "hello", 3));
    assertEquals("hixyx", t("rpad", "hi", 5, "xy"));
    assertEquals("ababab", t("repeat", "ab", 3));
    assertEquals("cba", t("reverse", "abc"));
  }

  @Test
  void splitPartChrAsciiTranslateToHex() {
    assertEquals("b", t("split_part", "a,b,c", ",", 2));
    assertEquals("c", t("split_part", "a,b,c", ",", -1));
    assertEquals("", t("split_part", "a,b,c", ",", 5));
    fails("22023", "field position must not be zero", "split_part", List.of(TEXT, TEXT, INT4),
        "a", ",", 0);
    assertEquals("A", t("chr", 65));
    fails("54000", "null character not permitted", "chr", List.of(INT4), 0);
    fails("22023", "character number must be positive", "chr", List.of(INT4), -1);
    fails("54000", "requested character too large for encoding: 1114112", "chr", List.of(INT4),
        1114112);
    assertEquals(65, t("ascii", "A"));
    assertEquals("a2x5", t("translate", "12345", "143", "ax"));
    assertEquals("ffffffff", t("to_hex", -1));
    assertEquals("ff", t("to_hex", 255L));
    assertEquals(true, t("starts_with", "hello", "he"));
  }

  @Test
  void nullInNullOut() {
    assertNull(call("length", List.of(TEXT), (Object) null));
    assertNull(call("lpad", List.of(TEXT, INT4, TEXT), "a", null, "x"));
  }
}
