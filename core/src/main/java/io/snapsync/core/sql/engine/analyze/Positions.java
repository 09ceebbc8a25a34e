package io.snapsync.core.sql.engine.analyze;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Calcite's line/column positions as PostgreSQL's 1-based character positions. */
public final class Positions {

  private Positions() {
  }

  /** The 1-based character offset of {@code line}/{@code column} in {@code sql}, or 0. */
  public static int of(String sql, int line, int column) {
    if (line <= 0 || column <= 0) {
      return 0;
    }
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) {
        return 0;
      }
      offset = nl + 1;
    }
    return Math.min(offset + column, sql.length() + 1);
  }

  public static int of(String sql, SqlParserPos pos) {
    return pos == null ? 0 : of(sql, pos.getLineNum(), pos.getColumnNum());
  }
}
