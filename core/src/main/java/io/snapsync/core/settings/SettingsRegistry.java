package io.snapsync.core.settings;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The node's settings: definitions (built-in and from extensions) and node-level values
 * (default, then config file, then {@code ALTER SYSTEM}). Session overlays live in
 * {@link SessionSettings}. Thread-safe.
 */
public interface SettingsRegistry {

  /**
   * Event-bus address (cluster members only) on which a node publishes each node-level change
   * it made, as {@code {name, value, origin}}; every other node applies it, and extensions may
   * listen (the console shows it).
   */
  String CHANGED_ADDRESS = "snapsync.settings.changed";

  /** Registers a definition; a second definition of the same name fails start-up. */
  void register(SettingDefinition definition);

  Optional<SettingDefinition> definition(String name);

  Collection<SettingDefinition> definitions();

  /** The node-level value in canonical text (e.g. {@code on}, {@code 60min}). */
  String nodeValue(String name);

  /**
   * Validates {@code value} for {@code name} and returns its canonical text; throws a
   * {@link io.snapsync.core.error.SnapsyncException} 42704 (unknown) or 22023 (invalid value,
   * out of range) with PostgreSQL's messages.
   */
  String validate(String name, String value);

  /** Integer value in the definition's unit; bool as 1/0. */
  long nodeLong(String name);

  boolean nodeBool(String name);

  /**
   * {@code ALTER SYSTEM SET name = value} ({@code value == null}: {@code RESET}): validates,
   * persists under the data directory and applies on every node of the cluster. The caller
   * checks the SYSADMIN role.
   */
  Future<Void> alterSystem(String name, String value);

  /** Called with (name, canonical value) after a node-level value changed, on any thread. */
  void addListener(BiConsumer<String, String> listener);
}
