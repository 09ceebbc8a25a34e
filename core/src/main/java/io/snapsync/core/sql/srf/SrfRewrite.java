package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.ddl.ColumnType;
import io.snapsync.sql.parser.ast.PgFromFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Prepares a parsed query's set-returning functions for validation, in place: each function
 * of {@link TableFunctions} in FROM becomes an implicitly lateral call of a new
 * {@link SrfOperator} (with its {@code WITH ORDINALITY} and column definition list), and the
 * select list's set-returning calls become columns of one lateral call zipping them
 * ({@link SelectListSrfs}). Static; runs on the worker analyzing the statement.
 */
public final class SrfRewrite {

  private SrfRewrite() {
  }

  /** Rewrites {@code node} and every query nested in it. */
  public static void apply(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        apply(n);
      }
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call instanceof SqlSelect s) {
      if (s.getFrom() != null) {
        s.setFrom(from(s.getFrom()));
      }
      SelectListSrfs.rewrite(s);
    }
    for (SqlNode operand : call.getOperandList()) {
      apply(operand);
    }
  }

  /** A FROM item with its set-returning function calls made {@link SrfOperator} calls. */
  static SqlNode from(SqlNode item) {
    if (item instanceof org.apache.calcite.sql.SqlJoin j) {
      j.setLeft(from(j.getLeft()));
      j.setRight(from(j.getRight()));
      return j;
    }
    if (item.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) item;
      SqlNode fn = function(as.operand(0), as.getOperandList().subList(1, as.operandCount()));
      return fn == null ? item : fn;
    }
    SqlNode fn = function(item, List.of());
    return fn == null ? item : fn;
  }

  /**
   * The call {@code item} (a table call, maybe WITH ORDINALITY, maybe LATERAL) with its alias
   * operands {@code alias} (none, or the alias and its column names or definitions), or null
   * when {@code item} is no set-returning function.
   */
  private static SqlNode function(SqlNode item, List<SqlNode> alias) {
    SqlNode inner = item;
    if (inner.getKind() == SqlKind.LATERAL) {
      inner = ((SqlCall) inner).operand(0);
    }
    boolean ordinality = false;
    if (inner instanceof SqlCall c && c.getOperator() == PgFromFunction.WITH_ORDINALITY) {
      ordinality = true;
      inner = c.operand(0);
    }
    SetReturningFunction fn = null;
    List<SqlNode> args = null;
    SqlParserPos pos = inner.getParserPosition();
    if (inner.getKind() == SqlKind.UNNEST && inner instanceof SqlCall u
        && u.getOperandList().stream().noneMatch(o -> o.getKind().belongsTo(SqlKind.QUERY))) {
      fn = TableFunctions.find("unnest");
      ordinality |= u.getOperator() == SqlStdOperatorTable.UNNEST_WITH_ORDINALITY;
      args = u.getOperandList();
    } else if (inner.getKind() == SqlKind.COLLECTION_TABLE
        && ((SqlCall) inner).operand(0) instanceof SqlBasicCall call
        && call.getOperator() instanceof SqlUnresolvedFunction) {
      fn = TableFunctions.findInFrom(name(call.getOperator().getNameAsId()));
      args = call.getOperandList();
      pos = call.getParserPosition();
    }
    if (fn == null) {
      if (ordinality) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.srf.ordinality");
      }
      return null;
    }
    List<Column> declared = null;
    List<String> aliases = new ArrayList<>();
    if (!alias.isEmpty()) {
      List<SqlNode> cols = alias.subList(1, alias.size());
      if (cols.stream().anyMatch(n -> n instanceof SqlDataTypeSpec)) {
        declared = new ArrayList<>();
        for (int i = 0; i + 1 < cols.size(); i += 2) {
          String col = ((SqlIdentifier) cols.get(i)).getSimple();
          ColumnType t = ColumnType.of((SqlDataTypeSpec) cols.get(i + 1));
          declared.add(new Column(col, t.type(), t.typmod()));
        }
      } else {
        cols.forEach(n -> aliases.add(((SqlIdentifier) n).getSimple()));
        if (cols.isEmpty() && fn.baseTypeResult()) {
          // "FROM generate_series(1, 3) g": the one column takes the alias's name
          aliases.add(((SqlIdentifier) alias.get(0)).getSimple());
        }
      }
    }
    SrfOperator op = new SrfOperator(List.of(new SrfOperator.Member(fn, args.size())),
        declared, ordinality, alias.isEmpty() ? fn.name()
        : ((SqlIdentifier) alias.get(0)).getSimple(), aliases);
    SqlNode table = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos,
        op.createCall(pos, args));
    SqlNode lateral = SqlStdOperatorTable.LATERAL.createCall(pos, table);
    return alias.isEmpty() ? lateral
        : SqlStdOperatorTable.AS.createCall(pos, lateral, alias.get(0));
  }

  /** The function name of {@code id} ({@code f} or {@code pg_catalog.f}), lower case. */
  static String name(SqlIdentifier id) {
    if (id.names.size() == 2 && !id.names.get(0).equalsIgnoreCase("pg_catalog")
        || id.names.size() > 2) {
      return null;
    }
    return id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
  }
}
