package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.stats.ObjectStats;

/**
 * One table or index scan as {@code pg_stat_user_tables} and {@code pg_stat_user_indexes} count
 * it: the scan is counted when it starts, each row it returns by {@link #row}. Counts into the
 * node's {@link ObjectStats}; counts nothing when the statement has no database (a routine's
 * evaluation outside the engine).
 */
final class ScanCount {

  private static final ScanCount NONE = new ScanCount(null, 0, null, null, false);

  private final ObjectStats stats;
  private final long tableId;
  private final ObjectStats.Table table;
  private final ObjectStats.Index index;
  private final boolean fetches;

  private ScanCount(ObjectStats stats, long tableId, ObjectStats.Table table,
      ObjectStats.Index index, boolean fetches) {
    this.stats = stats;
    this.tableId = tableId;
    this.table = table;
    this.index = index;
    this.fetches = fetches;
  }

  /** A sequential scan of {@code def} starts. */
  static ScanCount seq(ExecContext ctx, TableDef def) {
    ObjectStats s = stats(ctx);
    return s == null ? NONE : new ScanCount(s, def.id(), s.seqScan(def.id()), null, false);
  }

  /**
   * A scan of {@code def} through its index {@code name} starts; {@code fetches}: each entry
   * fetches its table row (false for an index-only scan).
   */
  static ScanCount index(ExecContext ctx, TableDef def, String name, boolean fetches) {
    ObjectStats s = stats(ctx);
    return s == null ? NONE
        : new ScanCount(s, def.id(), null, s.indexScan(def.id(), name), fetches);
  }

  /** The scan returned one row. */
  void row() {
    if (table != null) {
      table.seqTupRead.increment();
    } else if (index != null) {
      stats.indexRow(tableId, index, fetches);
    }
  }

  private static ObjectStats stats(ExecContext ctx) {
    io.snapsync.core.sql.Database db = ctx.eval() == null ? null : ctx.eval().engine();
    return db == null ? null : db.services().stats().objects();
  }
}
