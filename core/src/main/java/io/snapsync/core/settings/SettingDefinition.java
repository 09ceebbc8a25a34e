package io.snapsync.core.settings;

import java.util.List;

/**
 * A setting (GUC): its name, type, level, default and bounds. Immutable.
 *
 * @param name lower-case name, e.g. {@code wdr_snapshot_interval}
 * @param type value type
 * @param level {@link Level#SESSION}: {@code SET} per session, default from the node;
 *     {@link Level#NODE}: only the config file or {@code ALTER SYSTEM SET}
 * @param defaultValue canonical text of the default (with unit for unit-bearing integers)
 * @param min lower bound of an integer, in {@code unit}
 * @param max upper bound of an integer, in {@code unit}
 * @param unit base unit of an integer: "", "ms", "s", "min", "d", "kB"
 * @param allowed values of an enum
 * @param descriptionId catalog id of a one-line description
 */
public record SettingDefinition(String name, Type type, Level level, String defaultValue, long min,
    long max, String unit, List<String> allowed, String descriptionId) {

  /** Value types, as PostgreSQL's {@code vartype}. */
  public enum Type { BOOL, INTEGER, ENUM, STRING, REAL }

  /** Who may change the setting. */
  public enum Level { SESSION, NODE }

  public SettingDefinition {
    allowed = List.copyOf(allowed);
  }

  public static SettingDefinition bool(String name, Level level, boolean dflt, String descId) {
    return new SettingDefinition(name, Type.BOOL, level, dflt ? "on" : "off", 0, 1, "",
        List.of(), descId);
  }

  public static SettingDefinition integer(String name, Level level, long dflt, long min, long max,
      String unit, String descId) {
    return new SettingDefinition(name, Type.INTEGER, level, Long.toString(dflt), min, max, unit,
        List.of(), descId);
  }

  /**
   * A floating-point setting; {@code min}/{@code max} bound it ({@link Long#MAX_VALUE}: no
   * upper bound). Its text is C's {@code %g}, as PostgreSQL shows reals.
   */
  public static SettingDefinition real(String name, Level level, String dflt, long min, long max,
      String descId) {
    return new SettingDefinition(name, Type.REAL, level, dflt, min, max, "", List.of(), descId);
  }

  public static SettingDefinition enumeration(String name, Level level, String dflt,
      List<String> allowed, String descId) {
    return new SettingDefinition(name, Type.ENUM, level, dflt, 0, 0, "", allowed, descId);
  }

  public static SettingDefinition string(String name, Level level, String dflt, String descId) {
    return new SettingDefinition(name, Type.STRING, level, dflt, 0, 0, "", List.of(), descId);
  }
}
