package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LIKE, SIMILAR TO and POSIX regular expressions; expected values from PostgreSQL 15. */
class PatternFunctionsTest {

  private static Object t(String name, Object... args) {
    return call(name, Collections.nCopies(args.length, TEXT), args);
  }

  @Test
  void likeWithBackslashAndCustomEscapes() {
    assertEquals(true, t("~~", "abc", "a%"));
    assertEquals(true, t("~~", "a_c", "a\\_c"));
    assertEquals(false, t("~~", "abc", "a\\_c"));
    assertEquals(true, t("~~*", "ABC", "a%"));
    assertEquals(true, t("!~~", "abc", "b%"));
    assertEquals("a\\%c", t("like_escape", "a!%c", "!"));
    assertEquals(true, t("~~", "a%c", t("like_escape", "a!%c", "!")));
    assertEquals(true, t("~~", "a.c(", "a.c("));
    assertEquals(true, t("~~", "line1\nline2", "line1%"));
    fails("22025", "LIKE pattern must not end with escape character", "~~", List.of(TEXT, TEXT),
        "abc", "ab\\");
    fails("22025", "invalid escape string", "like_escape", List.of(TEXT, TEXT), "a", "xy");
  }

  @Test
  void posixRegularExpressions() {
    assertEquals(true, t("~", "foobar", "o+b"));
    assertEquals(true, t("~*", "FOO", "foo"));
    assertEquals(true, t("!~", "foo", "x"));
    assertEquals(true, t("~", "a\nb", "a.b"));
    assertEquals(false, t("~", "line1\nline2", "^line2"));
    assertEquals(false, t("~", "ab\n", "b$"));
    assertEquals(true, t("~", "word boundary", "\\mbound"));
    assertEquals(true, t("~", "x1", "^[[:alpha:]][[:digit:]]$"));
    assertEquals(true, t("~", "[", "[[]"));
    fails("2201B", "invalid regular expression: parentheses () not balanced", "~",
        List.of(TEXT, TEXT), "abc", "(a");
    fails("2201B", "invalid regular expression: brackets [] not balanced", "~",
        List.of(TEXT, TEXT), "abc", "[a");
  }

  @Test
  void regexpFunctions() {
    assertEquals("fooXaYrXaYz", t("regexp_replace", "foobarbaz", "b(.)", "X\\1Y", "g"));
    assertEquals("fooXaYrbaz", t("regexp_replace", "foobarbaz", "b(.)", "X\\1Y"));
    assertEquals("Hll Wrld", t("regexp_replace", "Hello World", "[aeiou]", "", "gi"));
    assertEquals("-a-b-", t("regexp_replace", "ab", "x*", "-", "g"));
    assertEquals(List.of("bar", "beque"), t("regexp_match", "foobarbequebaz", "(bar)(beque)"));
    assertNull(t("regexp_match", "abc", "x"));
    assertEquals("oob", t("substring", "foobar", "o.b"));
    assertEquals("o", t("substring", "foobar", "o(.)b"));
    assertEquals(2, t("regexp_count", "abab", "b"));
    fails("22023", "invalid regular expression option: \"z\"", "regexp_replace",
        List.of(TEXT, TEXT, TEXT, TEXT), "abc", "b", "x", "z");
    fails("22023", "regexp_match() does not support the \"global\" option", "regexp_match",
        List.of(TEXT, TEXT, TEXT), "abc", "b", "g");
  }

  @Test
  void similarToBecomesAnAnchoredRegex() {
    assertEquals("^(?:a.*b.c\\.(?:d|e))$", t("similar_to_escape", "a%b_c.(d|e)"));
    assertEquals(true, t("~", "x", t("similar_to_escape", "[a-z]")));
    assertEquals(false, t("~", "xy", t("similar_to_escape", "[a-z]")));
  }
}
