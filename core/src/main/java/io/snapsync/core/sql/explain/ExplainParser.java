package io.snapsync.core.sql.explain;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.sql.parse.Token;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Parses EXPLAIN's options by hand (PostgreSQL's: ANALYZE, VERBOSE, COSTS, SETTINGS, BUFFERS,
 * WAL, TIMING, SUMMARY, FORMAT TEXT), then the explained statement with {@link SqlParser}; only
 * queries can be explained yet (0A000 for other statements).
 */
public final class ExplainParser {

  private ExplainParser() {
  }

  /** Parses {@code EXPLAIN ...} from its tokens ({@code tokens.get(0)} is EXPLAIN). */
  public static ExplainStmt parse(String sql, List<Token> tokens, BooleanSupplier canceled) {
    int at = 1;
    boolean analyze = false;
    boolean costs = true;
    Boolean timing = null;
    Boolean summary = null;
    if (tokens.get(at).isSymbol("(")) {
      at++;
      while (true) {
        Token name = tokens.get(at++);
        if (name.kind() != Token.Kind.IDENT) {
          throw ParseErrors.at(name);
        }
        Token v = tokens.get(at);
        String value = null;
        if (!v.isSymbol(",") && !v.isSymbol(")")) {
          value = v.text().toLowerCase(Locale.ROOT);
          at++;
        }
        switch (name.text()) {
          case "analyze", "analyse" -> analyze = bool(name, value);
          case "costs" -> costs = bool(name, value);
          case "timing" -> timing = bool(name, value);
          case "summary" -> summary = bool(name, value);
          case "verbose", "buffers", "settings", "wal", "generic_plan" -> bool(name, value);
          case "format" -> {
            if (!"text".equals(value)) {
              throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "index.unsupported",
                  "EXPLAIN (FORMAT " + (value == null ? "" : value.toUpperCase(Locale.ROOT))
                      + ")");
            }
          }
          default -> throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "index.explain_option",
              name.text()).withPosition(name.pos() + 1);
        }
        Token sep = tokens.get(at++);
        if (sep.isSymbol(")")) {
          break;
        }
        if (!sep.isSymbol(",")) {
          throw ParseErrors.at(sep);
        }
      }
    } else {
      if (tokens.get(at).isWord("analyze") || tokens.get(at).isWord("analyse")) {
        analyze = true;
        at++;
      }
      if (tokens.get(at).isWord("verbose")) {
        at++;
      }
    }
    Token first = tokens.get(at);
    if (first.kind() == Token.Kind.EOF) {
      throw ParseErrors.at(first);
    }
    String query = sql.substring(first.pos());
    Stmt inner = SqlParser.parse(query, canceled);
    if (!(inner instanceof Stmt.Query)) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "index.explain_statement",
          first.text().toUpperCase(Locale.ROOT));
    }
    return new ExplainStmt(query, analyze, costs, timing == null ? analyze : timing,
        summary == null ? analyze : summary);
  }

  private static boolean bool(Token name, String value) {
    if (value == null) {
      return true;
    }
    return switch (value) {
      case "true", "on", "1", "yes" -> true;
      case "false", "off", "0", "no" -> false;
      default -> throw SnapsyncException.error(SqlState.SYNTAX_ERROR,
          "index.explain_option_value", name.text()).withPosition(name.pos() + 1);
    };
  }
}
