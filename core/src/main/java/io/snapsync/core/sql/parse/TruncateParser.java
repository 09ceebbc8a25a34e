package io.snapsync.core.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [*] [, ...] [CONTINUE IDENTITY | RESTART IDENTITY]
 * [RESTRICT]} by hand, as {@link UtilityParser} parses its statements (Calcite's stock grammar
 * has no TRUNCATE). {@code CASCADE} is 0A000: there are no foreign keys yet.
 */
final class TruncateParser {

  private final List<Token> tokens;
  private int at;

  private TruncateParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Stmt.Truncate parse(List<Token> tokens) {
    return new TruncateParser(tokens).parse();
  }

  private Stmt.Truncate parse() {
    at = 1;
    wordIf("table");
    List<String> tables = new ArrayList<>();
    do {
      wordIf("only");
      Token t = tokens.get(at++);
      if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
        throw ParseErrors.at(t);
      }
      String name = t.text();
      if (tokens.get(at).isSymbol(".")) {
        if (!name.equals("public")) {
          throw ParseErrors.at(t);
        }
        at++;
        Token n = tokens.get(at++);
        if (n.kind() != Token.Kind.IDENT && n.kind() != Token.Kind.QUOTED_IDENT) {
          throw ParseErrors.at(n);
        }
        name = n.text();
      }
      if (tokens.get(at).isSymbol("*")) {
        at++;
      }
      tables.add(name);
    } while (symbolIf(","));
    if (wordIf("restart") || wordIf("continue")) {
      if (!wordIf("identity")) {
        throw ParseErrors.at(tokens.get(at));
      }
    }
    if (tokens.get(at).isWord("cascade")) {
      throw SqlParser.unsupported("TRUNCATE ... CASCADE");
    }
    wordIf("restrict");
    if (tokens.get(at).kind() != Token.Kind.EOF) {
      throw ParseErrors.at(tokens.get(at));
    }
    return new Stmt.Truncate(List.copyOf(tables));
  }

  private boolean wordIf(String w) {
    if (tokens.get(at).isWord(w)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean symbolIf(String s) {
    if (tokens.get(at).isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }
}
