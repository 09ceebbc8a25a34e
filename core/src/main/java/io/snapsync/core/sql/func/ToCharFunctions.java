package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.INTERVAL;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.types.Interval;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** to_char for date/time and numbers, to_date, to_timestamp(text, text), to_number. */
final class ToCharFunctions {

  private ToCharFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("to_char", TEXT, (x, c) -> DateTimeFormat.format(DateTimeFormat.Fields.of(
        (LocalDateTime) x[0], null), (String) x[1]), TIMESTAMP, TEXT));
    r.add(Fn.of("to_char", TEXT, (x, c) -> {
      ZonedDateTime z = ((OffsetDateTime) x[0]).toInstant().atZone(c.timeZone());
      return DateTimeFormat.format(DateTimeFormat.Fields.of(z.toLocalDateTime(), z),
          (String) x[1]);
    }, TIMESTAMPTZ, TEXT));
    r.add(Fn.of("to_char", TEXT, (x, c) -> DateTimeFormat.format(DateTimeFormat.Fields.of(
        (Interval) x[0]), (String) x[1]), INTERVAL, TEXT));
    for (DataType t : new DataType[] {INT4, INT8, NUMERIC, FLOAT4, FLOAT8}) {
      r.add(Fn.of("to_char", TEXT, (x, c) -> Numbers.isNaN(x[0]) ? "NaN"
          : NumberFormat.format(Numbers.big(x[0]), (String) x[1]), t, TEXT));
    }
    r.add(Fn.of("to_date", DATE, (x, c) -> DateTimeParse.parse((String) x[0], (String) x[1])
        .toLocalDate(), TEXT, TEXT));
    r.add(Fn.of("to_timestamp", TIMESTAMPTZ, (x, c) -> DateTimeParse.parse((String) x[0],
        (String) x[1]).atZone(c.timeZone()).toOffsetDateTime(), TEXT, TEXT));
    r.add(Fn.of("to_number", NUMERIC, (x, c) -> NumberFormat.parse((String) x[0],
        (String) x[1]), TEXT, TEXT));
  }
}
