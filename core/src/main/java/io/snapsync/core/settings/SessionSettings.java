package io.snapsync.core.settings;

import java.util.Map;

/**
 * One session's view of the settings: node values overlaid with {@code SET}. Not thread-safe
 * (a session runs one statement at a time).
 */
public interface SessionSettings {

  /** {@code SHOW name}: canonical text; 42704 {@code unrecognized configuration parameter}. */
  String show(String name);

  /** {@code SHOW ALL}: name to value, sorted by name. */
  Map<String, String> showAll();

  /** {@code SET name = value}; 55P02 for node-level settings, 22023 for bad values. */
  void set(String name, String value);

  /**
   * A value the client gave when the session started (start-up packet, PGOPTIONS, PGTZ): set
   * as {@link #set} and also the value {@code RESET} returns to, as in PostgreSQL.
   */
  default void setAtStartup(String name, String value) {
    set(name, value);
  }

  /** {@code RESET name} / {@code SET name TO DEFAULT}; back to the start-up value if any. */
  void reset(String name);

  /** {@code RESET ALL}. */
  void resetAll();

  long getLong(String name);

  boolean getBool(String name);

  String get(String name);
}
