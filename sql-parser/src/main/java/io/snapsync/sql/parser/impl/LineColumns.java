package io.snapsync.sql.parser.impl;

/**
 * Maps the generated lexer's 1-based (line, column) to a 1-based character position, counting
 * line breaks as JavaCC's {@code SimpleCharStream} does ({@code \n}, {@code \r} and
 * {@code \r\n} each end a line) with a tab size of 1.
 */
final class LineColumns {

  private final int[] lineStarts;
  private final int length;

  LineColumns(String sql) {
    int lines = 1;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n')) {
        lines++;
      }
    }
    lineStarts = new int[lines + 1];
    int line = 1;
    lineStarts[1] = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n')) {
        lineStarts[++line] = i + 1;
      }
    }
    length = sql.length();
  }

  /** The 1-based position of (line, column), clamped to the statement. */
  int position(int line, int column) {
    if (line < 1 || line >= lineStarts.length) {
      return length + 1;
    }
    return Math.min(lineStarts[line] + Math.max(column, 1), length + 1);
  }
}
