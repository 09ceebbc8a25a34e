package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a SQL function's body ready to plan: {@code RETURN expr} as {@code SELECT
 * expr}, {@code BEGIN ATOMIC ... END} unwrapped, and every parameter reference ({@code $n} or
 * its name) replaced by {@code CAST($n AS type)}, or by its default when the call passes fewer
 * arguments. Stateless.
 */
final class SqlBody {

  private SqlBody() {
  }

  /** The body's statements for a call passing {@code passed} arguments. */
  static List<String> statements(RoutineDef def, int passed) {
    String body = def.body().trim();
    List<Token> head = Lexer.tokenize(body);
    List<String> pieces = new ArrayList<>();
    if (head.get(0).isWord("begin") && head.get(1).isWord("atomic")) {
      int start = head.get(1).pos() + head.get(1).raw().length();
      int end = head.size() >= 2 && head.get(head.size() - 2).isWord("end")
          ? head.get(head.size() - 2).pos() : body.length();
      for (Lexer.Piece p : Lexer.split(body.substring(start, end))) {
        pieces.add(p.text());
      }
    } else {
      for (Lexer.Piece p : Lexer.split(body)) {
        pieces.add(p.text());
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : pieces) {
      out.add(substitute(def, passed, returnAsSelect(p)));
    }
    return out;
  }

  private static String returnAsSelect(String piece) {
    String t = piece.trim();
    List<Token> tokens = Lexer.tokenize(t);
    if (tokens.get(0).isWord("return")) {
      return "SELECT " + t.substring(tokens.get(0).raw().length());
    }
    return t;
  }

  private static String substitute(RoutineDef def, int passed, String sql) {
    return substitute(def.inputs(), passed, sql);
  }

  /**
   * {@code sql} with each reference to one of {@code in} ({@code $n} or its name) replaced by
   * {@code CAST($n AS type)}, or by its default from the {@code passed}-th on.
   */
  static String substitute(List<RoutineDef.Param> in, int passed, String sql) {
    List<Token> tokens = Lexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int index = -1;
      if (t.kind() == Token.Kind.PARAM) {
        index = Integer.parseInt(t.text()) - 1;
        if (index >= in.size()) {
          throw SnapsyncException.error(SqlState.UNDEFINED_PARAMETER, "routine.no_parameter",
              t.text());
        }
      } else if (t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.QUOTED_IDENT) {
        Token before = i > 0 ? tokens.get(i - 1) : null;
        Token after = tokens.get(i + 1);
        boolean free = (before == null || !before.isSymbol(".") && !before.isWord("as"))
            && !after.isSymbol("(") && !after.isSymbol(".");
        if (free) {
          index = named(in, t.text());
        } else if (after.isSymbol(".") && (before == null || !before.isSymbol("."))
            && i + 2 < tokens.size() && tokens.get(i + 2).kind() == Token.Kind.IDENT) {
          // a record variable's field (PL/pgSQL): r.col
          index = named(in, t.text() + "." + tokens.get(i + 2).text());
          if (index >= 0) {
            out.append(sql, copied, t.pos());
            appendParam(out, in.get(index), index, passed);
            Token field = tokens.get(i + 2);
            copied = field.pos() + field.raw().length();
            i += 2;
            continue;
          }
        }
      }
      if (index < 0) {
        continue;
      }
      out.append(sql, copied, t.pos());
      appendParam(out, in.get(index), index, passed);
      copied = t.pos() + t.raw().length();
    }
    out.append(sql.substring(copied));
    return out.toString();
  }

  private static void appendParam(StringBuilder out, RoutineDef.Param p, int index,
      int passed) {
    String value = index < passed ? "$" + (index + 1) : "(" + p.defaultExpr() + ")";
    out.append("CAST(").append(value).append(" AS ").append(p.type().sqlName()).append(')');
  }

  private static int named(List<RoutineDef.Param> in, String name) {
    for (int k = 0; k < in.size(); k++) {
      if (name.equals(in.get(k).name())) {
        return k;
      }
    }
    return -1;
  }
}
