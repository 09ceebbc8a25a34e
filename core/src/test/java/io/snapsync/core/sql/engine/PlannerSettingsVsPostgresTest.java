package io.snapsync.core.sql.engine;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner and client settings PostgreSQL's regression files SET: defaults, canonical
 * texts (units, reals as {@code %g}), aliases and errors answer as PostgreSQL 15.
 */
class PlannerSettingsVsPostgresTest {

  @TempDir
  Path dir;

  @Test
  void plannerAndClientSettingsMatchPostgres() throws Exception {
    PgSideBySide.assertSame(dir, List.of(
        "select current_setting('enable_seqscan')",
        "select current_setting('enable_partitionwise_join')",
        "select current_setting('work_mem')",
        "select current_setting('maintenance_work_mem')",
        "select current_setting('max_stack_depth')",
        "select current_setting('jit_above_cost')",
        "select current_setting('parallel_setup_cost')",
        "select current_setting('parallel_tuple_cost')",
        "select current_setting('cpu_operator_cost')",
        "select current_setting('hash_mem_multiplier')",
        "select current_setting('max_parallel_workers_per_gather')",
        "select current_setting('client_min_messages')",
        "select current_setting('bytea_output')",
        "select current_setting('escape_string_warning')",
        "select current_setting('force_parallel_mode')",
        "select set_config('enable_hashagg', 'off', false)",
        "select set_config('enable_sort', 'f', false)",
        "select set_config('enable_nestloop', 'maybe', false)",
        "select set_config('work_mem', '64kB', false)",
        "select set_config('work_mem', '1024', false)",
        "select set_config('work_mem', '10', false)",
        "select set_config('work_mem', '1GB', false)",
        "select set_config('work_mem', '3 apples', false)",
        "select set_config('jit_above_cost', '1e7', false)",
        "select set_config('jit_above_cost', '-1', false)",
        "select set_config('jit_above_cost', '-2', false)",
        "select set_config('parallel_tuple_cost', '0.00001', false)",
        "select set_config('parallel_setup_cost', '0', false)",
        "select set_config('parallel_setup_cost', 'abc', false)",
        "select set_config('hash_mem_multiplier', '1.5', false)",
        "select set_config('max_parallel_workers_per_gather', '2000', false)",
        "select set_config('client_min_messages', 'WARNING', false)",
        "select set_config('client_min_messages', 'debug', false)",
        "select set_config('client_min_messages', 'info', false)",
        "select set_config('client_min_messages', 'bogus', false)",
        "select set_config('bytea_output', 'escape', false)",
        "select set_config('bytea_output', 'octal', false)",
        "select set_config('force_parallel_mode', 'regress', false)"));
  }
}
