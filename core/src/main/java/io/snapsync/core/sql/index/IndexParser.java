package io.snapsync.core.sql.index;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.parse.CalciteParse;
import io.snapsync.core.sql.parse.ParseErrors;
import io.snapsync.core.sql.parse.Token;
import io.snapsync.sql.parser.ast.PgCreateIndex;
import io.snapsync.sql.parser.ast.PgDrop;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE INDEX and DROP INDEX through the project's grammar ({@code PgCreateIndex},
 * {@code PgDrop}) into {@link IndexStmt}s. Expression and partial indexes and access methods
 * other than btree are 0A000 for now. CPU work for a worker thread.
 */
public final class IndexParser {

  private IndexParser() {
  }

  /** Parses a CREATE INDEX or DROP INDEX statement. */
  public static IndexStmt parse(String sql) {
    SqlNode n = CalciteParse.parse(sql);
    if (n instanceof PgCreateIndex c) {
      return create(c);
    }
    if (n instanceof PgDrop d && d.getKind() == SqlKind.DROP_INDEX) {
      if (d.cascade()) {
        throw unsupported("DROP INDEX ... CASCADE");
      }
      List<String> names = new ArrayList<>();
      for (SqlNode id : d.names()) {
        names.add(name((SqlIdentifier) id));
      }
      return new IndexStmt.DropIndex(names, d.ifExists);
    }
    throw unsupported("this statement");
  }

  /**
   * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [, ...]]} or {@code VACUUM (option
   * [value], ...) [table [, ...]]} from its tokens.
   */
  public static IndexStmt vacuum(List<Token> tokens) {
    int at = 1;
    boolean analyze = false;
    if (tokens.get(at).isSymbol("(")) {
      at++;
      while (!tokens.get(at).isSymbol(")")) {
        Token t = tokens.get(at++);
        if (t.kind() == Token.Kind.EOF) {
          throw ParseErrors.at(t);
        }
        analyze |= t.isWord("analyze") || t.isWord("analyse");
      }
      at++;
    } else {
      while (tokens.get(at).isWord("full") || tokens.get(at).isWord("freeze")
          || tokens.get(at).isWord("verbose") || tokens.get(at).isWord("analyze")
          || tokens.get(at).isWord("analyse")) {
        analyze |= tokens.get(at).isWord("analyze") || tokens.get(at).isWord("analyse");
        at++;
      }
    }
    return new IndexStmt.Vacuum(tableList(tokens, at), analyze);
  }

  /** {@code ANALYZE | ANALYSE [VERBOSE] [table [, ...]]} from its tokens. */
  public static IndexStmt analyze(List<Token> tokens) {
    int at = 1;
    if (tokens.get(at).isWord("verbose")) {
      at++;
    }
    return new IndexStmt.Analyze(tableList(tokens, at));
  }

  private static List<String> tableList(List<Token> tokens, int at) {
    List<String> tables = new ArrayList<>();
    while (tokens.get(at).kind() != Token.Kind.EOF) {
      Token t = tokens.get(at++);
      if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
        throw ParseErrors.at(t);
      }
      String name = t.text();
      if (tokens.get(at).isSymbol(".") && name.equals("public")) {
        at++;
        name = tokens.get(at++).text();
      }
      tables.add(name);
      if (tokens.get(at).isSymbol(",")) {
        at++;
      } else if (tokens.get(at).kind() != Token.Kind.EOF) {
        throw ParseErrors.at(tokens.get(at));
      }
    }
    return tables;
  }

  private static IndexStmt create(PgCreateIndex c) {
    if (c.method() != null && !c.method().equals("btree")) {
      throw unsupported("access method \"" + c.method() + "\"");
    }
    if (c.where() != null) {
      throw unsupported("partial indexes (CREATE INDEX ... WHERE)");
    }
    List<IndexStmt.Element> elements = new ArrayList<>();
    for (SqlNode e : c.elements()) {
      elements.add(element(e, false, null));
    }
    return new IndexStmt.CreateIndex(c.name() == null ? null : name(c.name()), name(c.table()),
        c.unique(), c.ifNotExists, elements, c.concurrently());
  }

  private static IndexStmt.Element element(SqlNode e, boolean desc, Boolean nullsFirst) {
    if (e.getKind() == SqlKind.DESCENDING) {
      return element(((SqlBasicCall) e).operand(0), true, nullsFirst);
    }
    if (e.getKind() == SqlKind.NULLS_FIRST || e.getKind() == SqlKind.NULLS_LAST) {
      return element(((SqlBasicCall) e).operand(0), desc, e.getKind() == SqlKind.NULLS_FIRST);
    }
    if (e instanceof SqlIdentifier id && id.isSimple()) {
      return new IndexStmt.Element(id.getSimple(), desc, nullsFirst);
    }
    throw unsupported("expression indexes");
  }

  private static String name(SqlIdentifier id) {
    if (id.names.size() == 2 && id.names.get(0).equals("public")) {
      return id.names.get(1);
    }
    if (!id.isSimple()) {
      throw unsupported("schema-qualified names");
    }
    return id.getSimple();
  }

  static SnapsyncException unsupported(String what) {
    return SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "index.unsupported", what);
  }
}
