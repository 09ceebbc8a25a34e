package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.schema.Table;

/** Parses CREATE/DROP TABLE with JSqlParser into {@link Stmt} (until the project's grammar takes DDL). */
final class DmlTranslator {

  private DmlTranslator() {
  }

  static Stmt parse(String sql, List<Token> tokens, BooleanSupplier canceled) {
    // JSqlParser knows ?n, not $n: same length, so positions stay valid.
    StringBuilder jsql = new StringBuilder(sql);
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.PARAM) {
        jsql.setCharAt(t.pos(), '?');
      }
    }
    // Parse on the calling (worker) thread, first without JSqlParser's "complex parsing"
    // (whose backtracking is exponential in nesting), then with it for the forms that need it
    // (count(*)); the watch stops a parse that is cancelled or runs past its budget
    // (JSqlParser's productions check the interrupted flag).
    Statement st;
    AtomicReference<CCJSqlParser> parser = new AtomicReference<>(
        CCJSqlParserUtil.newParser(jsql.toString()).withAllowComplexParsing(false));
    try (ParseWatch watch = ParseWatch.start(canceled, () -> parser.get().interrupted = true)) {
      try {
        st = parser.get().Statement();
      } catch (ParseException | RuntimeException simple) {
        if (watch.canceled() || watch.overBudget()) {
          throw stopped(watch, () -> ParseErrors.at(tokens.get(0)));
        }
        parser.set(CCJSqlParserUtil.newParser(jsql.toString()).withAllowComplexParsing(true));
        try {
          st = parser.get().Statement();
        } catch (ParseException e) {
          throw stopped(watch, () -> syntaxError(sql, tokens, new JSQLParserException(e)));
        } catch (RuntimeException e) {
          throw stopped(watch, () -> ParseErrors.at(tokens.get(0)));
        }
      }
    }
    try {
      return translate(st, tokens);
    } catch (SnapsyncException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SqlParser.unsupported("this form of " + tokens.get(0).raw().toUpperCase(Locale.ROOT));
    }
  }

  /** The error to report for a parse that failed, possibly because the watch stopped it. */
  private static SnapsyncException stopped(ParseWatch watch, Supplier<SnapsyncException> error) {
    if (watch.canceled()) {
      return SnapsyncException.error(SqlState.QUERY_CANCELED, "sql.query_canceled");
    }
    if (watch.overBudget()) {
      return SnapsyncException.error(SqlState.STATEMENT_TOO_COMPLEX, "sql.too_complex");
    }
    return error.get();
  }

  private static Stmt translate(Statement st, List<Token> tokens) {
    if (st instanceof CreateTable c) {
      return createTable(c, tokens);
    } else if (st instanceof Drop d && d.getType().equalsIgnoreCase("table")) {
      return new Stmt.DropTable(tableName(d.getName()), d.isIfExists());
    }
    throw SqlParser.unsupported(tokens.get(0).raw().toUpperCase(Locale.ROOT) + " of this form");
  }

  private static SnapsyncException syntaxError(String sql, List<Token> tokens,
      JSQLParserException e) {
    Throwable c = e;
    while (c != null && !(c instanceof ParseException)) {
      c = c.getCause();
    }
    if (c instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
      net.sf.jsqlparser.parser.Token bad = pe.currentToken.next;
      if (bad.kind == 0) {
        return ParseErrors.at(tokens.get(tokens.size() - 1));
      }
      int offset = offsetOf(sql, bad.beginLine, bad.beginColumn);
      for (Token t : tokens) {
        if (t.pos() >= offset) {
          return ParseErrors.at(t);
        }
      }
      return ParseErrors.at(tokens.get(tokens.size() - 1));
    }
    return ParseErrors.at(tokens.get(0));
  }

  private static int offsetOf(String sql, int line, int column) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', off);
      if (nl < 0) {
        break;
      }
      off = nl + 1;
    }
    return off + column - 1;
  }

  private static Stmt createTable(CreateTable c, List<Token> tokens) {
    List<Stmt.ColumnDef> cols = new ArrayList<>();
    String pk = null;
    List<String> composite = null;
    if (c.getColumnDefinitions() == null) {
      throw ParseErrors.at(tokens.get(tokens.size() - 1));
    }
    for (ColumnDefinition d : c.getColumnDefinitions()) {
      String name = ident(d.getColumnName());
      DataType type = typeOf(d.getColDataType().getDataType(), tokens);
      String specs = d.getColumnSpecs() == null ? ""
          : String.join(" ", d.getColumnSpecs()).toLowerCase(Locale.ROOT);
      if (specs.contains("primary key")) {
        if (pk != null) {
          throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "sql.multiple_pk",
              tableName(c.getTable()));
        }
        pk = name;
      }
      cols.add(new Stmt.ColumnDef(name, type, specs.contains("not null")));
    }
    if (c.getIndexes() != null) {
      for (Index idx : c.getIndexes()) {
        if (idx.getType() != null && idx.getType().equalsIgnoreCase("primary key")) {
          if (pk != null || composite != null) {
            throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "sql.multiple_pk",
                tableName(c.getTable()));
          }
          composite = idx.getColumnsNames().stream().map(DmlTranslator::ident).toList();
        } else {
          throw SqlParser.unsupported("table constraints other than PRIMARY KEY");
        }
      }
    }
    if (composite != null) {
      return new Stmt.CreateTable(tableName(c.getTable()), cols, composite, c.isIfNotExists());
    }
    return new Stmt.CreateTable(tableName(c.getTable()), cols, pk, c.isIfNotExists());
  }

  private static DataType typeOf(String name, List<Token> tokens) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text", "varchar", "character varying" -> DataType.TEXT;
      case "int", "integer", "int4" -> DataType.INT4;
      case "bigint", "int8" -> DataType.INT8;
      case "boolean", "bool" -> DataType.BOOL;
      default -> throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "sql.type_not_exist",
          name.toLowerCase(Locale.ROOT));
    };
  }

  private static String tableName(Table t) {
    return ident(t.getName());
  }

  static String ident(String raw) {
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      return raw.substring(1, raw.length() - 1);
    }
    return raw.toLowerCase(Locale.ROOT);
  }
}
