package io.snapsync.plugins.wdr.report;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import java.util.List;

/**
 * The error for a report over a snapshot id that is not stored: SPEC's message, with a detail
 * naming the missing id and the ids that are stored (lowest, highest and how many, since
 * retention leaves gaps).
 */
final class MissingSnapshots {

  private MissingSnapshots() {
  }

  static SnapsyncException error(List<SnapshotInfo> stored, long missing) {
    SnapsyncException e = SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
        "wdr.report.invalid_snapshot_id");
    if (stored.isEmpty()) {
      return e.withDetail("wdrfix.report.snapshot_missing_none", String.valueOf(missing));
    }
    long low = stored.stream().mapToLong(SnapshotInfo::snapshotId).min().orElseThrow();
    long high = stored.stream().mapToLong(SnapshotInfo::snapshotId).max().orElseThrow();
    return e.withDetail("wdrfix.report.snapshot_missing", String.valueOf(missing),
        String.valueOf(low), String.valueOf(high), String.valueOf(stored.size()));
  }
}
