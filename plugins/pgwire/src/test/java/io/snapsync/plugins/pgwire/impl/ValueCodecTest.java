package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

  private static String text(Object v, DataType t) {
    return new String(ValueCodec.encode(v, t, 0), StandardCharsets.UTF_8);
  }

  @Test
  void textFormatMatchesPostgres() {
    assertEquals("t", text(true, DataType.BOOL));
    assertEquals("42", text(42L, DataType.INT8));
    assertEquals("1.5", text(1.5, DataType.FLOAT8));
    assertEquals("3", text(3.0, DataType.FLOAT8));
    assertEquals("1e+20", text(1e20, DataType.FLOAT8));
    assertEquals("2026-11-21 14:18:46.5+00", text(
        OffsetDateTime.of(2026, 11, 21, 15, 18, 46, 500_000_000, ZoneOffset.ofHours(1)),
        DataType.TIMESTAMPTZ));
    assertEquals("", text(null, DataType.VOID));
  }

  @Test
  void binaryRoundTripsForTheSupportedTypes() {
    assertArrayEquals(new byte[] {0, 0, 0, 7}, ValueCodec.encode(7, DataType.INT4, 1));
    assertEquals(7, ValueCodec.decodeParam(new byte[] {0, 0, 0, 7}, ValueCodec.OID_INT4, 1, 1));
    assertEquals(7L, ValueCodec.decodeParam(ValueCodec.encode(7L, DataType.INT8, 1),
        ValueCodec.OID_INT8, 1, 1));
    OffsetDateTime t = OffsetDateTime.of(2001, 2, 3, 4, 5, 6, 7000, ZoneOffset.UTC);
    assertEquals(t, ValueCodec.decodeParam(ValueCodec.encode(t, DataType.TIMESTAMPTZ, 1),
        ValueCodec.OID_TIMESTAMPTZ, 1, 1));
    assertEquals("7", ValueCodec.decodeParam("7".getBytes(StandardCharsets.UTF_8), 0, 0, 1));
  }

  @Test
  void wrongBinaryLengthIs22P03() {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> ValueCodec.decodeParam(new byte[] {1, 2}, ValueCodec.OID_INT4, 1, 3));
    assertEquals("22P03", e.sqlState());
  }
}
