package io.snapsync.core.sql.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The text of a parsed expression exactly as the user wrote it, cut from the statement by the
 * parser positions of the expression and everything under it (so DEFAULT and CHECK keep
 * PostgreSQL's spelling and are parsed again by the engine when used).
 */
final class SourceText {

  private SourceText() {
  }

  /** The text of {@code node} in {@code sql}. */
  static String of(String sql, SqlNode node) {
    int[] span = {Integer.MAX_VALUE, -1};
    widen(sql, node, span);
    if (span[1] < span[0]) {
      return node.toString();
    }
    String text = sql.substring(span[0], Math.min(span[1] + 1, sql.length())).trim();
    return balance(sql, span[0], span[1], text);
  }

  /** The statement's text from {@code node}'s start to its end (a trailing query). */
  static String from(String sql, SqlNode node) {
    int[] span = {Integer.MAX_VALUE, -1};
    widen(sql, node, span);
    String rest = sql.substring(Math.min(span[0], sql.length())).trim();
    rest = rest.endsWith(";") ? rest.substring(0, rest.length() - 1) : rest;
    int depth = 0;
    for (int i = 0; i < rest.length(); i++) {
      depth += rest.charAt(i) == '(' ? 1 : rest.charAt(i) == ')' ? -1 : 0;
    }
    return "(".repeat(Math.max(0, -depth)) + rest; // a parenthesized query's opening

  }

  private static void widen(String sql, SqlNode node, int[] span) {
    if (node == null) {
      return;
    }
    SqlParserPos p = node.getParserPosition();
    if (p != null && p.getLineNum() > 0) {
      span[0] = Math.min(span[0], offset(sql, p.getLineNum(), p.getColumnNum()));
      span[1] = Math.max(span[1], offset(sql, p.getEndLineNum(), p.getEndColumnNum()));
    }
    if (node instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        widen(sql, o, span);
      }
    }
  }

  /** Extends the cut to the closing parentheses of parentheses it opened. */
  private static String balance(String sql, int from, int to, String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      }
    }
    int end = to + 1;
    while (depth > 0 && end < sql.length()) {
      char ch = sql.charAt(end++);
      if (ch == ')') {
        depth--;
      } else if (ch == '(') {
        depth++;
      }
    }
    return sql.substring(from, Math.min(end, sql.length())).trim();
  }

  private static int offset(String sql, int line, int column) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', off);
      if (nl < 0) {
        break;
      }
      off = nl + 1;
    }
    return Math.min(off + column - 1, sql.length() - 1);
  }
}
