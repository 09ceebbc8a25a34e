package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.plugins.pgwire.impl.codec.Bind;
import io.snapsync.plugins.pgwire.impl.codec.DataRow;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DataRow written straight into the output buffer is byte for byte the message built from
 * each value's own encoding ({@link ValueCodec#encode} into a {@link DataRow}), in text and
 * binary formats and with declared column types.
 */
class DataRowWriterTest {

  private static final List<Column> COLS = List.of(new Column("a", DataType.INT4),
      new Column("b", DataType.INT8), new Column("c", DataType.INT2),
      new Column("d", DataType.TEXT), new Column("e", DataType.NUMERIC),
      new Column("f", DataType.BOOL), new Column("g", DataType.INT8));

  /** The reference: every value encoded on its own, then a DataRow record. */
  private static byte[] reference(List<Object> values, List<Column> declared, Bind bind) {
    List<byte[]> encoded = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      DataType actual = COLS.get(i).type();
      DataType wanted = DataRowWriter.outputType(COLS, declared, i);
      int format = bind == null ? 0 : bind.resultFormat(i);
      Object v = values.get(i);
      if (wanted != actual && wanted == DataType.TEXT && v != null) {
        v = ValueCodec.text(v, actual, ZoneOffset.UTC);
      }
      encoded.add(ValueCodec.encode(v, wanted, format, ZoneOffset.UTC));
    }
    Buffer b = Buffer.buffer();
    new DataRow(encoded).encode(b);
    return b.getBytes();
  }

  private static byte[] written(List<Object> values, List<Column> declared, Bind bind) {
    Buffer b = Buffer.buffer().appendString("prefix");
    DataRowWriter.write(b, values, COLS, declared, bind, ZoneOffset.UTC);
    return b.getBytes(6, b.length());
  }

  private static void same(List<Object> values, List<Column> declared, Bind bind) {
    assertArrayEquals(reference(values, declared, bind), written(values, declared, bind),
        values.toString());
  }

  @Test
  void integersTextAndNullsMatchTheReference() {
    long[] edges = {0, 7, -7, 9, 10, 99, 100, 12345, -100000, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1};
    for (long v : edges) {
      same(Arrays.asList((int) v, v, (short) v, "x" + v, new BigDecimal(v).movePointLeft(2),
          v > 0, null), null, null);
    }
    same(Arrays.asList(null, null, null, "ünïcødé ✓", null, null, 5L), null, null);
    same(Arrays.asList(1, 2L, (short) 3, "", BigDecimal.ONE, false, -1L), null, null);
  }

  @Test
  void binaryFormatsAndDeclaredTypesMatchTheReference() {
    Bind binary = new Bind("", "", new short[0], List.of(), new short[] {1});
    Bind mixed = new Bind("", "", new short[0], List.of(),
        new short[] {0, 1, 0, 1, 0, 1, 0});
    List<Object> row = Arrays.asList(42, -42L, (short) 4, "t", new BigDecimal("1.50"), true,
        7L);
    same(row, null, binary);
    same(row, null, mixed);
    List<Column> declared = List.of(new Column("a", DataType.TEXT),
        new Column("b", DataType.INT8), new Column("c", DataType.INT4),
        new Column("d", DataType.TEXT), new Column("e", DataType.TEXT),
        new Column("f", DataType.TEXT), new Column("g", DataType.INT8));
    same(row, declared, null);
    same(row, declared, mixed);
  }

  @Test
  void digitsAreTheDecimalText() {
    Buffer b = Buffer.buffer();
    DataRowWriter.appendDigits(b, -9_876_543_210L);
    assertEquals(11, b.getInt(0));
    assertEquals("-9876543210", new String(b.getBytes(4, b.length()), StandardCharsets.US_ASCII));
  }
}
