package io.snapsync.bench.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a psql script into the units psql would execute one by one, following the rules of
 * psql's own lexer ({@code src/fe_utils/psqlscan.l}): a statement ends at a semicolon outside
 * quotes, comments, parentheses and {@code BEGIN ... END} bodies of {@code CREATE FUNCTION /
 * PROCEDURE}; a backslash outside quotes starts a meta-command that runs to the end of the
 * line (or to {@code \\}). A query-sending meta-command ({@code \g}, {@code \gset}, ...)
 * completes the statement it follows. {@code COPY ... FROM STDIN} (or {@code STDOUT}, which
 * PostgreSQL accepts there too) and {@code \copy ... from stdin} take the data lines up to
 * {@code \.} with them. Leading whitespace and {@code --} comments are dropped, as psql drops
 * them from the query buffer.
 */
public final class PsqlSplitter {

  /** What kind of unit psql runs. */
  public enum Kind { SQL, META }

  /** One unit: its verbatim text and the 1-based line where it starts. */
  public record Unit(Kind kind, String text, int line) {
  }

  private static final List<String> ROUTINE_WORDS =
      List.of("create", "function", "procedure", "or", "replace");

  private final String s;
  private int pos;
  private int line = 1;

  private PsqlSplitter(String text) {
    this.s = text;
  }

  /** The units of {@code script}, in order. */
  public static List<Unit> split(String script) {
    return new PsqlSplitter(script).units();
  }

  private List<Unit> units() {
    List<Unit> out = new ArrayList<>();
    while (true) {
      skipBlankAndLineComments();
      if (pos >= s.length()) {
        return out;
      }
      int startLine = line;
      if (s.charAt(pos) == '\\') {
        String meta = metaCommand();
        out.add(new Unit(Kind.META, isCopyFromStdin(meta) ? meta + copyData() : meta,
            startLine));
      } else {
        out.add(new Unit(Kind.SQL, statement(), startLine));
      }
    }
  }

  private void skipBlankAndLineComments() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '-' && peek(1) == '-') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          advance();
        }
      } else {
        return;
      }
    }
  }

  /** A backslash command from here to the end of the line or to a {@code \\} separator. */
  private String metaCommand() {
    int start = pos;
    advance();
    while (pos < s.length() && s.charAt(pos) != '\n') {
      char c = s.charAt(pos);
      if (c == '\'') {
        skipQuoted('\'', false);
        continue;
      }
      if (c == '"') {
        skipQuoted('"', false);
        continue;
      }
      if (c == '`') {
        skipQuoted('`', false);
        continue;
      }
      if (c == '\\' && peek(1) == '\\') {
        advance();
        advance();
        break;
      }
      advance();
    }
    return s.substring(start, pos).strip();
  }

  private String statement() {
    int start = pos;
    int parens = 0;
    int beginDepth = 0;
    List<String> leadWords = new ArrayList<>();
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '-' && peek(1) == '-') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          advance();
        }
      } else if (c == '/' && peek(1) == '*') {
        skipBlockComment();
      } else if (c == '\'') {
        skipQuoted('\'', false);
      } else if ((c == 'E' || c == 'e') && peek(1) == '\'' && !identPart(peek(-1))) {
        advance();
        skipQuoted('\'', true);
      } else if (c == '"') {
        skipQuoted('"', false);
      } else if (c == '$' && dollarTag() != null && !identPart(peek(-1))) {
        skipDollarQuoted(dollarTag());
      } else if (identStart(c)) {
        String word = identifier();
        beginDepth = trackBegin(leadWords, word, parens, beginDepth);
      } else if (c == '(') {
        parens++;
        advance();
      } else if (c == ')') {
        parens = Math.max(0, parens - 1);
        advance();
      } else if (c == ';' && parens == 0 && beginDepth == 0) {
        advance();
        String text = s.substring(start, pos);
        return isCopyFromStdin(text) ? text + copyData() : text;
      } else if (c == '\\') {
        if (peek(1) == ';' || peek(1) == ':') {
          advance();
          advance();
          continue;
        }
        String meta = metaCommand();
        if (sendsQuery(meta)) {
          return s.substring(start, pos);
        }
      } else {
        advance();
      }
    }
    return s.substring(start, pos);
  }

  /** psql's heuristic for semicolons inside SQL-standard function bodies. */
  private static int trackBegin(List<String> lead, String word, int parens, int depth) {
    String w = word.toLowerCase(Locale.ROOT);
    if (lead.size() < 4) {
      lead.add(ROUTINE_WORDS.contains(w) ? w : "");
    }
    boolean createsRoutine = lead.size() >= 2 && lead.get(0).equals("create")
        && (lead.get(1).equals("function") || lead.get(1).equals("procedure")
        || (lead.size() >= 4 && lead.get(1).equals("or") && lead.get(2).equals("replace")
        && (lead.get(3).equals("function") || lead.get(3).equals("procedure"))));
    if (!createsRoutine || parens != 0) {
      return depth;
    }
    return switch (w) {
      case "begin" -> depth + 1;
      case "case" -> depth >= 1 ? depth + 1 : depth;
      case "end" -> Math.max(0, depth - 1);
      default -> depth;
    };
  }

  private static boolean sendsQuery(String meta) {
    String cmd = meta.substring(1).split("[\\s\\\\]", 2)[0];
    return cmd.equals("g") || cmd.startsWith("g") && List.of("gx", "gset", "gexec", "gdesc")
        .contains(cmd) || cmd.equals("crosstabview") || cmd.equals("watch");
  }

  private static boolean isCopyFromStdin(String text) {
    String flat = text.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").strip()
        .toLowerCase(Locale.ROOT);
    return (flat.startsWith("copy ") || flat.startsWith("\\copy "))
        && flat.matches("(?s).*\\bfrom\\s+(stdin|stdout|pstdin)\\b.*");
  }

  /** The data lines after {@code COPY ... FROM STDIN;}, through the {@code \.} line. */
  private String copyData() {
    int start = pos;
    while (pos < s.length() && s.charAt(pos) != '\n') {
      advance();
    }
    while (pos < s.length()) {
      advance();
      int lineStart = pos;
      while (pos < s.length() && s.charAt(pos) != '\n') {
        advance();
      }
      if (s.substring(lineStart, pos).equals("\\.")) {
        break;
      }
    }
    return s.substring(start, pos);
  }

  private String identifier() {
    int start = pos;
    while (pos < s.length() && identPart(s.charAt(pos))) {
      advance();
    }
    return s.substring(start, pos);
  }

  private static boolean identStart(char c) {
    return Character.isLetter(c) || c == '_' || c >= 0x80;
  }

  private static boolean identPart(char c) {
    return identStart(c) || Character.isDigit(c) || c == '$';
  }

  /** The dollar-quote tag starting here ({@code $$} or {@code $tag$}), or null. */
  private String dollarTag() {
    int i = pos + 1;
    if (i < s.length() && identStart(s.charAt(i))) {
      while (i < s.length() && (identStart(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
        i++;
      }
    }
    return i < s.length() && s.charAt(i) == '$' ? s.substring(pos, i + 1) : null;
  }

  private void skipDollarQuoted(String tag) {
    for (int i = 0; i < tag.length(); i++) {
      advance();
    }
    int end = s.indexOf(tag, pos);
    int stop = end < 0 ? s.length() : end + tag.length();
    while (pos < stop) {
      advance();
    }
  }

  private void skipQuoted(char quote, boolean backslashEscapes) {
    advance();
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (backslashEscapes && c == '\\') {
        advance();
        advance();
      } else if (c == quote) {
        advance();
        if (pos < s.length() && s.charAt(pos) == quote) {
          advance();
        } else {
          return;
        }
      } else {
        advance();
      }
    }
  }

  private void skipBlockComment() {
    int depth = 0;
    while (pos < s.length()) {
      if (s.charAt(pos) == '/' && peek(1) == '*') {
        depth++;
        advance();
        advance();
      } else if (s.charAt(pos) == '*' && peek(1) == '/') {
        depth--;
        advance();
        advance();
        if (depth == 0) {
          return;
        }
      } else {
        advance();
      }
    }
  }

  private char peek(int offset) {
    int i = pos + offset;
    return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
  }

  private void advance() {
    if (pos < s.length()) {
      if (s.charAt(pos) == '\n') {
        line++;
      }
      pos++;
    }
  }
}
