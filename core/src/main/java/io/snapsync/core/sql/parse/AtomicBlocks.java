package io.snapsync.core.sql.parse;

import java.util.Locale;

/**
 * Tracks the words of one statement being split, as psql does: inside the SQL-standard body
 * {@code BEGIN ATOMIC ... END} of CREATE FUNCTION or PROCEDURE a {@code ;} does not end the
 * statement. {@code CASE ... END} inside the body nests. One per statement piece.
 */
final class AtomicBlocks {

  private int words;
  private boolean routine;
  private String previous = "";
  private int depth;

  /** Feeds the next word outside quotes and comments. */
  void word(String w) {
    String word = w.toLowerCase(Locale.ROOT);
    if (words < 4 && (word.equals("function") || word.equals("procedure"))) {
      routine = true;
    }
    words++;
    if (routine) {
      if (word.equals("atomic") && previous.equals("begin")) {
        depth++;
      } else if (depth > 0 && word.equals("case")) {
        depth++;
      } else if (depth > 0 && word.equals("end")) {
        depth--;
      }
    }
    previous = word;
  }

  /** How deep in BEGIN ATOMIC (and CASE inside it) the splitter is; 0 outside. */
  int depth() {
    return depth;
  }
}
