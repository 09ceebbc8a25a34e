package io.snapsync.core.sql.parse;

import io.snapsync.core.sql.parse.Stmt.TxnModes;
import io.snapsync.core.txn.IsolationLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written parser for transaction control and settings statements (the part of the
 * grammar JSqlParser does not cover the way PostgreSQL does).
 */
final class UtilityParser {

  private final List<Token> tokens;
  private int at;

  UtilityParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static boolean handles(Token first) {
    return switch (first.text()) {
      case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release",
          "prepare", "set", "show", "reset", "alter" -> first.kind() == Token.Kind.IDENT;
      default -> false;
    };
  }

  Stmt parse() {
    Token t = next();
    Stmt s = switch (t.text()) {
      case "begin" -> {
        optional("work", "transaction");
        yield new Stmt.Begin(modes(), false);
      }
      case "start" -> {
        expect("transaction");
        yield new Stmt.Begin(modes(), true);
      }
      case "commit" -> {
        if (accept("prepared")) {
          yield new Stmt.CommitPrepared(string());
        }
        optional("work", "transaction");
        yield new Stmt.Commit(false);
      }
      case "end" -> {
        optional("work", "transaction");
        yield new Stmt.Commit(true);
      }
      case "abort" -> {
        optional("work", "transaction");
        yield new Stmt.Rollback(true);
      }
      case "rollback" -> rollback();
      case "savepoint" -> new Stmt.Savepoint(identifier());
      case "release" -> {
        accept("savepoint");
        yield new Stmt.Release(identifier());
      }
      case "prepare" -> {
        expect("transaction");
        yield new Stmt.PrepareTransaction(string());
      }
      case "show" -> {
        if (peek().isWord("transaction") && tokens.get(at + 1).isWord("isolation")) {
          next();
          next();
          expect("level");
          yield new Stmt.Show("transaction_isolation");
        }
        if (peek().isWord("all")) {
          next();
          yield new Stmt.Show("all");
        }
        yield new Stmt.Show(settingName());
      }
      case "reset" -> {
        if (peek().isWord("all")) {
          next();
          yield new Stmt.Reset(null);
        }
        yield new Stmt.Reset(settingName());
      }
      case "set" -> set();
      case "alter" -> {
        expect("system");
        if (accept("reset")) {
          yield new Stmt.AlterSystem(settingName(), null);
        }
        expect("set");
        String name = settingName();
        if (!accept("to") && !acceptSymbol("=")) {
          throw ParseErrors.at(peek());
        }
        String value = settingValue();
        yield new Stmt.AlterSystem(name, value);
      }
      default -> throw ParseErrors.at(t);
    };
    if (peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return s;
  }

  private Stmt rollback() {
    if (accept("prepared")) {
      return new Stmt.RollbackPrepared(string());
    }
    optional("work", "transaction");
    if (accept("to")) {
      accept("savepoint");
      return new Stmt.RollbackTo(identifier());
    }
    return new Stmt.Rollback(false);
  }

  private Stmt set() {
    if (peek().isWord("transaction")) {
      next();
      if (accept("snapshot")) {
        return new Stmt.SetTransactionSnapshot(string());
      }
      return new Stmt.SetTransaction(requireModes());
    }
    if (peek().isWord("session") && tokens.get(at + 1).isWord("characteristics")) {
      next();
      next();
      expect("as");
      expect("transaction");
      return new Stmt.SetSessionCharacteristics(requireModes());
    }
    boolean local = false;
    if (peek().isWord("session")) {
      next();
    } else if (peek().isWord("local")) {
      next();
      local = true;
    }
    String name = settingName();
    if (name.equals("time") && peek().isWord("zone")) {
      next();
      name = "timezone";
    } else if (!accept("to") && !acceptSymbol("=")) {
      throw ParseErrors.at(peek());
    }
    if (peek().isWord("default")) {
      next();
      return new Stmt.SetVar(name, null, local);
    }
    return new Stmt.SetVar(name, settingValue(), local);
  }

  private TxnModes requireModes() {
    if (peek().kind() == Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return modes();
  }

  private TxnModes modes() {
    IsolationLevel iso = null;
    Boolean readOnly = null;
    Boolean deferrable = null;
    boolean first = true;
    while (peek().kind() != Token.Kind.EOF) {
      if (!first) {
        acceptSymbol(",");
      }
      first = false;
      Token t = next();
      if (t.isWord("isolation")) {
        expect("level");
        Token a = next();
        if (a.isWord("serializable")) {
          iso = IsolationLevel.SERIALIZABLE;
        } else if (a.isWord("repeatable")) {
          expect("read");
          iso = IsolationLevel.REPEATABLE_READ;
        } else if (a.isWord("read")) {
          Token b = next();
          if (b.isWord("committed")) {
            iso = IsolationLevel.READ_COMMITTED;
          } else if (b.isWord("uncommitted")) {
            iso = IsolationLevel.READ_COMMITTED;
          } else {
            throw ParseErrors.at(b);
          }
        } else {
          throw ParseErrors.at(a);
        }
      } else if (t.isWord("read")) {
        Token b = next();
        if (b.isWord("only")) {
          readOnly = true;
        } else if (b.isWord("write")) {
          readOnly = false;
        } else {
          throw ParseErrors.at(b);
        }
      } else if (t.isWord("deferrable")) {
        deferrable = true;
      } else if (t.isWord("not")) {
        expect("deferrable");
        deferrable = false;
      } else {
        throw ParseErrors.at(t);
      }
    }
    return new TxnModes(iso, readOnly, deferrable);
  }

  private String settingName() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    StringBuilder sb = new StringBuilder(t.text());
    while (peek().isSymbol(".")) {
      next();
      Token p = next();
      if (p.kind() != Token.Kind.IDENT && p.kind() != Token.Kind.QUOTED_IDENT) {
        throw ParseErrors.at(p);
      }
      sb.append('.').append(p.text());
    }
    return sb.toString();
  }

  private String settingValue() {
    List<String> parts = new ArrayList<>();
    do {
      Token t = next();
      switch (t.kind()) {
        case STRING, QUOTED_IDENT -> parts.add(t.text());
        case IDENT -> parts.add(t.raw());
        case NUMBER -> parts.add(t.raw());
        case SYMBOL -> {
          if ((t.text().equals("-") || t.text().equals("+"))
              && peek().kind() == Token.Kind.NUMBER) {
            parts.add(t.text() + next().raw());
          } else {
            throw ParseErrors.at(t);
          }
        }
        default -> throw ParseErrors.at(t);
      }
    } while (acceptSymbol(","));
    return String.join(", ", parts);
  }

  private String identifier() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    return t.text();
  }

  private String string() {
    Token t = next();
    if (t.kind() != Token.Kind.STRING) {
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

  private boolean acceptSymbol(String s) {
    if (peek().isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }

  private void optional(String... words) {
    for (String w : words) {
      if (accept(w)) {
        return;
      }
    }
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw ParseErrors.at(peek());
    }
  }
}
