package io.snapsync.sql.parser.impl;

import io.snapsync.sql.parser.PgSyntaxException;
import io.snapsync.sql.parser.PgSyntaxException.Kind;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns whatever the generated parser threw into a {@link PgSyntaxException}. */
public final class PgErrors {

  private PgErrors() {
  }

  /** The syntax error {@code failure} (from parsing with {@code parser}) stands for. */
  public static PgSyntaxException of(PgSqlParser parser, Throwable failure) {
    Throwable cause = failure instanceof SqlParseException && failure.getCause() != null
        ? failure.getCause() : failure;
    String sql = parser.sql();
    PgPrescan prescan = parser.prescan();
    if (cause instanceof PgSyntaxException) {
      return (PgSyntaxException) cause;
    }
    if (cause instanceof StackOverflowError) {
      return new PgSyntaxException(Kind.TOO_DEEP, "", 0);
    }
    if (cause instanceof ParseException && ((ParseException) cause).currentToken != null) {
      Token t = ((ParseException) cause).currentToken.next;
      if (t == null || t.kind == PgSqlParserImplConstants.EOF) {
        return endOfInput(sql);
      }
      return new PgSyntaxException(Kind.NEAR_TOKEN, t.image,
          parser.lines().position(t.beginLine, t.beginColumn));
    }
    if (cause instanceof TokenMgrError || prescan.lexicalError()) {
      return lexical(sql, prescan.tokens());
    }
    SqlParserPos pos = null;
    if (cause instanceof CalciteContextException) {
      CalciteContextException c = (CalciteContextException) cause;
      pos = new SqlParserPos(c.getPosLine(), c.getPosColumn());
    } else if (failure instanceof SqlParseException) {
      pos = ((SqlParseException) failure).getPos();
    }
    if (pos == null || pos.getLineNum() <= 0) {
      List<PgPrescan.Tok> tokens = prescan.tokens();
      return tokens.isEmpty() ? endOfInput(sql)
          : new PgSyntaxException(Kind.NEAR_TOKEN, tokens.get(0).image(),
              tokens.get(0).position());
    }
    int position = parser.lines().position(pos.getLineNum(), pos.getColumnNum());
    PgPrescan.Tok t = prescan.at(position);
    if (t == null) {
      return position > sql.length() ? endOfInput(sql)
          : new PgSyntaxException(Kind.NEAR_TOKEN, "", position);
    }
    return new PgSyntaxException(Kind.NEAR_TOKEN, t.image(), position);
  }

  private static PgSyntaxException endOfInput(String sql) {
    return new PgSyntaxException(Kind.END_OF_INPUT, "", sql.length() + 1);
  }

  /** A lexical error: the text after the last good token, e.g. an unterminated {@code 'abc}. */
  private static PgSyntaxException lexical(String sql, List<PgPrescan.Tok> tokens) {
    int from = 0;
    if (!tokens.isEmpty()) {
      PgPrescan.Tok last = tokens.get(tokens.size() - 1);
      from = last.position() - 1 + last.image().length();
    }
    while (from < sql.length() && Character.isWhitespace(sql.charAt(from))) {
      from++;
    }
    if (from >= sql.length()) {
      return endOfInput(sql);
    }
    return new PgSyntaxException(Kind.NEAR_TOKEN, sql.substring(from).strip(), from + 1);
  }
}
