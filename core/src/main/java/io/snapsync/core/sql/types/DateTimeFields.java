package io.snapsync.core.sql.types;

import java.time.ZoneId;

/**
 * The fields of a date/time input string, as PostgreSQL's {@code DecodeDateTime} finds them
 * (DateStyle MDY for ambiguous numeric dates). Mutable while parsing, read once after.
 */
final class DateTimeFields {

  /** A special value word: epoch, infinity, -infinity, now, today, tomorrow, yesterday, allballs. */
  String special;
  boolean hasDate;
  /** ISO proleptic year (1 BC is 0) once {@link DateTimeParser} has applied BC. */
  int year;
  int month;
  int day;
  boolean hasTime;
  int hour;
  int minute;
  int second;
  int micros;
  /** null when the input names no zone or offset. */
  ZoneId zone;
}
