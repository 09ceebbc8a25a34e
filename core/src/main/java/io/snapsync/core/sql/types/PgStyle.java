package io.snapsync.core.sql.types;

import java.util.Locale;

/**
 * How a session writes and reads date/time values: PostgreSQL's {@code DateStyle} (the output
 * style and the field order of ambiguous numeric dates) and {@code IntervalStyle}. Immutable
 * and thread-safe; {@link #DEFAULT} is PostgreSQL's default ({@code ISO, MDY},
 * {@code postgres}).
 *
 * @param dates the output style of date, timestamp and timestamptz
 * @param order the field order of {@code 01/02/03} on input (and of SQL/Postgres output)
 * @param intervals the output style of interval
 */
public record PgStyle(DateOutput dates, DateOrder order, IntervalOutput intervals) {

  /** DateStyle's output part. */
  public enum DateOutput {
    ISO("ISO"), SQL("SQL"), POSTGRES("Postgres"), GERMAN("German");

    private final String shown;

    DateOutput(String shown) {
      this.shown = shown;
    }
  }

  /** DateStyle's field order part. */
  public enum DateOrder {
    MDY, DMY, YMD
  }

  /** IntervalStyle. */
  public enum IntervalOutput {
    POSTGRES, POSTGRES_VERBOSE, SQL_STANDARD, ISO_8601;

    /** The setting's text ({@code postgres_verbose}). */
    public String shown() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** ISO, MDY; IntervalStyle postgres. */
  public static final PgStyle DEFAULT =
      new PgStyle(DateOutput.ISO, DateOrder.MDY, IntervalOutput.POSTGRES);

  /**
   * The style of a session's {@code DateStyle} and {@code IntervalStyle} texts as
   * {@code SHOW} gives them ({@code "SQL, DMY"}, {@code "sql_standard"}); what does not read
   * falls back to the default part.
   */
  public static PgStyle of(String dateStyle, String intervalStyle) {
    PgStyle d = dateStyle == null ? null : parse(DEFAULT, dateStyle);
    IntervalOutput i = IntervalOutput.POSTGRES;
    if (intervalStyle != null) {
      try {
        i = IntervalOutput.valueOf(intervalStyle.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        i = IntervalOutput.POSTGRES;
      }
    }
    return new PgStyle(d == null ? DateOutput.ISO : d.dates, d == null ? DateOrder.MDY
        : d.order, i);
  }

  /** This style with another IntervalStyle. */
  public PgStyle withIntervals(IntervalOutput i) {
    return new PgStyle(dates, order, i);
  }

  /** DateStyle as {@code SHOW} prints it: {@code "Postgres, MDY"}. */
  public String dateStyleText() {
    return dates.shown + ", " + order.name();
  }

  /**
   * A {@code SET DateStyle} value read against the current one as PostgreSQL's
   * {@code check_datestyle} does: a comma-separated list of an output style (ISO, SQL,
   * Postgres, German) and an order (YMD, DMY or Euro/European, MDY or US/NonEuro/NonEuropean),
   * {@code default} for {@code ISO, MDY}; a part not given keeps its current value (German
   * alone means DMY). The canonical text, or null for an unknown word or conflicting parts.
   */
  public static String mergeDateStyle(String current, String given) {
    PgStyle base = current == null ? DEFAULT : parse(DEFAULT, current);
    PgStyle s = parse(base == null ? DEFAULT : base, given);
    return s == null ? null : s.dateStyleText();
  }

  private static PgStyle parse(PgStyle base, String text) {
    DateOutput style = null;
    DateOrder order = null;
    boolean german = false;
    for (String raw : text.split(",", -1)) {
      String w = raw.trim().toLowerCase(Locale.ROOT);
      if (w.startsWith("\"") && w.endsWith("\"") && w.length() >= 2) {
        w = w.substring(1, w.length() - 1);
      }
      DateOutput s = null;
      DateOrder o = null;
      switch (w) {
        case "iso" -> s = DateOutput.ISO;
        case "sql" -> s = DateOutput.SQL;
        case "postgres" -> s = DateOutput.POSTGRES;
        case "german" -> s = DateOutput.GERMAN;
        case "ymd" -> o = DateOrder.YMD;
        case "dmy", "euro", "european" -> o = DateOrder.DMY;
        case "mdy", "us", "noneuro", "noneuropean" -> o = DateOrder.MDY;
        case "default" -> {
          s = DateOutput.ISO;
          o = DateOrder.MDY;
        }
        default -> {
          return null;
        }
      }
      if (s != null) {
        if (style != null && style != s) {
          return null;
        }
        style = s;
        german = s == DateOutput.GERMAN;
      }
      if (o != null) {
        if (order != null && order != o) {
          return null;
        }
        order = o;
      }
    }
    if (order == null) {
      order = german ? DateOrder.DMY : base.order;
    }
    return new PgStyle(style == null ? base.dates : style, order, base.intervals);
  }
}
