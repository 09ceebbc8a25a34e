package io.snapsync.core.sql.lock;

import io.snapsync.core.sql.parse.Token;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code LOCK TABLE} from its tokens ({@link LockStmt}). Stateless per call. */
public final class LockParser {

  private final List<Token> tokens;
  private int pos;

  private LockParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Whether the statement is a {@code LOCK}. */
  public static boolean handles(List<Token> tokens) {
    return tokens.get(0).isWord("lock");
  }

  /** The statement of {@code tokens} ({@link #handles} true); 42601 when it is malformed. */
  public static LockStmt parse(List<Token> tokens) {
    return new LockParser(tokens).statement();
  }

  private LockStmt statement() {
    expect("lock");
    accept("table");
    List<String> tables = new ArrayList<>();
    do {
      accept("only");
      tables.add(name());
      if (peek().isSymbol("*")) {
        pos++;
      }
    } while (acceptSymbol(","));
    TableLockMode mode = TableLockMode.ACCESS_EXCLUSIVE;
    if (accept("in")) {
      mode = mode();
      expect("mode");
    }
    boolean nowait = accept("nowait");
    acceptSymbol(";");
    if (peek().kind() != Token.Kind.EOF) {
      throw syntax(peek());
    }
    return new LockStmt(tables, mode, nowait);
  }

  private TableLockMode mode() {
    Token t = peek();
    if (accept("access")) {
      if (accept("share")) {
        return TableLockMode.ACCESS_SHARE;
      }
      expect("exclusive");
      return TableLockMode.ACCESS_EXCLUSIVE;
    }
    if (accept("row")) {
      if (accept("share")) {
        return TableLockMode.ROW_SHARE;
      }
      expect("exclusive");
      return TableLockMode.ROW_EXCLUSIVE;
    }
    if (accept("share")) {
      if (accept("update")) {
        expect("exclusive");
        return TableLockMode.SHARE_UPDATE_EXCLUSIVE;
      }
      if (accept("row")) {
        expect("exclusive");
        return TableLockMode.SHARE_ROW_EXCLUSIVE;
      }
      return TableLockMode.SHARE;
    }
    if (accept("exclusive")) {
      return TableLockMode.EXCLUSIVE;
    }
    throw syntax(t);
  }

  /** {@code [schema.]name}; {@code public.} is the schema every table lives in. */
  private String name() {
    String first = identifier();
    if (!acceptSymbol(".")) {
      return first;
    }
    String second = identifier();
    return first.equals("public") ? second : first + "." + second;
  }

  private String identifier() {
    Token t = peek();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw syntax(t);
    }
    pos++;
    return t.text();
  }

  private Token peek() {
    return tokens.get(Math.min(pos, tokens.size() - 1));
  }

  private boolean accept(String word) {
    if (peek().isWord(word)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String s) {
    if (peek().isSymbol(s)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw syntax(peek());
    }
  }

  private static SnapsyncException syntax(Token t) {
    return io.snapsync.core.sql.parse.ParseErrors.at(t);
  }
}
