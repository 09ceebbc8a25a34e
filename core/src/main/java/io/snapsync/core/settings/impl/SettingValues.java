package io.snapsync.core.settings.impl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.settings.SettingDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and canonical formatting of setting values, as PostgreSQL does it: integers with
 * units ({@code 60min}, {@code 100s}; bare numbers are in the base unit), booleans
 * ({@code on/off/true/false/yes/no/1/0}), enums (case-insensitive).
 */
final class SettingValues {

  /** A validated value: canonical text and, for integers and booleans, the number. */
  record Value(String text, long number) {
  }

  private static final Pattern NUMBER =
      Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*([A-Za-z]*)\\s*$");

  /** Time units, in milliseconds, largest last. */
  private static final Map<String, Long> TIME = units(
      "ms", 1L, "s", 1000L, "min", 60_000L, "h", 3_600_000L, "d", 86_400_000L);
  /** Memory units, in bytes, largest last. */
  private static final Map<String, Long> MEMORY = units(
      "B", 1L, "kB", 1024L, "MB", 1024L * 1024, "GB", 1024L * 1024 * 1024,
      "TB", 1024L * 1024 * 1024 * 1024);

  static final List<String> BOOL_TRUE = List.of("on", "true", "yes", "1");
  static final List<String> BOOL_FALSE = List.of("off", "false", "no", "0");

  private SettingValues() {
  }

  private static Map<String, Long> units(Object... kv) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Long) kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Long> ladder(String unit) {
    if (TIME.containsKey(unit)) {
      return TIME;
    }
    if (MEMORY.containsKey(unit)) {
      return MEMORY;
    }
    return Map.of();
  }

  static SnapsyncException invalid(SettingDefinition def, String input) {
    return SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "settings.invalid_value",
        def.name(), input);
  }

  /** Validates {@code input} for {@code def}; 22023 with PostgreSQL's texts when invalid. */
  static Value parse(SettingDefinition def, String input) {
    String in = input == null ? "" : input;
    switch (def.type()) {
      case BOOL:
        return parseBool(def, in);
      case INTEGER:
        return parseInteger(def, in);
      case REAL:
        return RealValues.parse(def, in);
      case ENUM:
        for (String a : def.allowed()) {
          if (a.equalsIgnoreCase(in.trim())) {
            return new Value(a, 0);
          }
        }
        throw invalid(def, in).withHint("settings.hint.available",
            String.join(", ", def.allowed()));
      default:
        return new Value(in, 0);
    }
  }

  private static Value parseBool(SettingDefinition def, String in) {
    String v = in.trim().toLowerCase(Locale.ROOT);
    if (BOOL_TRUE.contains(v) || prefix(v, "true", 1) || prefix(v, "yes", 1)) {
      return new Value("on", 1);
    }
    if (BOOL_FALSE.contains(v) || prefix(v, "false", 1) || prefix(v, "no", 1)
        || prefix(v, "off", 2)) {
      return new Value("off", 0);
    }
    throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "engine.expr.setting_requires_bool", def.name());
  }

  /** PostgreSQL's parse_bool: a prefix of {@code word} at least {@code min} long. */
  private static boolean prefix(String v, String word, int min) {
    return v.length() >= min && word.startsWith(v);
  }

  private static Value parseInteger(SettingDefinition def, String in) {
    Matcher m = NUMBER.matcher(in);
    if (!m.matches()) {
      throw invalid(def, in);
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    if (!unit.isEmpty()) {
      Map<String, Long> ladder = ladder(def.unit());
      Long factor = ladder.get(unit);
      if (ladder.isEmpty()) {
        throw invalid(def, in);
      }
      if (factor == null) {
        throw invalid(def, in).withHint("settings.hint.units", unitList(ladder));
      }
      number = number * factor / ladder.get(def.unit());
    }
    double rounded = Math.rint(number);
    if (rounded < def.min() || rounded > def.max()) {
      String shown = rounded >= Long.MIN_VALUE && rounded <= Long.MAX_VALUE
          ? Long.toString((long) rounded) : m.group(1);
      String withUnit = def.unit().isEmpty() ? shown : shown + " " + def.unit();
      throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "settings.out_of_range",
          withUnit, def.name(), Long.toString(def.min()), Long.toString(def.max()));
    }
    long value = (long) rounded;
    return new Value(formatInteger(value, def.unit()), value);
  }

  /** {@code "ms", "s", "min", "h", and "d"} as PostgreSQL lists units. */
  private static String unitList(Map<String, Long> ladder) {
    List<String> quoted = new ArrayList<>();
    ladder.keySet().forEach(u -> quoted.add("\"" + u + "\""));
    String last = quoted.remove(quoted.size() - 1);
    return String.join(", ", quoted) + ", and " + last;
  }

  /** PostgreSQL's display: the largest unit that divides the value exactly. */
  static String formatInteger(long value, String unit) {
    Map<String, Long> ladder = ladder(unit);
    if (ladder.isEmpty() || value == 0) {
      return value == 0 || unit.isEmpty() ? Long.toString(value) : value + unit;
    }
    long base = ladder.get(unit);
    long inSmallest;
    try {
      inSmallest = Math.multiplyExact(value, base);
    } catch (ArithmeticException e) {
      return value + unit;
    }
    String best = unit;
    long bestValue = value;
    for (Map.Entry<String, Long> e : ladder.entrySet()) {
      if (e.getValue() > base && inSmallest % e.getValue() == 0) {
        best = e.getKey();
        bestValue = inSmallest / e.getValue();
      }
    }
    return bestValue + best;
  }
}
