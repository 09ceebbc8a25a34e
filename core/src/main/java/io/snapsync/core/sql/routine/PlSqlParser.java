package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The PL/pgSQL statements that carry SQL, read for {@link PlParser}: SQL statements with their
 * INTO targets, EXECUTE ... [INTO] [USING], FOR over a query, GET DIAGNOSTICS and RAISE. The
 * SQL stays text for the engine (the INTO clause cut out).
 */
final class PlSqlParser {

  /** Words that start a SQL statement inside a body. */
  static final Set<String> SQL_WORDS = Set.of("select", "with", "insert", "update", "delete",
      "values", "create", "drop", "alter", "truncate", "call", "lock", "table", "merge",
      "comment", "grant", "revoke", "analyze", "set", "reset", "notify", "listen", "explain",
      "(");

  private static final Set<String> LEVELS = Set.of("debug", "log", "info", "notice", "warning",
      "exception");

  private final PlTokens p;

  PlSqlParser(PlTokens p) {
    this.p = p;
  }

  /** True when the statement at the cursor is SQL. */
  static boolean startsSql(Token t) {
    return t.kind() == Token.Kind.IDENT && SQL_WORDS.contains(t.text()) || t.isSymbol("(");
  }

  /** A SQL statement up to its {@code ;}, with a depth-0 INTO (not INSERT INTO) taken out. */
  PlStmt sql() {
    int from = p.at();
    int depth = 0;
    int into = -1;
    int intoEnd = -1;
    List<String> targets = null;
    boolean strict = false;
    while (!p.eof() && !(depth == 0 && p.peek().isSymbol(";"))) {
      Token t = p.peek();
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        depth--;
      }
      if (depth == 0 && into < 0 && t.isWord("into") && p.at() > from
          && !p.peek(-1).isWord("insert") && !p.peek(-1).isWord("merge")) {
        into = p.at();
        p.next();
        strict = p.accept("strict");
        targets = targets();
        intoEnd = p.at();
        continue;
      }
      p.next();
    }
    int end = p.at();
    p.expectSymbol(";");
    String sql = into < 0 ? p.text(from, end)
        : (p.text(from, into) + " " + p.text(intoEnd, end)).trim();
    return new PlStmt.Sql(sql, targets, strict);
  }

  /** {@code EXECUTE expr [INTO [STRICT] targets] [USING args];}. */
  PlStmt execute() {
    p.expect("execute");
    String expr = p.exprUntil(Set.of("into", "using"), null);
    List<String> into = null;
    boolean strict = false;
    if (p.accept("into")) {
      strict = p.accept("strict");
      into = targets();
    }
    List<String> using = using(Set.of());
    if (into == null && p.accept("into")) {
      strict = p.accept("strict");
      into = targets();
    }
    p.expectSymbol(";");
    return new PlStmt.Execute(new PlStmt.Dynamic(expr, using), into, strict);
  }

  /** {@code expr [USING args]} of a dynamic command ending before one of {@code enders}. */
  PlStmt.Dynamic dynamic(Set<String> enders) {
    java.util.HashSet<String> words = new java.util.HashSet<>(enders);
    words.add("using");
    String expr = p.exprUntil(words, null);
    return new PlStmt.Dynamic(expr, using(enders));
  }

  private List<String> using(Set<String> enders) {
    List<String> using = new ArrayList<>();
    if (p.accept("using")) {
      java.util.HashSet<String> words = new java.util.HashSet<>(enders);
      words.add("into");
      do {
        using.add(p.exprUntil(words, ","));
      } while (p.acceptSymbol(","));
    }
    return using;
  }

  /** {@code name[.field] [, ...]}. */
  List<String> targets() {
    List<String> out = new ArrayList<>();
    do {
      Token t = p.next();
      if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
        throw ParseErrors.at(t);
      }
      String name = t.text();
      if (p.peek().isSymbol(".")) {
        p.next();
        name = name + "." + p.next().text();
      }
      out.add(name);
    } while (p.acceptSymbol(","));
    return out;
  }

  /** {@code GET [CURRENT | STACKED] DIAGNOSTICS var = item [, ...];}. */
  PlStmt diagnostics() {
    p.expect("get");
    if (!p.accept("current")) {
      p.accept("stacked");
    }
    p.expect("diagnostics");
    List<String> vars = new ArrayList<>();
    List<String> items = new ArrayList<>();
    do {
      vars.add(p.next().text());
      if (p.acceptSymbol(":")) {
        p.expectSymbol("=");
      } else {
        p.expectSymbol("=");
      }
      items.add(p.next().text());
    } while (p.acceptSymbol(","));
    p.expectSymbol(";");
    return new PlStmt.GetDiagnostics(vars, items);
  }

  /** The RAISE forms: bare, format with arguments, condition name or SQLSTATE, USING options. */
  PlStmt raise() {
    p.expect("raise");
    if (p.acceptSymbol(";")) {
      return new PlStmt.Raise("exception", null, List.of(), List.of(), null, true);
    }
    String level = "exception";
    if (p.peek().kind() == Token.Kind.IDENT && LEVELS.contains(p.peek().text())) {
      level = p.next().text();
    }
    String format = null;
    String condition = null;
    List<String> args = new ArrayList<>();
    if (p.peek().kind() == Token.Kind.STRING) {
      format = p.next().text();
      while (p.acceptSymbol(",")) {
        args.add(p.exprUntil(Set.of("using"), ","));
      }
    } else if (p.accept("sqlstate")) {
      condition = p.next().text();
    } else if (!p.peek().isWord("using")) {
      condition = p.next().text();
    }
    List<String[]> options = new ArrayList<>();
    if (p.accept("using")) {
      do {
        String name = p.next().text();
        if (p.acceptSymbol(":")) {
          p.expectSymbol("=");
        } else {
          p.expectSymbol("=");
        }
        options.add(new String[] {name, p.exprUntil(Set.of(), ",")});
      } while (p.acceptSymbol(","));
    }
    p.expectSymbol(";");
    return new PlStmt.Raise(level, format, args, options, condition, false);
  }

  /** {@code ASSERT cond [, message];}. */
  PlStmt assertion() {
    p.expect("assert");
    String cond = p.exprUntil(Set.of(), ",");
    String message = p.acceptSymbol(",") ? p.exprUntil(Set.of(), null) : null;
    p.expectSymbol(";");
    return new PlStmt.Assert(cond, message);
  }
}
