package io.snapsync.core.sql.types;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zone names as PostgreSQL reads them: IANA names case-insensitively, the common
 * abbreviations ({@code PST}, {@code CEST}, ...), {@code UTC}/{@code GMT}/{@code Z}, and
 * numeric ISO offsets ({@code +02}, {@code -08:00}, {@code +0530}).
 */
public final class TimeZones {

  /** Lower-cased IANA names to their spelling (zone rules load only when a name is used). */
  private static final Map<String, String> NAMES = new HashMap<>();
  private static final Map<String, ZoneOffset> ABBREVIATIONS = new HashMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      NAMES.put(id.toLowerCase(Locale.ROOT), id);
    }
    String[][] abbrevs = {
        {"utc", "0"}, {"gmt", "0"}, {"z", "0"}, {"zulu", "0"}, {"ut", "0"},
        {"est", "-5"}, {"edt", "-4"}, {"cst", "-6"}, {"cdt", "-5"}, {"mst", "-7"},
        {"mdt", "-6"}, {"pst", "-8"}, {"pdt", "-7"}, {"akst", "-9"}, {"akdt", "-8"},
        {"hst", "-10"}, {"ast", "-4"}, {"adt", "-3"}, {"nst", "-3.5"}, {"ndt", "-2.5"},
        {"wet", "0"}, {"west", "1"}, {"bst", "1"}, {"cet", "1"}, {"cest", "2"}, {"met", "1"},
        {"mest", "2"}, {"eet", "2"}, {"eest", "3"}, {"msk", "3"}, {"ist", "2"},
        {"jst", "9"}, {"kst", "9"}, {"hkt", "8"}, {"sgt", "8"}, {"awst", "8"},
        {"acst", "9.5"}, {"acdt", "10.5"}, {"aest", "10"}, {"aedt", "11"}, {"nzst", "12"},
        {"nzdt", "13"},
    };
    for (String[] a : abbrevs) {
      double h = Double.parseDouble(a[1]);
      ABBREVIATIONS.put(a[0], ZoneOffset.ofTotalSeconds((int) Math.round(h * 3600)));
    }
  }

  private TimeZones() {
  }

  /**
   * The zone a {@code TimeZone} setting names (IANA name, {@code UTC}, abbreviation or ISO
   * offset), or 22023 {@code time zone "x" not recognized}.
   */
  public static ZoneId zone(String name) {
    ZoneId z = lookup(name);
    if (z == null) {
      throw TypeErrors.unknownTimeZone(name);
    }
    return z;
  }

  /**
   * The canonical spelling of an IANA zone name given in any case ({@code europe/paris} is
   * {@code Europe/Paris}), or null when it names no zone. For the {@code TimeZone} setting.
   */
  public static String canonicalName(String name) {
    return NAMES.get(name.trim().toLowerCase(Locale.ROOT));
  }

  /** The zone {@code name} stands for, or null. */
  public static ZoneId lookup(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    ZoneOffset abbrev = ABBREVIATIONS.get(n);
    if (abbrev != null) {
      return abbrev;
    }
    String id = NAMES.get(n);
    if (id != null) {
      return ZoneId.of(id);
    }
    return offset(n);
  }

  /** True for a name that is only an abbreviation or zone (not a number). */
  static boolean isZoneWord(String lower) {
    return ABBREVIATIONS.containsKey(lower) || NAMES.containsKey(lower);
  }

  /** An ISO offset {@code +h}, {@code +hh}, {@code +hh:mm}, {@code +hhmm}, {@code +hh:mm:ss}. */
  static ZoneOffset offset(String s) {
    if (s.length() < 2 || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
      return null;
    }
    int sign = s.charAt(0) == '-' ? -1 : 1;
    String body = s.substring(1);
    int h;
    int m = 0;
    int sec = 0;
    try {
      if (body.contains(":")) {
        String[] p = body.split(":", -1);
        if (p.length > 3) {
          return null;
        }
        h = Integer.parseInt(p[0]);
        m = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        sec = p.length > 2 ? Integer.parseInt(p[2]) : 0;
      } else if (body.length() <= 2) {
        h = Integer.parseInt(body);
      } else if (body.length() == 4) {
        h = Integer.parseInt(body.substring(0, 2));
        m = Integer.parseInt(body.substring(2));
      } else if (body.length() == 6) {
        h = Integer.parseInt(body.substring(0, 2));
        m = Integer.parseInt(body.substring(2, 4));
        sec = Integer.parseInt(body.substring(4));
      } else {
        return null;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    if (h > 15 || m > 59 || sec > 59 || body.chars().anyMatch(c -> c != ':' && !Character.isDigit(c))) {
      return null;
    }
    try {
      return ZoneOffset.ofTotalSeconds(sign * (h * 3600 + m * 60 + sec));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
