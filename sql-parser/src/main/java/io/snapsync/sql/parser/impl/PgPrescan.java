package io.snapsync.sql.parser.impl;

import io.snapsync.sql.parser.PgParser;
import io.snapsync.sql.parser.PgSyntaxException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of the generated lexer over a statement before it is parsed: finds nesting deeper
 * than {@link PgParser#MAX_NESTING} (parentheses, brackets, CASE ... END), so such input is
 * refused in linear time before the recursive-descent parser could exhaust the stack, and keeps
 * the tokens so errors can name the token at a position.
 */
final class PgPrescan {

  /** A token's text and 1-based character position. */
  record Tok(String image, int position, int kind) {
  }

  private final List<Tok> tokens = new ArrayList<>();
  private final LineColumns lines;
  private final PgSyntaxException tooDeep;
  private final boolean lexicalError;
  private final int maxDepth;

  PgPrescan(String sql, LineColumns lines) {
    this.lines = lines;
    SimpleCharStream chars = new SimpleCharStream(new StringReader(sql), 1, 1,
        Math.max(16, sql.length()));
    chars.setTabSize(1);
    PgSqlParserImplTokenManager lexer = new PgSqlParserImplTokenManager(chars);
    lexer.SwitchTo(PgSqlParserImplConstants.DQID);
    PgSyntaxException deep = null;
    boolean lexError = false;
    int depth = 0;
    int max = 0;
    try {
      for (Token t = lexer.getNextToken(); t.kind != PgSqlParserImplConstants.EOF;
          t = lexer.getNextToken()) {
        int pos = lines.position(t.beginLine, t.beginColumn);
        tokens.add(new Tok(t.image, pos, t.kind));
        switch (t.kind) {
          case PgSqlParserImplConstants.LPAREN:
          case PgSqlParserImplConstants.LBRACKET:
          case PgSqlParserImplConstants.CASE:
            max = Math.max(max, ++depth);
            if (depth > PgParser.MAX_NESTING && deep == null) {
              deep = new PgSyntaxException(PgSyntaxException.Kind.TOO_DEEP, t.image, pos);
            }
            break;
          case PgSqlParserImplConstants.RPAREN:
          case PgSqlParserImplConstants.RBRACKET:
          case PgSqlParserImplConstants.END:
            depth = Math.max(0, depth - 1);
            break;
          default:
            break;
        }
        if (deep != null) {
          break;
        }
      }
    } catch (TokenMgrError e) {
      lexError = true;
    }
    this.tooDeep = deep;
    this.lexicalError = lexError;
    this.maxDepth = max;
  }

  /** The deepest nesting seen. */
  int maxDepth() {
    return maxDepth;
  }

  /** The too-deep error, or null. */
  PgSyntaxException tooDeep() {
    return tooDeep;
  }

  /** True when the lexer failed (an unterminated string or quoted identifier, a stray char). */
  boolean lexicalError() {
    return lexicalError;
  }

  /** The tokens lexed (up to a lexical error or the too-deep token). */
  List<Tok> tokens() {
    return tokens;
  }

  /** The 1-based position of the lexer's (line, column). */
  int positionOf(int line, int column) {
    return lines.position(line, column);
  }

  /** The kind of the token before the one at {@code position}, or -1. */
  int kindBefore(int position) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = tokens.get(mid).position();
      if (p < position) {
        lo = mid + 1;
      } else if (p > position) {
        hi = mid - 1;
      } else {
        return mid == 0 ? -1 : tokens.get(mid - 1).kind();
      }
    }
    return -1;
  }

  /**
   * {@code sql} with each {@code pg_catalog.} before {@code array_agg(} or {@code string_agg(}
   * blanked out (same length, so positions stay): the grammar reads ORDER BY inside those two
   * calls only when they are unqualified, and pg_catalog is searched first for them anyway.
   */
  String withoutCatalogAggregateQualifiers(String sql) {
    char[] text = null;
    for (int i = 0; i + 3 < tokens.size(); i++) {
      Tok schema = tokens.get(i);
      int agg = tokens.get(i + 2).kind();
      if (tokens.get(i + 1).kind() == PgSqlParserImplConstants.DOT
          && (agg == PgSqlParserImplConstants.ARRAY_AGG
              || agg == PgSqlParserImplConstants.STRING_AGG)
          && tokens.get(i + 3).kind() == PgSqlParserImplConstants.LPAREN
          && (schema.image().equalsIgnoreCase("pg_catalog")
              || schema.image().equals("\"pg_catalog\""))) {
        if (text == null) {
          text = sql.toCharArray();
        }
        for (int c = schema.position() - 1; c < tokens.get(i + 1).position(); c++) {
          if (text[c] != '\n' && text[c] != '\r') {
            text[c] = ' ';
          }
        }
      }
    }
    return text == null ? sql : new String(text);
  }

  /** The token starting at {@code position}, or null. */
  Tok at(int position) {
    for (Tok t : tokens) {
      if (t.position() == position) {
        return t;
      }
    }
    return null;
  }
}
