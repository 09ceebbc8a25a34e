package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parameter list and options of CREATE FUNCTION | PROCEDURE: {@code [mode] [name] type
 * [DEFAULT expr]} parameters, {@code RETURNS type | SETOF type | TABLE (...)}, LANGUAGE,
 * volatility, strictness, {@code AS 'body'}, {@code RETURN expr}, {@code BEGIN ATOMIC ... END};
 * PostgreSQL's other options (COST, ROWS, PARALLEL, SECURITY, LEAKPROOF, SET) are accepted and
 * not kept.
 */
final class CreateFunctionParser {

  private final RoutineParser p;
  private final char kind;

  CreateFunctionParser(RoutineParser p, char kind) {
    this.p = p;
    this.kind = kind;
  }

  RoutineDef definition() {
    String name = p.name();
    List<RoutineDef.Param> params = new ArrayList<>(params());
    DataType ret = kind == 'p' ? DataType.VOID : null;
    int retTypmod = -1;
    boolean returnsSet = false;
    boolean hasReturns = false;
    String language = null;
    String body = null;
    char volatility = 'v';
    boolean strict = false;
    while (p.peek().kind() != Token.Kind.EOF) {
      Token t = p.peek();
      if (p.accept("returns")) {
        if (p.accept("null")) {
          p.expect("on");
          p.expect("null");
          p.expect("input");
          strict = true;
          continue;
        }
        hasReturns = true;
        if (p.accept("setof")) {
          returnsSet = true;
        } else if (p.peek().isWord("table") && p.peek(1).isSymbol("(")) {
          p.next();
          returnsSet = true;
          for (RoutineDef.Param c : params()) {
            params.add(new RoutineDef.Param(c.name(), c.type(), c.typmod(), null, 't'));
          }
          ret = DataType.VOID; // the row type of the table columns
          continue;
        }
        TypeText.Parsed rt;
        if (p.peek().isWord("record") && isOptionAt(1)) {
          p.next();
          rt = new TypeText.Parsed(DataType.VOID, -1); // record: the OUT parameters' row
        } else {
          rt = type(Boundary.OPTION);
        }
        ret = rt.type();
        retTypmod = rt.typmod();
      } else if (p.accept("language")) {
        Token l = p.next();
        language = l.text().toLowerCase(Locale.ROOT);
      } else if (p.accept("immutable")) {
        volatility = 'i';
      } else if (p.accept("stable")) {
        volatility = 's';
      } else if (p.accept("volatile")) {
        volatility = 'v';
      } else if (p.accept("strict")) {
        strict = true;
      } else if (p.accept("called")) {
        p.expect("on");
        p.expect("null");
        p.expect("input");
        strict = false;
      } else if (p.accept("as")) {
        Token b = p.next();
        if (b.kind() != Token.Kind.STRING) {
          throw ParseErrors.at(b);
        }
        body = b.text();
        if (p.acceptSymbol(",")) {
          p.next(); // link symbol of C functions
        }
      } else if (t.isWord("return") || (t.isWord("begin") && p.peek(1).isWord("atomic"))) {
        int from = p.position();
        while (p.peek().kind() != Token.Kind.EOF) {
          p.next();
        }
        body = p.textFrom(from);
        if (language == null) {
          language = "sql";
        }
      } else if (!ignorableOption(p)) {
        throw ParseErrors.at(t);
      }
    }
    if (body == null) {
      throw SnapsyncException.error(RoutineStates.INVALID_FUNCTION_DEFINITION, "routine.no_body");
    }
    if (language == null) {
      language = "sql";
    }
    if (!language.equals("sql") && !language.equals("plpgsql")) {
      throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "routine.language_not_exist",
          language);
    }
    if (kind == 'f' && !hasReturns) {
      boolean out = params.stream().anyMatch(x -> x.mode() == 'o' || x.mode() == 'b');
      if (!out) {
        throw SnapsyncException.error(RoutineStates.INVALID_FUNCTION_DEFINITION,
            "routine.result_type_required");
      }
      List<RoutineDef.Param> outs = params.stream()
          .filter(x -> x.mode() == 'o' || x.mode() == 'b').toList();
      RoutineDef.Param only = outs.size() == 1 ? outs.get(0) : null;
      // several OUT parameters: the result is their row (void stands for record)
      ret = only == null ? DataType.VOID : only.type();
      retTypmod = only == null ? -1 : only.typmod();
    }
    return new RoutineDef(0, name, kind, params, ret, retTypmod, returnsSet, language, body,
        volatility, strict, null);
  }

  /** Options PostgreSQL accepts that snapsync does not keep; true when one was read. */
  static boolean ignorableOption(RoutineParser p) {
    if (p.accept("not")) {
      p.expect("leakproof");
    } else if (p.accept("leakproof") || p.accept("window")) {
      return true;
    } else if (p.accept("external") || p.peek().isWord("security")) {
      p.expect("security");
      if (!p.accept("invoker") && !p.accept("definer")) {
        throw ParseErrors.at(p.peek());
      }
    } else if (p.accept("parallel")) {
      if (!p.accept("safe") && !p.accept("unsafe") && !p.accept("restricted")) {
        throw ParseErrors.at(p.peek());
      }
    } else if (p.accept("cost") || p.accept("rows")) {
      if (p.next().kind() != Token.Kind.NUMBER) {
        throw ParseErrors.at(p.peek());
      }
    } else if (p.accept("support")) {
      p.name();
    } else if (p.accept("set")) {
      p.name();
      if (p.accept("from")) {
        p.expect("current");
      } else {
        if (!p.accept("to") && !p.acceptSymbol("=")) {
          throw ParseErrors.at(p.peek());
        }
        do {
          p.next();
        } while (p.acceptSymbol(","));
      }
    } else {
      return false;
    }
    return true;
  }

  /** {@code ( [param {, param}] )}. */
  List<RoutineDef.Param> params() {
    p.expectSymbol("(");
    List<RoutineDef.Param> out = new ArrayList<>();
    if (p.acceptSymbol(")")) {
      return out;
    }
    do {
      out.add(param());
    } while (p.acceptSymbol(","));
    p.expectSymbol(")");
    return out;
  }

  private RoutineDef.Param param() {
    char mode = 'i';
    if (p.accept("in")) {
      mode = p.accept("out") ? 'b' : 'i';
    } else if (p.accept("out")) {
      mode = 'o';
    } else if (p.accept("inout")) {
      mode = 'b';
    } else if (p.accept("variadic")) {
      mode = 'v';
    }
    int from = p.position();
    skipTo(Boundary.PARAM);
    String all = p.textFrom(from);
    String name = null;
    TypeText.Parsed type;
    Token first = tokenAt(from);
    if (p.position() - from >= 2 && (first.kind() == Token.Kind.IDENT
        || first.kind() == Token.Kind.QUOTED_IDENT) && !TypeText.isType(all)) {
      name = first.text();
      type = TypeText.parse(all.substring(first.raw().length()));
    } else {
      type = TypeText.parse(all);
    }
    if (type.type() == null || type.type() == DataType.VOID) {
      throw SnapsyncException.error(RoutineStates.INVALID_FUNCTION_DEFINITION,
          "routine.param_pseudo_type", type.type() == null ? "trigger" : "void");
    }
    String def = null;
    if (p.accept("default") || p.acceptSymbol("=")) {
      int d = p.position();
      skipTo(Boundary.PARAM);
      def = p.textFrom(d);
    }
    return new RoutineDef.Param(name, type.type(), type.typmod(), def, mode);
  }

  private TypeText.Parsed type(Boundary b) {
    int from = p.position();
    skipTo(b);
    if (p.position() == from) {
      throw ParseErrors.at(p.peek());
    }
    return TypeText.parse(p.textFrom(from));
  }

  /** True when the token {@code ahead} of the current one ends a type (an option or the end). */
  private boolean isOptionAt(int ahead) {
    Token t = p.peek(ahead);
    return t.kind() == Token.Kind.EOF
        || t.kind() == Token.Kind.IDENT && OPTION_WORDS.contains(t.text());
  }

  private enum Boundary { PARAM, OPTION }

  /** Moves to the next {@code ,} or {@code )} (PARAM, also DEFAULT, {@code =}) or option word. */
  private void skipTo(Boundary b) {
    int depth = 0;
    while (true) {
      Token t = p.peek();
      if (t.kind() == Token.Kind.EOF) {
        return;
      }
      if (depth == 0) {
        if (b == Boundary.PARAM && (t.isSymbol(",") || t.isSymbol(")") || t.isWord("default")
            || t.isSymbol("="))) {
          return;
        }
        if (b == Boundary.OPTION && t.kind() == Token.Kind.IDENT && OPTION_WORDS.contains(t.text())) {
          return;
        }
      }
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")")) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
      p.next();
    }
  }

  private static final java.util.Set<String> OPTION_WORDS = java.util.Set.of("language", "as",
      "immutable", "stable", "volatile", "strict", "called", "returns", "return", "begin",
      "security", "external", "parallel", "cost", "rows", "support", "set", "leakproof", "not",
      "window", "transform");

  private Token tokenAt(int index) {
    return p.tokenAt(index);
  }
}
