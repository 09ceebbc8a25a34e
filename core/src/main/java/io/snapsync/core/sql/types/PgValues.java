package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;
import java.time.ZoneId;

/**
 * PostgreSQL's semantics for values of every {@link DataType}: text input and output, casts,
 * ordering. Static and thread-safe. (Filled in by the types work; this is the contract the
 * engine and functions use.)
 */
public final class PgValues {

  private PgValues() {
  }

  /**
   * Parses PostgreSQL text input for {@code type} ({@code typmod} applies lengths and scales);
   * 22P02 {@code invalid input syntax for type integer: "x"} and PostgreSQL's other input
   * errors. {@code tz} resolves timestamptz input without an offset.
   */
  public static Object fromText(String text, DataType type, int typmod, ZoneId tz) {
    throw new UnsupportedOperationException("types work pending");
  }

  /** PostgreSQL's text output of {@code value} (DateStyle ISO, MDY; timestamptz in {@code tz}). */
  public static String toText(Object value, DataType type, ZoneId tz) {
    throw new UnsupportedOperationException("types work pending");
  }

  /**
   * Casts {@code value} of type {@code from} to {@code to} with PostgreSQL's rules (explicit
   * cast semantics: rounding, truncation to length, 22003 on overflow, 22P02 from text).
   */
  public static Object cast(Object value, DataType from, DataType to, int typmod, ZoneId tz) {
    throw new UnsupportedOperationException("types work pending");
  }

  /** Total order of two non-null values of the same type, as PostgreSQL's btree orders them. */
  public static int compare(Object a, Object b, DataType type) {
    throw new UnsupportedOperationException("types work pending");
  }
}
