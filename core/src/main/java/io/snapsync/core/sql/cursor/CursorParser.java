package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.cursor.CursorStmt.Scroll;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code DECLARE}, {@code FETCH}, {@code MOVE}, {@code CLOSE}, {@code PREPARE} (not
 * {@code PREPARE TRANSACTION}), {@code EXECUTE} and {@code DEALLOCATE} over the lexer's
 * tokens; the statement inside {@code DECLARE} and {@code PREPARE} is checked by the
 * statement's own parser. Syntax errors are 42601 with PostgreSQL's position.
 */
public final class CursorParser {

  private final String sql;
  private final List<Token> tokens;
  private int at;

  private CursorParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** True when the tokens start a statement this parser reads. */
  public static boolean handles(List<Token> tokens) {
    Token first = tokens.get(0);
    if (first.kind() != Token.Kind.IDENT) {
      return false;
    }
    return switch (first.text()) {
      case "declare", "fetch", "move", "close", "execute", "deallocate" -> true;
      case "prepare" -> !tokens.get(1).isWord("transaction");
      default -> false;
    };
  }

  /** Parses one statement of the kinds {@link #handles} accepts. Blocking (CPU). */
  public static CursorStmt parse(String sql, List<Token> tokens) {
    return new CursorParser(sql, tokens).statement();
  }

  private CursorStmt statement() {
    Token t = next();
    CursorStmt s = switch (t.text()) {
      case "declare" -> declare();
      case "fetch" -> fetch(false);
      case "move" -> fetch(true);
      case "close" -> new CursorStmt.Close(accept("all") ? null : name());
      case "prepare" -> prepare();
      case "execute" -> execute();
      default -> {
        accept("prepare");
        yield new CursorStmt.Deallocate(accept("all") ? null : name());
      }
    };
    if (s instanceof CursorStmt.Declare || s instanceof CursorStmt.Prepare) {
      return s;
    }
    if (peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return s;
  }

  private CursorStmt declare() {
    String name = name();
    boolean binary = false;
    Scroll scroll = Scroll.DEFAULT;
    while (true) {
      if (accept("binary")) {
        binary = true;
      } else if (accept("asensitive") || accept("insensitive")) {
        continue;
      } else if (accept("scroll")) {
        scroll = Scroll.SCROLL;
      } else if (peek().isWord("no") && tokens.get(at + 1).isWord("scroll")) {
        at += 2;
        scroll = Scroll.NO_SCROLL;
      } else {
        break;
      }
    }
    expect("cursor");
    boolean hold = false;
    if (accept("with")) {
      expect("hold");
      hold = true;
    } else if (accept("without")) {
      expect("hold");
    }
    expect("for");
    Token start = peek();
    String query = rest(start, Stmt.Query.class);
    return new CursorStmt.Declare(name, query, binary, scroll, hold, sql.strip(),
        start.pos());
  }

  private CursorStmt fetch(boolean move) {
    FetchDirection d = direction();
    if (!accept("from")) {
      accept("in");
    }
    return new CursorStmt.Fetch(name(), d, move);
  }

  /** The direction, or FORWARD 1 when the statement names the cursor at once. */
  private FetchDirection direction() {
    Token t = peek();
    boolean more = tokens.get(at + 1).kind() != Token.Kind.EOF;
    if (t.kind() == Token.Kind.NUMBER || t.isSymbol("-") || t.isSymbol("+")) {
      return FetchDirection.forward(count());
    }
    if (t.kind() != Token.Kind.IDENT || !more) {
      return FetchDirection.forward(1);
    }
    switch (t.text()) {
      case "next" -> {
        next();
        return FetchDirection.forward(1);
      }
      case "prior" -> {
        next();
        return FetchDirection.backward(1);
      }
      case "first" -> {
        next();
        return new FetchDirection(FetchDirection.Kind.ABSOLUTE, 1);
      }
      case "last" -> {
        next();
        return new FetchDirection(FetchDirection.Kind.ABSOLUTE, -1);
      }
      case "absolute", "relative" -> {
        next();
        return new FetchDirection(t.text().equals("absolute") ? FetchDirection.Kind.ABSOLUTE
            : FetchDirection.Kind.RELATIVE, count());
      }
      case "all" -> {
        next();
        return FetchDirection.forward(FetchDirection.ALL);
      }
      case "forward", "backward" -> {
        next();
        FetchDirection.Kind k = t.text().equals("forward") ? FetchDirection.Kind.FORWARD
            : FetchDirection.Kind.BACKWARD;
        Token c = peek();
        long n = 1;
        if (accept("all")) {
          n = FetchDirection.ALL;
        } else if (c.kind() == Token.Kind.NUMBER || c.isSymbol("-") || c.isSymbol("+")) {
          n = count();
        }
        return new FetchDirection(k, n);
      }
      default -> {
        return FetchDirection.forward(1);
      }
    }
  }

  private long count() {
    boolean negative = false;
    if (peek().isSymbol("-") || peek().isSymbol("+")) {
      negative = next().text().equals("-");
    }
    Token t = next();
    if (t.kind() != Token.Kind.NUMBER) {
      throw ParseErrors.at(t);
    }
    try {
      long n = Long.parseLong(t.text());
      return negative ? -n : n;
    } catch (NumberFormatException e) {
      throw ParseErrors.at(t);
    }
  }

  private CursorStmt prepare() {
    String name = name();
    List<String> types = List.of();
    if (peek().isSymbol("(")) {
      types = list();
    }
    expect("as");
    Token start = peek();
    String statement = rest(start, null);
    return new CursorStmt.Prepare(name, types, statement, sql.strip(), start.pos());
  }

  private CursorStmt execute() {
    String name = name();
    List<String> args = peek().isSymbol("(") ? list() : List.of();
    return new CursorStmt.Execute(name, args);
  }

  /** The texts of a parenthesized, comma-separated list (nested parentheses kept whole). */
  private List<String> list() {
    Token open = next();
    List<String> items = new ArrayList<>();
    int depth = 0;
    int start = -1;
    while (true) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw ParseErrors.at(t);
      }
      if (start < 0) {
        if (t.isSymbol(")") && items.isEmpty() && depth == 0) {
          throw ParseErrors.at(t);
        }
        start = t.pos();
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && depth > 0) {
        depth--;
      } else if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
        String item = sql.substring(start, t.pos()).strip();
        if (item.isEmpty()) {
          throw ParseErrors.at(t);
        }
        items.add(item);
        start = -1;
        if (t.isSymbol(")")) {
          return items;
        }
      }
    }
  }

  /**
   * The text from {@code start} to the end, checked by the statement parser: a query when
   * {@code only} is {@code Stmt.Query}, else a query, INSERT, UPDATE or DELETE.
   */
  private String rest(Token start, Class<?> only) {
    if (start.kind() == Token.Kind.EOF) {
      throw ParseErrors.at(start);
    }
    String text = sql.substring(start.pos());
    Stmt inner;
    try {
      inner = SqlParser.parse(text);
    } catch (SnapsyncException e) {
      throw e.position() > 0 ? e.withPosition(e.position() + start.pos()) : e;
    }
    boolean ok = only != null ? only.isInstance(inner)
        : inner instanceof Stmt.Query || inner instanceof Stmt.Modify
            || inner instanceof Stmt.Insert;
    if (!ok) {
      throw ParseErrors.at(start);
    }
    return text;
  }

  private String name() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    return t.text();
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.EOF) {
      at++;
    }
    return t;
  }

  private boolean accept(String word) {
    if (peek().isWord(word)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw ParseErrors.at(peek());
    }
  }
}
