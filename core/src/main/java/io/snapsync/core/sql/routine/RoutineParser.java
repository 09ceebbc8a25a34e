package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses CREATE [OR REPLACE] FUNCTION | PROCEDURE, DROP FUNCTION | PROCEDURE and ALTER FUNCTION
 * | PROCEDURE over the lexer's tokens (bodies are string or dollar-quoted literals, read whole;
 * their SQL is parsed when the routine runs). Syntax errors are 42601 at the token.
 */
public final class RoutineParser extends PlTokens {

  private RoutineParser(String sql, List<Token> tokens) {
    super(sql, tokens);
  }

  /** True when the tokens start a statement this parser reads. */
  public static boolean handles(List<Token> tokens) {
    Token first = tokens.get(0);
    int i = 1;
    if (first.isWord("do") || first.isWord("call")) {
      return true;
    }
    if (first.isWord("create")) {
      if (tokens.get(1).isWord("or") && tokens.get(2).isWord("replace")) {
        i = 3;
      }
    } else if (!first.isWord("drop") && !first.isWord("alter")) {
      return false;
    }
    Token what = tokens.get(Math.min(i, tokens.size() - 1));
    return what.isWord("function") || what.isWord("procedure")
        || (!first.isWord("create") && what.isWord("routine"));
  }

  /** Parses one statement of the kinds {@link #handles} accepts. CPU only. */
  public static RoutineStmt parse(String sql, List<Token> tokens) {
    return new RoutineParser(sql, tokens).statement();
  }

  /** {@code DO [LANGUAGE lang] 'body' [LANGUAGE lang]}. */
  private RoutineStmt doBlock() {
    String language = "plpgsql";
    if (accept("language")) {
      language = next().text();
    }
    Token body = next();
    if (body.kind() != Token.Kind.STRING) {
      throw ParseErrors.at(body);
    }
    if (accept("language")) {
      language = next().text();
    }
    return new RoutineStmt.Do(body.text(), language.toLowerCase(java.util.Locale.ROOT));
  }

  /** {@code CALL name([args])}: the arguments as one SELECT list. */
  private RoutineStmt call() {
    Token name = next();
    if (name.kind() != Token.Kind.IDENT && name.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(name);
    }
    String routine = name.text();
    if (peek().isSymbol(".")) {
      next();
      routine = next().text();
    }
    if (!acceptSymbol("(")) {
      throw ParseErrors.at(peek());
    }
    int from = at;
    int depth = 0;
    while (peek().kind() != Token.Kind.EOF && !(depth == 0 && peek().isSymbol(")"))) {
      if (peek().isSymbol("(")) {
        depth++;
      } else if (peek().isSymbol(")")) {
        depth--;
      }
      next();
    }
    int to = at;
    if (!acceptSymbol(")")) {
      throw ParseErrors.at(peek());
    }
    String args = null;
    if (to > from) {
      Token last = tokens.get(to - 1);
      args = "SELECT " + src.substring(tokens.get(from).pos(), last.pos() + last.raw().length());
    }
    return new RoutineStmt.Call(routine, args);
  }

  private RoutineStmt statement() {
    Token verb = next();
    RoutineStmt s;
    if (verb.isWord("do")) {
      s = doBlock();
    } else if (verb.isWord("call")) {
      s = call();
    } else if (verb.isWord("create")) {
      boolean replace = accept("or");
      if (replace) {
        expect("replace");
      }
      char kind = next().isWord("procedure") ? 'p' : 'f';
      s = new RoutineStmt.Create(new CreateFunctionParser(this, kind).definition(), replace);
    } else if (verb.isWord("drop")) {
      char kind = next().isWord("procedure") ? 'p' : 'f';
      boolean ifExists = accept("if");
      if (ifExists) {
        expect("exists");
      }
      List<RoutineStmt.Target> targets = new ArrayList<>();
      do {
        targets.add(target());
      } while (acceptSymbol(","));
      if (!accept("restrict") && accept("cascade")) {
        // nothing depends on a routine yet: CASCADE drops just the routine
      }
      s = new RoutineStmt.Drop(kind, targets, ifExists);
    } else {
      char kind = next().isWord("procedure") ? 'p' : 'f';
      s = alter(kind, target());
    }
    if (peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return s;
  }

  private RoutineStmt alter(char kind, RoutineStmt.Target target) {
    if (accept("rename")) {
      expect("to");
      return new RoutineStmt.Alter(kind, target, name(), null, null, null);
    }
    if (accept("owner")) {
      expect("to");
      return new RoutineStmt.Alter(kind, target, null, name(), null, null);
    }
    Character volatility = null;
    Boolean strict = null;
    while (peek().kind() != Token.Kind.EOF) {
      if (accept("immutable")) {
        volatility = 'i';
      } else if (accept("stable")) {
        volatility = 's';
      } else if (accept("volatile")) {
        volatility = 'v';
      } else if (accept("strict")) {
        strict = true;
      } else if (accept("called")) {
        expect("on");
        expect("null");
        expect("input");
        strict = false;
      } else if (accept("returns")) {
        expect("null");
        expect("on");
        expect("null");
        expect("input");
        strict = true;
      } else if (!CreateFunctionParser.ignorableOption(this)) {
        throw ParseErrors.at(peek());
      }
    }
    return new RoutineStmt.Alter(kind, target, null, null, volatility, strict);
  }

  /**
   * The routine named at token {@code from} ({@code name [(args)]}, as GRANT ... ON FUNCTION
   * gives it) as its privilege key: {@code name(type oids)} ({@link RoutineCatalog#key} order),
   * or the bare name without an argument list; {@code end[0]} is set to the token after it.
   */
  public static String identity(String sql, List<Token> tokens, int from, int[] end) {
    RoutineParser p = new RoutineParser(sql, tokens);
    p.at = from;
    RoutineStmt.Target t = p.target();
    end[0] = p.at;
    return t.types() == null ? t.name() : t.name() + "(" + String.join(",", t.types().stream()
        .map(d -> String.valueOf(d.oid())).toList()) + ")";
  }

  /** {@code name [( [[mode] [name] type, ...] )]}; the types are the input types. */
  private RoutineStmt.Target target() {
    String name = name();
    if (!peek().isSymbol("(")) {
      return new RoutineStmt.Target(name, null);
    }
    List<RoutineDef.Param> params = new CreateFunctionParser(this, 'f').params();
    return new RoutineStmt.Target(name, params.stream().filter(p -> p.mode() != 'o')
        .map(RoutineDef.Param::type).toList());
  }

  // --- token access (PlTokens), shared with CreateFunctionParser ---

  String sql() {
    return src;
  }

  /** A name: an identifier, quoted identifier; {@code schema.name} keeps the last part. */
  String name() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    if (peek().isSymbol(".")) {
      String schema = t.text();
      next();
      if (!schema.equals("public") && !schema.equals("pg_catalog")) {
        throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "routine.schema_not_exist",
            schema);
      }
      return name();
    }
    return t.text();
  }

  /** The source text from token {@code from} up to (not including) the current token. */
  String textFrom(int from) {
    if (from >= at) {
      return "";
    }
    Token last = tokens.get(at - 1);
    return src.substring(tokens.get(from).pos(), last.pos() + last.raw().length());
  }

  int position() {
    return at;
  }

  Token tokenAt(int index) {
    return tokens.get(index);
  }
}
