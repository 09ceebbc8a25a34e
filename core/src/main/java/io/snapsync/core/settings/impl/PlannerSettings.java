package io.snapsync.core.settings.impl;

import static io.snapsync.core.settings.SettingDefinition.Level.SESSION;

import io.snapsync.core.settings.SettingDefinition;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's planner and client settings that scripts (its own regression files among them)
 * {@code SET}, with PostgreSQL 15's types, defaults, ranges and units. Honoured:
 * {@code client_min_messages} (which notices reach the client), {@code bytea_output}, and the
 * {@code enable_*} switches where the planner has the choice ({@link #PLAN_CHOICES}); the
 * others are accepted and shown as PostgreSQL shows them. A setting another part registered
 * first is left alone.
 */
final class PlannerSettings {

  /** The {@code enable_*} switches the planner reads; the others only validate. */
  static final List<String> PLAN_CHOICES = List.of("enable_seqscan", "enable_indexscan",
      "enable_indexonlyscan", "enable_bitmapscan", "enable_hashjoin", "enable_nestloop",
      "enable_mergejoin", "enable_hashagg", "enable_sort");

  private static final List<String> ENABLE_ON = List.of("enable_async_append",
      "enable_bitmapscan", "enable_gathermerge", "enable_hashagg", "enable_hashjoin",
      "enable_incremental_sort", "enable_indexonlyscan", "enable_indexscan", "enable_material",
      "enable_memoize", "enable_mergejoin", "enable_nestloop", "enable_parallel_append",
      "enable_parallel_hash", "enable_partition_pruning", "enable_seqscan", "enable_sort",
      "enable_tidscan");

  /** client_min_messages' values, as PostgreSQL lists them (debug, info are hidden aliases). */
  static final String CLIENT_LEVELS =
      "debug5, debug4, debug3, debug2, debug1, log, notice, warning, error";

  private static final long KB_MAX = Integer.MAX_VALUE;
  private static final long NO_MAX = Long.MAX_VALUE;

  private PlannerSettings() {
  }

  static void registerAll(SettingsRegistryImpl r) {
    for (String name : ENABLE_ON) {
      add(r, SettingDefinition.bool(name, SESSION, true, id(name)));
    }
    add(r, SettingDefinition.bool("enable_partitionwise_aggregate", SESSION, false,
        id("enable_partitionwise_aggregate")));
    add(r, SettingDefinition.bool("enable_partitionwise_join", SESSION, false,
        id("enable_partitionwise_join")));
    add(r, SettingDefinition.integer("work_mem", SESSION, 4096, 64, KB_MAX, "kB", id("work_mem")));
    add(r, SettingDefinition.integer("maintenance_work_mem", SESSION, 65536, 1024, KB_MAX, "kB",
        id("maintenance_work_mem")));
    add(r, SettingDefinition.integer("max_stack_depth", SESSION, 2048, 100, KB_MAX, "kB",
        id("max_stack_depth")));
    add(r, SettingDefinition.real("hash_mem_multiplier", SESSION, "2", 1, 1000,
        id("hash_mem_multiplier")));
    add(r, SettingDefinition.bool("jit", SESSION, true, id("jit")));
    add(r, SettingDefinition.real("jit_above_cost", SESSION, "100000", -1, NO_MAX,
        id("jit_above_cost")));
    add(r, SettingDefinition.real("jit_inline_above_cost", SESSION, "500000", -1, NO_MAX,
        id("jit_inline_above_cost")));
    add(r, SettingDefinition.real("jit_optimize_above_cost", SESSION, "500000", -1, NO_MAX,
        id("jit_optimize_above_cost")));
    add(r, SettingDefinition.integer("max_parallel_workers_per_gather", SESSION, 2, 0, 1024, "",
        id("max_parallel_workers_per_gather")));
    add(r, SettingDefinition.integer("max_parallel_workers", SESSION, 8, 0, 1024, "",
        id("max_parallel_workers")));
    add(r, SettingDefinition.integer("max_parallel_maintenance_workers", SESSION, 2, 0, 1024, "",
        id("max_parallel_maintenance_workers")));
    add(r, SettingDefinition.bool("parallel_leader_participation", SESSION, true,
        id("parallel_leader_participation")));
    add(r, SettingDefinition.enumeration("force_parallel_mode", SESSION, "off",
        List.of("off", "on", "regress"), id("force_parallel_mode")));
    add(r, SettingDefinition.enumeration("constraint_exclusion", SESSION, "partition",
        List.of("partition", "on", "off"), id("constraint_exclusion")));
    add(r, SettingDefinition.enumeration("plan_cache_mode", SESSION, "auto",
        List.of("auto", "force_generic_plan", "force_custom_plan"), id("plan_cache_mode")));
    costs(r);
    add(r, SettingDefinition.integer("from_collapse_limit", SESSION, 8, 1, KB_MAX, "",
        id("from_collapse_limit")));
    add(r, SettingDefinition.integer("join_collapse_limit", SESSION, 8, 1, KB_MAX, "",
        id("join_collapse_limit")));
    add(r, SettingDefinition.bool("geqo", SESSION, true, id("geqo")));
    add(r, SettingDefinition.integer("default_statistics_target", SESSION, 100, 1, 10000, "",
        id("default_statistics_target")));
    add(r, SettingDefinition.bool("escape_string_warning", SESSION, true,
        id("escape_string_warning")));
    add(r, SettingDefinition.enumeration("bytea_output", SESSION, "hex",
        List.of("escape", "hex"), id("bytea_output")));
    if (r.definition("client_min_messages").isEmpty()) {
      r.register(SettingDefinition.string("client_min_messages", SESSION, "notice",
          id("client_min_messages")));
      r.validator("client_min_messages", PlannerSettings::clientLevel, CLIENT_LEVELS);
    }
  }

  private static void costs(SettingsRegistryImpl r) {
    add(r, SettingDefinition.real("parallel_setup_cost", SESSION, "1000", 0, NO_MAX,
        id("parallel_setup_cost")));
    add(r, SettingDefinition.real("parallel_tuple_cost", SESSION, "0.1", 0, NO_MAX,
        id("parallel_tuple_cost")));
    add(r, SettingDefinition.real("seq_page_cost", SESSION, "1", 0, NO_MAX, id("seq_page_cost")));
    add(r, SettingDefinition.real("random_page_cost", SESSION, "4", 0, NO_MAX,
        id("random_page_cost")));
    add(r, SettingDefinition.real("cpu_tuple_cost", SESSION, "0.01", 0, NO_MAX,
        id("cpu_tuple_cost")));
    add(r, SettingDefinition.real("cpu_index_tuple_cost", SESSION, "0.005", 0, NO_MAX,
        id("cpu_index_tuple_cost")));
    add(r, SettingDefinition.real("cpu_operator_cost", SESSION, "0.0025", 0, NO_MAX,
        id("cpu_operator_cost")));
  }

  /** A client_min_messages level in canonical form, or null; {@code debug} is debug2. */
  static String clientLevel(String v) {
    String l = v.trim().toLowerCase(Locale.ROOT);
    if (l.equals("debug")) {
      return "debug2";
    }
    return l.equals("info") || List.of(CLIENT_LEVELS.split(", ")).contains(l) ? l : null;
  }

  private static String id(String name) {
    return "engine.expr.setting." + name;
  }

  private static void add(SettingsRegistryImpl r, SettingDefinition d) {
    if (r.definition(d.name()).isEmpty()) {
      r.register(d);
    }
  }
}
