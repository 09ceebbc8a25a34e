package io.snapsync.core.sql.parse;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  static Stmt parse(String sql, List<Token> tokens) {
    // JSqlParser knows ?n, not $n: same length, so positions stay valid.
    StringBuilder jsql = new StringBuilder(sql);
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.PARAM) {
        jsql.setCharAt(t.pos(), '?');
      }
    }
    Statement st;
    try {
      // Parse on the calling (worker) thread: CCJSqlParserUtil.parse(String) starts a new
      // executor thread per call to enforce its timeout, which dominated statement latency.
      st = CCJSqlParserUtil.newParser(jsql.toString()).Statement();
    } catch (ParseException e) {
      throw syntaxError(sql, tokens, new JSQLParserException(e));
    } catch (RuntimeException e) {
      throw ParseErrors.at(tokens.get(0));
    }
    try {
      return translate(st, tokens);
    } catch (SnapsyncException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SqlParser.unsupported("this form of " + tokens.get(0).raw().toUpperCase(Locale.ROOT));
    }
  }

  private static Stmt translate(Statement st, List<Token> tokens) {
    if (st instanceof PlainSelect p) {
      return select(p, tokens);
    } else if (st instanceof Insert i) {
      return insert(i, tokens);
    } else if (st instanceof CreateTable c) {
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

  private static Stmt select(PlainSelect p, List<Token> tokens) {
    if (p.getJoins() != null && !p.getJoins().isEmpty() || p.getGroupBy() != null
        || p.getDistinct() != null || p.getHaving() != null) {
      throw SqlParser.unsupported("SELECT with joins, DISTINCT or GROUP BY");
    }
    List<Stmt.SelectItem> items = new ArrayList<>();
    for (SelectItem<?> it : p.getSelectItems()) {
      Expression e = it.getExpression();
      String alias = it.getAlias() == null ? null : ident(it.getAlias().getName());
      if (e instanceof AllColumns) {
        items.add(new Stmt.SelectItem.Star());
      } else if (e instanceof Function f && f.getName().equalsIgnoreCase("count")
          && (f.isAllColumns() || f.getParameters() != null && f.getParameters().size() == 1
              && f.getParameters().get(0) instanceof AllColumns)) {
        items.add(new Stmt.SelectItem.CountStar(alias));
      } else {
        items.add(new Stmt.SelectItem.Value(expr(e, tokens), alias));
      }
    }
    String table = null;
    if (p.getFromItem() != null) {
      if (!(p.getFromItem() instanceof Table t)) {
        throw SqlParser.unsupported("SELECT from a subquery");
      }
      table = tableName(t);
    }
    Stmt.OrderBy order = null;
    if (p.getOrderByElements() != null && !p.getOrderByElements().isEmpty()) {
      if (p.getOrderByElements().size() > 1) {
        throw SqlParser.unsupported("ORDER BY of several columns");
      }
      OrderByElement o = p.getOrderByElements().get(0);
      if (!(o.getExpression() instanceof Column col)) {
        throw SqlParser.unsupported("ORDER BY of an expression");
      }
      order = new Stmt.OrderBy(ident(col.getColumnName()), !o.isAsc());
    }
    Long limit = null;
    if (p.getLimit() != null && p.getLimit().getRowCount() != null) {
      Expr l = expr(p.getLimit().getRowCount(), tokens);
      if (!(l instanceof Expr.Literal lit) || !(lit.value() instanceof Long n)) {
        throw SqlParser.unsupported("LIMIT of an expression");
      }
      if (n < 0) {
        throw SnapsyncException.error("2201W", "sql.negative_limit");
      }
      limit = n;
    }
    if (p.getOffset() != null || (p.getLimit() != null && p.getLimit().getOffset() != null)) {
      throw SqlParser.unsupported("OFFSET");
    }
    return new Stmt.Select(items, table, where(p.getWhere(), tokens), order, limit);
  }

  private static Stmt insert(Insert i, List<Token> tokens) {
    List<String> cols = null;
    if (i.getColumns() != null) {
      cols = new ArrayList<>();
      for (Column c : i.getColumns()) {
        cols.add(ident(c.getColumnName()));
      }
    }
    Values values = i.getSelect() instanceof Values v ? v : null;
    if (values == null) {
      throw SqlParser.unsupported("INSERT ... SELECT");
    }
    ExpressionList<?> list = values.getExpressions();
    List<List<Expr>> rows = new ArrayList<>();
    boolean multi = !list.isEmpty() && list.stream().allMatch(e -> e instanceof ExpressionList<?>);
    if (multi && !(list instanceof net.sf.jsqlparser.expression.operators.relational
        .ParenthesedExpressionList<?> && list.size() > 0
        && !(list.get(0) instanceof ExpressionList<?>))) {
      for (Object e : list) {
        rows.add(exprs((ExpressionList<?>) e, tokens));
      }
    } else {
      rows.add(exprs(list, tokens));
    }
    return new Stmt.Insert(tableName(i.getTable()), cols, rows);
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

  private static List<Stmt.Cond> where(Expression w, List<Token> tokens) {
    List<Stmt.Cond> out = new ArrayList<>();
    if (w != null) {
      flatten(w, out, tokens);
    }
    return out;
  }

  private static void flatten(Expression w, List<Stmt.Cond> out, List<Token> tokens) {
    if (w instanceof AndExpression a) {
      flatten(a.getLeftExpression(), out, tokens);
      flatten(a.getRightExpression(), out, tokens);
    } else if (w instanceof Parenthesis p) {
      flatten(p.getExpression(), out, tokens);
    } else if (w instanceof net.sf.jsqlparser.expression.operators.relational
        .ParenthesedExpressionList<?> pl && pl.size() == 1) {
      flatten(pl.get(0), out, tokens);
    } else if (w instanceof ComparisonOperator c) {
      String op = c.getStringExpression().replace(" ", "");
      if (op.equals("!=")) {
        op = "<>";
      }
      Expression l = c.getLeftExpression();
      Expression r = c.getRightExpression();
      if (l instanceof Column lc && !isBoolWord(lc)) {
        out.add(new Stmt.Cond(ident(lc.getColumnName()), op, expr(r, tokens)));
      } else if (r instanceof Column rc && !isBoolWord(rc)) {
        out.add(new Stmt.Cond(ident(rc.getColumnName()), flip(op), expr(l, tokens)));
      } else {
        throw SqlParser.unsupported("WHERE conditions other than column comparisons");
      }
    } else {
      throw SqlParser.unsupported("WHERE conditions other than AND of column comparisons");
    }
  }

  private static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case ">" -> "<";
      case "<=" -> ">=";
      case ">=" -> "<=";
      default -> op;
    };
  }

  private static List<Expr> exprs(ExpressionList<?> list, List<Token> tokens) {
    List<Expr> out = new ArrayList<>();
    if (list != null) {
      for (Expression e : list) {
        out.add(expr(e, tokens));
      }
    }
    return out;
  }

  private static boolean isBoolWord(Column c) {
    String n = c.getColumnName().toLowerCase(Locale.ROOT);
    return c.getTable() == null && (n.equals("true") || n.equals("false"));
  }

  private static Expr expr(Expression e, List<Token> tokens) {
    if (e instanceof LongValue l) {
      String s = l.getStringValue();
      try {
        return new Expr.Literal(Long.parseLong(s));
      } catch (NumberFormatException x) {
        throw SqlParser.unsupported("numeric literal " + s);
      }
    } else if (e instanceof StringValue s) {
      return new Expr.Literal(s.getValue().replace("''", "'"));
    } else if (e instanceof NullValue) {
      return new Expr.Literal(null);
    } else if (e instanceof SignedExpression s) {
      Expr inner = expr(s.getExpression(), tokens);
      if (inner instanceof Expr.Literal lit && lit.value() instanceof Long n) {
        return new Expr.Literal(s.getSign() == '-' ? -n : n);
      }
      throw SqlParser.unsupported("signed expression");
    } else if (e instanceof JdbcParameter p) {
      return new Expr.Param(p.getIndex() == null ? 1 : p.getIndex());
    } else if (e instanceof Column c) {
      if (isBoolWord(c)) {
        return new Expr.Literal(Boolean.parseBoolean(c.getColumnName().toLowerCase(Locale.ROOT)));
      }
      return new Expr.ColumnRef(ident(c.getColumnName()));
    } else if (e instanceof Function f) {
      return new Expr.Call(f.getName().toLowerCase(Locale.ROOT),
          f.getParameters() == null ? List.of() : exprs(f.getParameters(), tokens));
    } else if (e instanceof Parenthesis p) {
      return expr(p.getExpression(), tokens);
    }
    throw SqlParser.unsupported("expression " + e);
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
