package io.snapsync.core.sql.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import io.snapsync.core.sql.types.Json;
import io.snapsync.core.sql.types.PgValues;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowCodecTest {

  @Test
  void rowsWrittenInTheOriginalFormatStayReadable() {
    byte[] t = "hé".getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(1 + 5 + 9 + 2 + 5 + t.length);
    b.put((byte) 0).put((byte) 1).putInt(7).put((byte) 2).putLong(-8L).put((byte) 3)
        .put((byte) 1).put((byte) 4).putInt(t.length).put(t);
    assertEquals(Arrays.asList(null, 7, -8L, true, "hé", null), RowCodec.decode(b.array(), 6));
    assertArrayEquals(b.array(), RowCodec.encode(Arrays.asList(null, 7, -8L, true, "hé")));
  }

  @Test
  void everyValueClassRoundTrips() {
    ZoneId utc = ZoneId.of("UTC");
    List<Object> row = Arrays.asList((short) -3, 1.5f, -0.0, Double.NaN,
        new BigDecimal("-123.4500"), new BigDecimal("1E+3"), new byte[] {0, (byte) 0xff},
        LocalDate.of(-43, 3, 15), LocalDate.MAX, LocalTime.of(4, 5, 6, 789000), LocalTime.MAX,
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123456000), LocalDateTime.MIN,
        PgValues.fromText("2024-01-02 03:04:05.5+02", DataType.TIMESTAMPTZ, -1, utc),
        OffsetDateTime.MAX, OffsetDateTime.MIN, new Interval(14, -3, 3_600_000_001L),
        UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new Json("{\"b\":1}", false),
        new Json("{\"a\": 1}", true), Arrays.asList(1, null, 3),
        List.of(List.of("a", "b"), List.of("c", "d")), List.of());
    List<Object> back = RowCodec.decode(RowCodec.encode(row), row.size());
    for (int i = 0; i < row.size(); i++) {
      if (row.get(i) instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) back.get(i));
      } else {
        assertEquals(row.get(i), back.get(i), "column " + i);
      }
    }
    assertEquals(4, ((BigDecimal) back.get(4)).scale());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get(2)));
  }

  @Test
  void fitsKnowsTheValueClassOfEveryType() {
    assertEquals(true, RowCodec.fits(DataType.INT2, (short) 1));
    assertEquals(false, RowCodec.fits(DataType.INT2, 1));
    assertEquals(true, RowCodec.fits(DataType.NUMERIC, Double.NaN));
    assertEquals(true, RowCodec.fits(DataType.TEXT_ARRAY, List.of("a")));
    assertEquals(true, RowCodec.fits(DataType.JSONB, new Json("1", true)));
  }
}
