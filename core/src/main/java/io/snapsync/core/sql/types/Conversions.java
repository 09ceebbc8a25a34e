package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.ZoneId;

/** Casts among the non-numeric, non-character types: date/time, json, bytea, uuid. */
final class Conversions {

  private Conversions() {
  }

  static Object other(Object v, DataType from, DataType to, int typmod, ZoneId tz) {
    throw TypeErrors.cannotCast(from, to);
  }
}
