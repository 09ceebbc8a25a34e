package io.snapsync.plugins.pgwire.impl;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.PgStyle;
import io.snapsync.plugins.pgwire.impl.codec.Bind;
import io.vertx.core.buffer.Buffer;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes DataRow messages straight into the connection's output buffer: no list of encoded
 * values per row, and the text form of int2/int4/int8 values is written digit by digit (no
 * String). Every other value is {@link ValueCodec#encode}'s bytes, so the output is the same
 * as encoding each value on its own. Stateless.
 */
final class DataRowWriter {

  private static final byte DATA_ROW = 'D';

  private DataRowWriter() {
  }

  /** The type a column is sent as: its described type when the portal declared one. */
  static DataType outputType(List<Column> actual, List<Column> declared, int i) {
    if (declared != null && declared.size() == actual.size()) {
      return declared.get(i).type();
    }
    return actual.get(i).type();
  }

  /**
   * Appends one DataRow of {@code values} (columns {@code cols}, sent as {@code declared} when
   * not null, in the formats {@code bind} asks for; text when null) to {@code out}.
   */
  static void write(Buffer out, List<Object> values, List<Column> cols, List<Column> declared,
      Bind bind, ZoneId zone) {
    write(out, values, cols, declared, bind, zone, PgStyle.DEFAULT);
  }

  /** As above, dates and intervals in the session's DateStyle and IntervalStyle. */
  static void write(Buffer out, List<Object> values, List<Column> cols, List<Column> declared,
      Bind bind, ZoneId zone, PgStyle style) {
    out.appendByte(DATA_ROW);
    int lengthAt = out.length();
    out.appendInt(0);
    out.appendShort((short) values.size());
    for (int i = 0; i < values.size(); i++) {
      DataType actual = cols.get(i).type();
      DataType wanted = outputType(cols, declared, i);
      int format = bind == null ? 0 : bind.resultFormat(i);
      Object v = values.get(i);
      if (v != null && format == 0 && integral(wanted) && integral(actual)
          && (v instanceof Integer || v instanceof Long || v instanceof Short)) {
        appendDigits(out, ((Number) v).longValue());
        continue;
      }
      if (v != null && wanted != actual && wanted == DataType.TEXT) {
        v = ValueCodec.text(v, actual, zone, style);
      }
      byte[] b = ValueCodec.encode(v, wanted, format, zone, style);
      if (b == null) {
        out.appendInt(-1);
      } else {
        out.appendInt(b.length).appendBytes(b);
      }
    }
    out.setInt(lengthAt, out.length() - lengthAt);
  }

  private static boolean integral(DataType t) {
    return t == DataType.INT2 || t == DataType.INT4 || t == DataType.INT8;
  }

  /** Appends the length word and the decimal digits of {@code v} (PostgreSQL's int output). */
  static void appendDigits(Buffer out, long v) {
    if (v == Long.MIN_VALUE) {
      byte[] b = Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      out.appendInt(b.length).appendBytes(b);
      return;
    }
    boolean negative = v < 0;
    long n = negative ? -v : v;
    int digits = 1;
    long p = 1;
    while (digits < 19 && n >= p * 10) {
      p *= 10;
      digits++;
    }
    out.appendInt(digits + (negative ? 1 : 0));
    if (negative) {
      out.appendByte((byte) '-');
    }
    for (; p > 0; p /= 10) {
      out.appendByte((byte) ('0' + (n / p) % 10));
    }
  }
}
