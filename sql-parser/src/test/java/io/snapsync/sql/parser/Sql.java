package io.snapsync.sql.parser;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/** Small helpers for the parser tests. */
final class Sql {

  private Sql() {
  }

  /** The statement's tree printed on one line. */
  static String tree(String sql) {
    return PgParser.parse(sql).toString().replace('\n', ' ').replaceAll(" +", " ");
  }

  /** The first select item of {@code SELECT expr}. */
  static SqlNode expr(String expression) {
    return ((SqlSelect) PgParser.parse("SELECT " + expression)).getSelectList().get(0);
  }

  static PgSyntaxException error(String sql) {
    try {
      PgParser.parse(sql);
    } catch (PgSyntaxException e) {
      return e;
    }
    throw new AssertionError("parsed: " + sql);
  }
}
