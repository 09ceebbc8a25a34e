package io.snapsync.bench.regress;

/**
 * A statement PostgreSQL ran without error whose snapsync output differs.
 *
 * @param file the regression file (without {@code .sql})
 * @param line the line where the statement starts
 * @param statement the statement's first line
 * @param firstLine snapsync's first error line, or a description of the difference when
 *     snapsync gave no error
 * @param error whether snapsync reported an error
 */
public record Miss(String file, int line, String statement, String firstLine, boolean error) {

  private static final java.util.regex.Pattern FOLLOW_ON = java.util.regex.Pattern.compile(
      "^ERROR:  ((relation|table|view|index|sequence) \"[^\"]*\" does not exist"
          + "|current transaction is aborted)");

  /** Messages about a named object: the name is replaced, the kind of failure kept. */
  private static final java.util.regex.Pattern OBJECT_MESSAGE = java.util.regex.Pattern.compile(
      "\\b(relation|table|column|index|constraint|view|sequence|schema|database|role|"
          + "cursor|prepared statement|savepoint)\\b");

  /**
   * Whether this is most likely the consequence of an earlier miss rather than a cause of its
   * own: a table, view, index or sequence an earlier statement failed to create, or a
   * transaction an earlier failure aborted.
   */
  public boolean followOn() {
    return error && FOLLOW_ON.matcher(firstLine).find();
  }

  /**
   * A digest key: the first line with literals and numbers replaced by placeholders, and the
   * names of tables, columns and other objects too (the name of a type, function, setting
   * or the token of a syntax error stays: it says what is missing).
   */
  public String digestKey() {
    if (!error) {
      return firstLine;
    }
    String key = firstLine;
    if (OBJECT_MESSAGE.matcher(key.replaceAll("\"[^\"]*\"", "")).find()) {
      key = key.replaceAll("\"[^\"]*\"", "\"…\"");
    }
    if (key.startsWith("ERROR:  syntax error at or near")) {
      key = "ERROR:  " + key.substring(8).toLowerCase(java.util.Locale.ROOT);
    }
    return key.replaceAll("'[^']*'", "'…'")
        .replaceAll("\\b\\d+\\b", "N");
  }
}
