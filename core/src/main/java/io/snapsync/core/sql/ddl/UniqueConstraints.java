package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/**
 * UNIQUE and added PRIMARY KEY constraints, which need unique indexes. Until unique indexes
 * exist, {@link #add} refuses the constraint with 0A000 naming it; it is the one place to wire
 * unique-index creation in.
 */
public final class UniqueConstraints {

  private UniqueConstraints() {
  }

  /** The error for a UNIQUE constraint on {@code columns} of {@code table}. */
  static SnapsyncException add(String table, List<String> columns) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.unique_unsupported",
        table, String.join(", ", columns));
  }

  /** The error for ALTER TABLE ... ADD PRIMARY KEY on {@code columns} of {@code table}. */
  static SnapsyncException addPrimaryKey(String table, List<String> columns) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.add_pk_unsupported",
        table, String.join(", ", columns));
  }
}
