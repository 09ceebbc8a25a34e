package io.snapsync.core.sql.func;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The field names extract, date_part and date_trunc accept, with PostgreSQL's spellings. */
enum DateUnits {
  MICROSECONDS("microsecond", "microseconds", "us", "usec", "usecs", "useconds"),
  MILLISECONDS("millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds"),
  SECOND("second", "seconds", "s", "sec", "secs"),
  MINUTE("minute", "minutes", "m", "min", "mins"),
  HOUR("hour", "hours", "h", "hr", "hrs"),
  DAY("day", "days", "d"),
  WEEK("week", "weeks", "w"),
  MONTH("month", "months", "mon", "mons"),
  QUARTER("quarter", "qtr"),
  YEAR("year", "years", "y", "yr", "yrs"),
  DECADE("decade", "decades", "dec", "decs"),
  CENTURY("century", "centuries", "c", "cent"),
  MILLENNIUM("millennium", "millennia", "mil", "mils", "millenniums"),
  EPOCH("epoch"),
  DOW("dow"),
  ISODOW("isodow"),
  DOY("doy"),
  ISOYEAR("isoyear"),
  JULIAN("julian", "j"),
  TIMEZONE("timezone"),
  TIMEZONE_HOUR("timezone_h", "timezone_hour"),
  TIMEZONE_MINUTE("timezone_m", "timezone_minute");

  private static final Map<String, DateUnits> BY_NAME = new HashMap<>();

  static {
    for (DateUnits u : values()) {
      for (String n : u.names) {
        BY_NAME.put(n, u);
      }
    }
  }

  private final String[] names;

  DateUnits(String... names) {
    this.names = names;
  }

  /** The unit named {@code text} for a value of {@code type}, or 22023 naming the type. */
  static DateUnits of(String text, DataType type) {
    DateUnits u = BY_NAME.get(text.toLowerCase(Locale.ROOT).trim());
    if (u == null) {
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
          "functions.unit_not_recognized", text, type.sqlName());
    }
    return u;
  }

  SnapsyncException unsupported(String text, DataType type) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "functions.unit_not_supported",
        text, type.sqlName());
  }
}
