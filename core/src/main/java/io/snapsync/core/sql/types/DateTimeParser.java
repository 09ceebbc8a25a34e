package io.snapsync.core.sql.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits date/time input into {@link DateTimeFields}: ISO dates ({@code 2024-01-02},
 * {@code 20240102}), MDY dates ({@code 01/02/2024}), month names ({@code Jan 2, 2024}),
 * {@code T} separators, times with fractions, AM/PM, BC/AD, numeric offsets, {@code Z} and
 * zone names; 22007 for what it cannot read, 22008 for fields out of range.
 */
final class DateTimeParser {

  private static final Pattern TIME = Pattern.compile(
      "(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?(?:\\.(\\d*))?([+-].*|z)?");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d+)-(\\d+)-(\\d+)");
  private static final Pattern SLASH_DATE = Pattern.compile("(\\d+)/(\\d+)/(\\d+)");
  private static final Pattern DOT_DATE = Pattern.compile("(\\d{4})\\.(\\d{1,2})\\.(\\d{1,2})");
  private static final Pattern DATE_T_TIME = Pattern.compile("(\\d+-\\d+-\\d+)t(.+)");
  private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
      "aug", "sep", "oct", "nov", "dec"};
  private static final String[] DAYS = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
  private static final List<String> SPECIALS = List.of("epoch", "infinity", "+infinity",
      "-infinity", "now", "today", "tomorrow", "yesterday", "allballs");

  private final String input;
  private final String typeName;
  private final DateTimeFields f = new DateTimeFields();
  private final PgStyle.DateOrder order;
  private final List<String> numbers = new ArrayList<>();
  private boolean namedMonth;
  private boolean bc;
  private int ampm;

  private DateTimeParser(String input, String typeName, PgStyle.DateOrder order) {
    this.input = input;
    this.typeName = typeName;
    this.order = order;
  }

  /** The fields of {@code input}; {@code typeName} names the type in syntax errors. */
  static DateTimeFields parse(String input, String typeName) {
    return parse(input, typeName, PgStyle.DateOrder.MDY);
  }

  /** As {@link #parse(String, String)}, {@code order} reading ambiguous numeric dates. */
  static DateTimeFields parse(String input, String typeName, PgStyle.DateOrder order) {
    return new DateTimeParser(input, typeName, order).run();
  }

  private DateTimeFields run() {
    String s = input.trim().toLowerCase(Locale.ROOT);
    if (SPECIALS.contains(s)) {
      f.special = s.equals("+infinity") ? "infinity" : s;
      return f;
    }
    if (s.isEmpty()) {
      throw syntax();
    }
    for (String token : s.split("[\\s,]+")) {
      if (!token.isEmpty()) {
        token(token);
      }
    }
    numbers();
    if (f.hasDate) {
      if (f.year == 0) {
        throw fieldRange();
      }
      if (bc) {
        f.year = 1 - f.year;
      }
    }
    if (ampm != 0) {
      if (!f.hasTime || f.hour > 12 || f.hour == 0) {
        throw fieldRange();
      }
      f.hour = f.hour % 12 + (ampm == 2 ? 12 : 0);
    }
    check();
    return f;
  }

  private void token(String t) {
    Matcher m;
    if ((m = DATE_T_TIME.matcher(t)).matches()) {
      token(m.group(1));
      time(m.group(2));
      return;
    }
    if (t.length() > 1 && t.charAt(0) == 't' && Character.isDigit(t.charAt(1))) {
      time(t.substring(1));
      return;
    }
    if ((m = ISO_DATE.matcher(t)).matches() || (m = SLASH_DATE.matcher(t)).matches()) {
      ordered(m.group(1), m.group(2), m.group(3));
      return;
    }
    if ((m = DOT_DATE.matcher(t)).matches()) {
      date(m.group(1), m.group(2), m.group(3));
      return;
    }
    char c = t.charAt(0);
    if (Character.isDigit(c)) {
      if (t.indexOf(':') > 0) {
        time(t);
      } else if (t.length() == 8 && t.chars().allMatch(Character::isDigit) && !f.hasDate) {
        date(t.substring(0, 4), t.substring(4, 6), t.substring(6));
      } else if (t.length() == 6 && t.chars().allMatch(Character::isDigit) && f.hasDate
          && !f.hasTime) {
        time(t.substring(0, 2) + ":" + t.substring(2, 4) + ":" + t.substring(4));
      } else if (t.chars().allMatch(Character::isDigit) && t.length() <= 9) {
        numbers.add(t);
      } else if (t.contains("-") && t.chars().anyMatch(Character::isLetter)) {
        for (String part : t.split("-")) {
          token(part);
        }
      } else {
        throw syntax();
      }
      return;
    }
    if (c == '+' || c == '-') {
      zone(t);
      return;
    }
    word(t);
  }

  private void word(String w) {
    if (w.contains("-") && !w.contains("/")) {
      for (String part : w.split("-")) {
        if (!part.isEmpty()) {
          token(part);
        }
      }
      return;
    }
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    switch (w) {
      case "am", "a.m" -> ampm = 1;
      case "pm", "p.m" -> ampm = 2;
      case "bc", "b.c" -> bc = true;
      case "ad", "a.d" -> bc = false;
      case "at", "on" -> { }
      default -> {
        int month = indexOfPrefix(MONTHS, w, 3);
        if (month >= 0 && !TimeZones.isZoneWord(w)) {
          f.month = month + 1;
          namedMonth = true;
          return;
        }
        if (indexOfPrefix(DAYS, w, 3) >= 0 && !TimeZones.isZoneWord(w)) {
          return;
        }
        zone(w);
      }
    }
  }

  private static int indexOfPrefix(String[] names, String w, int min) {
    if (w.length() < min) {
      return -1;
    }
    for (int i = 0; i < names.length; i++) {
      if (w.startsWith(names[i])) {
        String full = fullName(names, i);
        if (full.startsWith(w) || w.equals(names[i] + "t") && i == 8) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String fullName(String[] names, int i) {
    if (names.length == 12) {
      return new String[] {"january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"}[i];
    }
    return new String[] {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday"}[i];
  }

  private void zone(String z) {
    ZoneId id = TimeZones.lookup(z);
    if (id == null && z.indexOf('/') > 0) {
      throw TypeErrors.unknownTimeZone(z);
    }
    if (id == null || f.zone != null) {
      throw syntax();
    }
    f.zone = id;
  }

  /** Three numeric fields: a 3+ digit first field is the year, else the DateStyle order. */
  private void ordered(String a, String b, String c) {
    if (a.length() >= 3 || order == PgStyle.DateOrder.YMD) {
      date(a, b, c);
    } else if (order == PgStyle.DateOrder.DMY) {
      date(c, b, a);
    } else {
      date(c, a, b);
    }
  }

  private void date(String y, String m, String d) {
    if (f.hasDate || y.length() > 9 || m.length() > 9 || d.length() > 9) {
      throw syntax();
    }
    f.hasDate = true;
    f.year = Integer.parseInt(y);
    if (y.length() == 2) {
      f.year += f.year < 70 ? 2000 : 1900;
    }
    f.month = Integer.parseInt(m);
    f.day = Integer.parseInt(d);
  }

  private void time(String t) {
    Matcher m = TIME.matcher(t);
    if (f.hasTime || !m.matches()) {
      throw syntax();
    }
    f.hasTime = true;
    f.hour = Integer.parseInt(m.group(1));
    f.minute = Integer.parseInt(m.group(2));
    f.second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    String frac = m.group(4) != null ? m.group(4) : m.group(5);
    if (m.group(5) != null && m.group(3) != null) {
      throw syntax();
    }
    if (m.group(5) != null) {
      // hh:mm.fff is minutes:seconds.fraction in PostgreSQL
      f.second = f.minute;
      f.minute = f.hour;
      f.hour = 0;
    }
    if (frac != null && !frac.isEmpty()) {
      long us = new BigDecimal("0." + frac).movePointRight(6)
          .setScale(0, RoundingMode.HALF_EVEN).longValue();
      if (us == 1_000_000) {
        f.second++;
        us = 0;
      }
      f.micros = (int) us;
    }
    if (m.group(6) != null) {
      zone(m.group(6));
    }
  }

  /**
   * Bare numbers with a month name: day and year, a 3+ digit field being the year and, in
   * DateStyle YMD, the first of two short fields; otherwise not a date.
   */
  private void numbers() {
    if (numbers.isEmpty()) {
      if (namedMonth && !f.hasDate) {
        throw syntax();
      }
      return;
    }
    if (!namedMonth || f.hasDate || numbers.size() > 2) {
      throw syntax();
    }
    f.hasDate = true;
    if (numbers.size() == 1) {
      throw syntax();
    }
    String a = numbers.get(0);
    String b = numbers.get(1);
    boolean yearFirst = a.length() >= 3
        || b.length() < 3 && (order == PgStyle.DateOrder.YMD || Integer.parseInt(a) > 31);
    String y = yearFirst ? a : b;
    f.day = Integer.parseInt(yearFirst ? b : a);
    f.year = Integer.parseInt(y);
    if (y.length() == 2 && !bc) {
      f.year += f.year < 70 ? 2000 : 1900;
    }
  }

  private void check() {
    if (f.hasDate) {
      if (f.month < 1 || f.month > 12 || f.day < 1) {
        throw fieldRange();
      }
      try {
        LocalDate.of(f.year, f.month, 1);
      } catch (DateTimeException e) {
        throw TypeErrors.dateOutOfRange(input);
      }
      if (f.day > LocalDate.of(f.year, f.month, 1).lengthOfMonth()) {
        throw fieldRange();
      }
    }
    if (f.hasTime) {
      if (f.hour > 24 || f.minute > 59 || f.second > 60
          || f.hour == 24 && (f.minute != 0 || f.second != 0 || f.micros != 0)) {
        throw fieldRange();
      }
    }
  }

  private RuntimeException syntax() {
    return TypeErrors.datetimeSyntax(typeName, input);
  }

  private RuntimeException fieldRange() {
    return TypeErrors.datetimeFieldOutOfRange(input);
  }
}
