package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the block structure of a PL/pgSQL body over the lexer's tokens: DECLARE, BEGIN ... END
 * with EXCEPTION handlers, assignments, IF/ELSIF/ELSE, LOOP, WHILE, integer FOR and FOR over a
 * query, EXIT/CONTINUE [WHEN], RETURN, PERFORM, NULL; the statements carrying SQL are read by
 * {@link PlSqlParser}. Expressions and queries stay SQL text for the engine. Errors are 42601.
 */
final class PlParser extends PlTokens {

  private final PlSqlParser sql = new PlSqlParser(this);
  private final java.util.Map<PlStmt, Integer> lines = new java.util.IdentityHashMap<>();

  private PlParser(String src) {
    super(src);
  }

  /** A body's statements and the line (1-based, in the body text) each starts on. */
  record Parsed(PlStmt.Block body, java.util.Map<PlStmt, Integer> lines) {
  }

  static Parsed parse(String body) {
    PlParser p = new PlParser(body);
    PlStmt.Block b = p.block();
    p.acceptSymbol(";");
    if (p.peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(p.peek());
    }
    return new Parsed(b, p.lines);
  }

  private int lineAt(int pos) {
    int line = 1;
    for (int i = 0; i < pos && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
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
    List<PlStmt.Handler> handlers = new ArrayList<>();
    if (accept("exception")) {
      while (accept("when")) {
        List<String> conds = new ArrayList<>();
        do {
          if (accept("sqlstate")) {
            conds.add(next().text());
          } else {
            conds.add(next().text());
          }
        } while (accept("or"));
        expect("then");
        handlers.add(new PlStmt.Handler(conds, statements(Set.of("when", "end"))));
      }
    }
    expect("end");
    return new PlStmt.Block(vars, body, handlers);
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
    String lower = type.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("%rowtype")) {
      type = "record";
    } else if (lower.contains("%type")) {
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
    int line = lineAt(peek().pos());
    PlStmt s = statementAt();
    lines.put(s, line);
    return s;
  }

  private PlStmt statementAt() {
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
      return forLoop();
    }
    if (t.isWord("execute")) {
      return sql.execute();
    }
    if (t.isWord("get") && (peek(1).isWord("diagnostics") || peek(2).isWord("diagnostics"))) {
      return sql.diagnostics();
    }
    if (t.isWord("assert")) {
      return sql.assertion();
    }
    if (t.isWord("commit") || t.isWord("rollback")) {
      next();
      if (accept("and")) {
        accept("no");
        expect("chain");
      }
      expectSymbol(";");
      return new PlStmt.TransactionControl(t.text());
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
        if (accept("execute")) {
          PlStmt.Dynamic d = sql.dynamic(Set.of());
          expectSymbol(";");
          return new PlStmt.ReturnQuery(null, d);
        }
        String q = exprUntil(Set.of(), ";");
        expectSymbol(";");
        return new PlStmt.ReturnQuery(q, null);
      }
      String e = peek().isSymbol(";") ? null : exprUntil(Set.of(), ";");
      expectSymbol(";");
      return new PlStmt.Return(e);
    }
    if (t.isWord("raise")) {
      return sql.raise();
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
    if (PlSqlParser.startsSql(t)) {
      return sql.sql();
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

  private PlStmt forLoop() {
    next();
    List<String> targets = sql.targets();
    expect("in");
    if (accept("execute")) {
      PlStmt.Dynamic d = sql.dynamic(Set.of("loop"));
      expect("loop");
      return new PlStmt.ForQuery(targets, null, d, loopBody());
    }
    if (PlSqlParser.startsSql(peek())) {
      String q = exprUntil(Set.of("loop"), null);
      expect("loop");
      return new PlStmt.ForQuery(targets, q, null, loopBody());
    }
    String var = targets.get(0);
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
}
