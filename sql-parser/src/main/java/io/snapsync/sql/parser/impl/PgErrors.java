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
      return near(sql, t, parser.lines());
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

  /**
   * The error at token {@code t}. A lone quote is the start of an unterminated literal. An
   * operator that ends the statement is reported as PostgreSQL's parser (which reads it
   * before failing) reports it: at end of input.
   */
  private static PgSyntaxException near(String sql, Token t, LineColumns lines) {
    int position = lines.position(t.beginLine, t.beginColumn);
    if (t.kind == PgSqlParserImplConstants.QUOTE) {
      return new PgSyntaxException(Kind.UNTERMINATED_STRING, sql.substring(position - 1),
          position);
    }
    if (t.kind == PgSqlParserImplConstants.DOUBLE_QUOTE) {
      return new PgSyntaxException(Kind.UNTERMINATED_IDENTIFIER, sql.substring(position - 1),
          position);
    }
    boolean last = t.next == null || t.next.kind == PgSqlParserImplConstants.EOF
        || sql.substring(position - 1 + t.image.length()).isBlank();
    if (last && CONTINUATIONS.contains(t.kind)) {
      return endOfInput(sql);
    }
    if (BINARY.contains(t.kind) && t.next != null) {
      // The grammar looks two tokens ahead before it takes a binary operator, so "x = = 1"
      // fails at the first "="; PostgreSQL takes the operator and fails at what follows it.
      return new PgSyntaxException(Kind.NEAR_TOKEN, t.next.image,
          lines.position(t.next.beginLine, t.next.beginColumn));
    }
    return new PgSyntaxException(Kind.NEAR_TOKEN, t.image, position);
  }

  /** Binary operators: the operand after one is what is wrong when parsing stops at it. */
  private static final java.util.Set<Integer> BINARY = java.util.Set.of(
      PgSqlParserImplConstants.PLUS, PgSqlParserImplConstants.MINUS,
      PgSqlParserImplConstants.STAR, PgSqlParserImplConstants.SLASH,
      PgSqlParserImplConstants.PERCENT_REMAINDER, PgSqlParserImplConstants.CARET,
      PgSqlParserImplConstants.CONCAT, PgSqlParserImplConstants.EQ,
      PgSqlParserImplConstants.NE, PgSqlParserImplConstants.NE2,
      PgSqlParserImplConstants.LT, PgSqlParserImplConstants.LE,
      PgSqlParserImplConstants.GT, PgSqlParserImplConstants.GE,
      PgSqlParserImplConstants.AND, PgSqlParserImplConstants.OR,
      PgSqlParserImplConstants.LIKE, PgSqlParserImplConstants.ILIKE,
      PgSqlParserImplConstants.TILDE, PgSqlParserImplConstants.LAMBDA,
      PgSqlParserImplConstants.JSON_GET_TEXT, PgSqlParserImplConstants.JSON_PATH,
      PgSqlParserImplConstants.JSON_PATH_TEXT, PgSqlParserImplConstants.CONTAINS_OP,
      PgSqlParserImplConstants.CONTAINED_BY_OP);

  /** Tokens after which a statement cannot end. */
  private static final java.util.Set<Integer> CONTINUATIONS = java.util.Set.of(
      PgSqlParserImplConstants.PLUS, PgSqlParserImplConstants.MINUS,
      PgSqlParserImplConstants.STAR, PgSqlParserImplConstants.SLASH,
      PgSqlParserImplConstants.PERCENT_REMAINDER, PgSqlParserImplConstants.CARET,
      PgSqlParserImplConstants.CONCAT, PgSqlParserImplConstants.EQ,
      PgSqlParserImplConstants.NE, PgSqlParserImplConstants.NE2,
      PgSqlParserImplConstants.LT, PgSqlParserImplConstants.LE,
      PgSqlParserImplConstants.GT, PgSqlParserImplConstants.GE,
      PgSqlParserImplConstants.AND, PgSqlParserImplConstants.OR,
      PgSqlParserImplConstants.NOT, PgSqlParserImplConstants.LIKE,
      PgSqlParserImplConstants.ILIKE, PgSqlParserImplConstants.IN,
      PgSqlParserImplConstants.BETWEEN, PgSqlParserImplConstants.IS,
      PgSqlParserImplConstants.COMMA, PgSqlParserImplConstants.DOT,
      PgSqlParserImplConstants.LPAREN, PgSqlParserImplConstants.INFIX_CAST,
      PgSqlParserImplConstants.TILDE, PgSqlParserImplConstants.LAMBDA,
      PgSqlParserImplConstants.JSON_GET_TEXT, PgSqlParserImplConstants.JSON_PATH,
      PgSqlParserImplConstants.JSON_PATH_TEXT, PgSqlParserImplConstants.CONTAINS_OP,
      PgSqlParserImplConstants.CONTAINED_BY_OP, PgSqlParserImplConstants.OPERATOR);

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
