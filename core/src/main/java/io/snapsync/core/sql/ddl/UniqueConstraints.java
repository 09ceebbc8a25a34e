package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.List;

/**
 * UNIQUE and added PRIMARY KEY constraints: their default names, and the forms still refused.
 * {@code ALTER TABLE ... ADD [CONSTRAINT n] PRIMARY KEY | UNIQUE} builds a unique index
 * ({@link io.snapsync.core.sql.index.UniqueConstraints}); a UNIQUE constraint inside CREATE
 * TABLE is still 0A000 (create the table, then add it).
 */
public final class UniqueConstraints {

  private UniqueConstraints() {
  }

  /** The error for a UNIQUE constraint on {@code columns} of {@code table}. */
  static SnapsyncException add(String table, List<String> columns) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.unique_unsupported",
        table, String.join(", ", columns));
  }

  /** PostgreSQL's default name: {@code t_pkey}, or {@code t_a_b_key} for UNIQUE (a, b). */
  static String defaultName(String table, List<String> columns, boolean primary) {
    String name = primary ? table + "_pkey" : table + "_" + String.join("_", columns) + "_key";
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  /** The error for ALTER TABLE ... ADD PRIMARY KEY on {@code columns} of {@code table}. */
  static SnapsyncException addPrimaryKey(String table, List<String> columns) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "ddl.add_pk_unsupported",
        table, String.join(", ", columns));
  }
}
