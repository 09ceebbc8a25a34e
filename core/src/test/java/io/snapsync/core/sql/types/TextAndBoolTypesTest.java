package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.UTC;
import static io.snapsync.core.sql.types.TypeAsserts.fails;
import static io.snapsync.core.sql.types.TypeAsserts.inputFails;
import static io.snapsync.core.sql.types.TypeAsserts.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.DataType;
import org.junit.jupiter.api.Test;

class TextAndBoolTypesTest {

  @Test
  void booleansAcceptPostgresqlSpellings() {
    for (String t : new String[] {"t", "TRUE", " yes ", "on", "1", "tr", "y"}) {
      roundTrip(t, DataType.BOOL, "t");
    }
    for (String f : new String[] {"f", "False", "no", "off", "of", "0", "n"}) {
      roundTrip(f, DataType.BOOL, "f");
    }
    inputFails("o", DataType.BOOL, "22P02", "invalid input syntax for type boolean: \"o\"");
    inputFails("2", DataType.BOOL, "22P02", "invalid input syntax for type boolean: \"2\"");
    inputFails("yess", DataType.BOOL, "22P02",
        "invalid input syntax for type boolean: \"yess\"");
  }

  @Test
  void varcharLengthIsCheckedOnInputAndCutOnExplicitCast() {
    int v3 = 3 + 4;
    roundTrip("abc", DataType.VARCHAR, v3, "abc");
    roundTrip("abc  ", DataType.VARCHAR, v3, "abc");
    fails("22001", "value too long for type character varying(3)",
        () -> PgValues.fromText("abcd", DataType.VARCHAR, v3, UTC));
    fails("22001", "value too long for type character(3)",
        () -> PgValues.assign("abcd", DataType.TEXT, DataType.BPCHAR, v3, UTC));
    assertEquals("abc", PgValues.cast("abcd", DataType.UNKNOWN, DataType.VARCHAR, v3, UTC));
    assertEquals("日本語", PgValues.cast("日本語です", DataType.TEXT, DataType.VARCHAR, v3, UTC));
  }

  @Test
  void charIsBlankPaddedAndComparesWithoutTrailingBlanks() {
    int c3 = 3 + 4;
    assertEquals("a  ", PgValues.fromText("a", DataType.BPCHAR, c3, UTC));
    assertEquals("a", PgValues.cast("a  ", DataType.BPCHAR, DataType.TEXT, -1, UTC));
    assertEquals(0, PgValues.compare("a  ", "a", DataType.BPCHAR));
    assertEquals(PgValues.hash("a  ", DataType.BPCHAR), PgValues.hash("a", DataType.BPCHAR));
  }

  @Test
  void textOrdersByCodePoint() {
    assertTrue(PgValues.compare("B", "a", DataType.TEXT) < 0);
    assertTrue(PgValues.compare("a", "ab", DataType.TEXT) < 0);
    // U+FF21 sorts before U+1F600 by code point although its UTF-16 unit is larger
    assertTrue(PgValues.compare("\uFF21", "\uD83D\uDE00", DataType.TEXT) < 0);
  }

  @Test
  void castsBetweenTextIntegersAndBooleans() {
    assertEquals(12, PgValues.cast(" 12 ", DataType.TEXT, DataType.INT4, -1, UTC));
    assertEquals("12", PgValues.cast(12L, DataType.INT8, DataType.TEXT, -1, UTC));
    assertEquals("true", PgValues.cast(true, DataType.BOOL, DataType.TEXT, -1, UTC));
    assertEquals("t", PgValues.toText(true, DataType.BOOL, UTC));
    assertEquals(Boolean.TRUE, PgValues.cast(5, DataType.INT4, DataType.BOOL, -1, UTC));
    assertEquals(Boolean.FALSE, PgValues.cast(0, DataType.INT4, DataType.BOOL, -1, UTC));
    assertEquals(1, PgValues.cast(true, DataType.BOOL, DataType.INT4, -1, UTC));
    fails("42846", "cannot cast type smallint to boolean",
        () -> PgValues.cast((short) 1, DataType.INT2, DataType.BOOL, -1, UTC));
    fails("22P02", "invalid input syntax for type integer: \"x\"",
        () -> PgValues.cast("x", DataType.UNKNOWN, DataType.INT4, -1, UTC));
  }

  @Test
  void nameIsCutTo63Bytes() {
    String s = "x".repeat(70);
    assertEquals(63, ((String) PgValues.fromText(s, DataType.NAME, -1, UTC)).length());
  }
}
