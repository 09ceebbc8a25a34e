package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the block structure of a PL/pgSQL body over the lexer's tokens: DECLARE, BEGIN ... END,
 * assignments, IF/ELSIF/ELSE, LOOP, WHILE, integer FOR, EXIT/CONTINUE [WHEN], RETURN, RAISE,
 * PERFORM, NULL. Expressions and queries stay SQL text for the engine. Errors are 42601.
 */
final class PlParser {

  private final String src;
  private final List<Token> tokens;
  private int at;

  private PlParser(String src) {
    this.src = src;
    this.tokens = Lexer.tokenize(src);
  }

  static PlStmt.Block parse(String body) {
    PlParser p = new PlParser(body);
    PlStmt.Block b = p.block();
    p.acceptSymbol(";");
    if (p.peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(p.peek());
    }
    return b;
  }

  private PlStmt.Block block() {
    List<PlStmt.PlVar> vars = new ArrayList<>();
    if (accept("declare")) {
      while (!peek().isWord("begin")) {
        vars.add(declaration());
      }
    }
    expect("begin");
    List<PlStmt> body = statements(Set.of("end", "exception"));
    if (peek().isWord("exception")) {
      throw unsupported("EXCEPTION blocks");
    }
    expect("end");
    return new PlStmt.Block(vars, body);
  }

  private PlStmt.PlVar declaration() {
    String name = next().text();
    boolean constant = accept("constant");
    int from = at;
    while (!peek().isSymbol(";") && !peek().isSymbol(":") && !peek().isWord("default")
        && !(peek().isSymbol("=")) && !peek().isWord("not") && !eof()) {
      next();
    }
    String type = text(from, at);
    if (type.endsWith("%type") || type.toLowerCase(java.util.Locale.ROOT).contains("%type")) {
      throw unsupported("%TYPE");
    }
    if (accept("not")) {
      expect("null");
    }
    String init = null;
    if (acceptSymbol(":") || peek().isSymbol("=") || peek().isWord("default")) {
      next();
      init = exprUntil(Set.of(), ";");
    }
    expectSymbol(";");
    return new PlStmt.PlVar(name, type, init, constant);
  }

  private List<PlStmt> statements(Set<String> enders) {
    List<PlStmt> out = new ArrayList<>();
    while (!eof() && !(peek().kind() == Token.Kind.IDENT && enders.contains(peek().text()))) {
      out.add(statement());
    }
    return out;
  }

  private PlStmt statement() {
    Token t = peek();
    if (t.isWord("declare") || t.isWord("begin")) {
      PlStmt.Block b = block();
      expectSymbol(";");
      return b;
    }
    if (t.isWord("if")) {
      next();
      List<String> conds = new ArrayList<>();
      List<List<PlStmt>> branches = new ArrayList<>();
      conds.add(exprUntil(Set.of("then"), null));
      expect("then");
      Set<String> enders = Set.of("elsif", "elseif", "else", "end");
      branches.add(statements(enders));
      List<PlStmt> otherwise = List.of();
      while (true) {
        if (accept("elsif") || accept("elseif")) {
          conds.add(exprUntil(Set.of("then"), null));
          expect("then");
          branches.add(statements(enders));
        } else if (accept("else")) {
          otherwise = statements(Set.of("end"));
        } else {
          break;
        }
      }
      expect("end");
      expect("if");
      expectSymbol(";");
      return new PlStmt.If(conds, branches, otherwise);
    }
    if (t.isWord("loop")) {
      next();
      return new PlStmt.Loop(null, loopBody());
    }
    if (t.isWord("while")) {
      next();
      String cond = exprUntil(Set.of("loop"), null);
      expect("loop");
      return new PlStmt.Loop(cond, loopBody());
    }
    if (t.isWord("for")) {
      return forRange();
    }
    if (t.isWord("exit") || t.isWord("continue")) {
      next();
      String when = null;
      if (accept("when")) {
        when = exprUntil(Set.of(), ";");
      }
      expectSymbol(";");
      return new PlStmt.Exit(t.isWord("continue"), when);
    }
    if (t.isWord("return")) {
      next();
      if (accept("next")) {
        String e = peek().isSymbol(";") ? null : exprUntil(Set.of(), ";");
        expectSymbol(";");
        return new PlStmt.ReturnNext(e);
      }
      if (accept("query")) {
        if (peek().isWord("execute")) {
          throw unsupported("RETURN QUERY EXECUTE");
        }
        String q = exprUntil(Set.of(), ";");
        expectSymbol(";");
        return new PlStmt.ReturnQuery(q);
      }
      String e = peek().isSymbol(";") ? null : exprUntil(Set.of(), ";");
      expectSymbol(";");
      return new PlStmt.Return(e);
    }
    if (t.isWord("raise")) {
      return raise();
    }
    if (t.isWord("perform")) {
      next();
      String q = exprUntil(Set.of(), ";");
      expectSymbol(";");
      return new PlStmt.Perform(q);
    }
    if (t.isWord("null")) {
      next();
      expectSymbol(";");
      return new PlStmt.Nothing();
    }
    if ((t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.QUOTED_IDENT)
        && peek(1).isSymbol(":") && peek(2).isSymbol("=")
        || (t.kind() == Token.Kind.IDENT && peek(1).isSymbol("="))) {
      next();
      next();
      if (peek().isSymbol("=")) {
        next();
      }
      String e = exprUntil(Set.of(), ";");
      expectSymbol(";");
      return new PlStmt.Assign(t.text(), e);
    }
    throw unsupported("PL/pgSQL statement " + t.raw().toUpperCase(java.util.Locale.ROOT));
  }

  private List<PlStmt> loopBody() {
    List<PlStmt> body = statements(Set.of("end"));
    expect("end");
    expect("loop");
    expectSymbol(";");
    return body;
  }

  private PlStmt forRange() {
    next();
    String var = next().text();
    expect("in");
    boolean reverse = accept("reverse");
    int from = at;
    while (!peek().isWord("loop") && !eof()) {
      next();
    }
    String range = text(from, at);
    expect("loop");
    String step = null;
    int by = indexOfWord(range, "by");
    if (by >= 0) {
      step = range.substring(by + 2).trim();
      range = range.substring(0, by);
    }
    int dots = range.indexOf("..");
    if (dots < 0) {
      throw unsupported("FOR over a query");
    }
    return new PlStmt.ForRange(var, reverse, range.substring(0, dots).trim(),
        range.substring(dots + 2).trim(), step, loopBody());
  }

  private static int indexOfWord(String s, String w) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b" + w + "\\b").matcher(s);
    return m.find() ? m.start() : -1;
  }

  private PlStmt raise() {
    next();
    String level = "exception";
    if (peek().kind() == Token.Kind.IDENT) {
      level = next().text();
    }
    Token f = next();
    if (f.kind() != Token.Kind.STRING) {
      throw unsupported("RAISE without a format string");
    }
    List<String> args = new ArrayList<>();
    while (acceptSymbol(",")) {
      args.add(exprUntil(Set.of(), ","));
    }
    if (peek().isWord("using")) {
      throw unsupported("RAISE ... USING");
    }
    expectSymbol(";");
    return new PlStmt.Raise(level, f.text(), args);
  }

  /** The text up to a depth-0 {@code symbol} (also {@code ;}) or one of {@code words}. */
  private String exprUntil(Set<String> words, String symbol) {
    int from = at;
    int depth = 0;
    while (!eof()) {
      Token t = peek();
      if (depth == 0 && (t.isSymbol(";") || (symbol != null && t.isSymbol(symbol))
          || (t.kind() == Token.Kind.IDENT && words.contains(t.text())))) {
        break;
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      next();
    }
    if (at == from) {
      throw ParseErrors.at(peek());
    }
    return text(from, at);
  }

  private String text(int from, int to) {
    if (to <= from) {
      return "";
    }
    Token last = tokens.get(to - 1);
    return src.substring(tokens.get(from).pos(), last.pos() + last.raw().length()).trim();
  }

  private static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported", what);
  }

  private boolean eof() {
    return peek().kind() == Token.Kind.EOF;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(at + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.EOF) {
      at++;
    }
    return t;
  }

  private boolean accept(String w) {
    if (peek().isWord(w)) {
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

  private void expect(String w) {
    if (!accept(w)) {
      throw ParseErrors.at(peek());
    }
  }

  private void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw ParseErrors.at(peek());
    }
  }
}
