package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.UNKNOWN;
import static io.snapsync.core.session.DataType.VARCHAR;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static io.snapsync.core.sql.func.Calls.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ||, concat, concat_ws, format and the quote functions; expected values from PostgreSQL 15. */
class ConcatFormatTest {

  @Test
  void concatenationOperator() {
    assertEquals("ab", call("||", List.of(TEXT, TEXT), "a", "b"));
    assertEquals(List.of(TEXT, TEXT), resolve("||", VARCHAR, VARCHAR).argTypes());
    assertEquals("a1", call("||", List.of(UNKNOWN, INT4), "a", 1));
    assertEquals("1a", call("||", List.of(INT4, TEXT), 1, "a"));
    assertNull(call("||", List.of(TEXT, TEXT), "a", null));
  }

  @Test
  void concatAndConcatWsSkipNulls() {
    assertEquals("a1t2.50", call("concat", List.of(TEXT, INT4, TEXT, BOOL, NUMERIC), "a", 1,
        null, true, new BigDecimal("2.50")));
    assertEquals("a,1", call("concat_ws", List.of(TEXT, TEXT, TEXT, INT4), ",", "a", null, 1));
    assertNull(call("concat_ws", List.of(TEXT, TEXT), null, "a"));
  }

  @Test
  void formatSpecifiers() {
    assertEquals("a|\"B c\"|NULL|%|B c|     |    x|", call("format",
        List.of(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT), "%s|%I|%L|%%|%2$s|%-5s|%5s|", "a", "B c",
        null, "x", "y"));
    assertEquals("'it''s' 42", call("format", List.of(TEXT, TEXT, INT4), "%L %s", "it's", 42));
    fails("22023", "too few arguments for format()", "format", List.of(TEXT, TEXT), "%s %s",
        "a");
    fails("22023", "unrecognized format() type specifier \"z\"", "format", List.of(TEXT, TEXT),
        "%z", "a");
    fails("22004", "null values cannot be formatted as an SQL identifier", "format",
        List.of(TEXT, TEXT), "%I", null);
  }

  @Test
  void quoting() {
    assertEquals("\"Foo\"", call("quote_ident", List.of(TEXT), "Foo"));
    assertEquals("foo", call("quote_ident", List.of(TEXT), "foo"));
    assertEquals("\"select\"", call("quote_ident", List.of(TEXT), "select"));
    assertEquals("\"a b\"", call("quote_ident", List.of(TEXT), "a b"));
    assertEquals("'it''s'", call("quote_literal", List.of(TEXT), "it's"));
    assertEquals("E'a\\\\b'", call("quote_literal", List.of(TEXT), "a\\b"));
    assertEquals("NULL", call("quote_nullable", List.of(TEXT), (Object) null));
    assertEquals("'42'", call("quote_literal", List.of(INT4), 42));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", call("md5", List.of(TEXT), "abc"));
  }
}
