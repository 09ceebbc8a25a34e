package io.snapsync.core.sql.srf;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Set-returning functions in a select list, with PostgreSQL 10's semantics: the calls of one
 * select list run in lockstep (the shorter padded with NULL) once per input row, as one
 * lateral call of the FROM clause zipping them; each call in the list becomes a column of it.
 * {@code SELECT generate_series(1, 3)} is {@code SELECT srf.c1 FROM LATERAL
 * generate_series(1, 3) srf(c1)}. A set-returning function inside CASE or COALESCE is 0A000,
 * as in PostgreSQL. Static.
 */
final class SelectListSrfs {

  static final String ALIAS = "srf$";

  private SelectListSrfs() {
  }

  static void rewrite(SqlSelect s) {
    List<SqlBasicCall> found = new ArrayList<>();
    for (SqlNode item : s.getSelectList()) {
      collect(item, found, null);
    }
    if (found.isEmpty()) {
      return;
    }
    if (s.getWindowList().size() > 0) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.srf.with_grouping");
    }
    if (GroupedSelectSrfs.grouped(s)) {
      GroupedSelectSrfs.rewrite(s, SelectListSrfs::isSrf);
      rewrite(s);
      return;
    }
    SqlParserPos pos = s.getParserPosition();
    List<SrfOperator.Member> members = new ArrayList<>();
    List<SqlNode> operands = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<SqlNode, SqlNode> replace = new IdentityHashMap<>();
    for (SqlBasicCall c : found) {
      SetReturningFunction fn = TableFunctions.find(
          SrfRewrite.name(c.getOperator().getNameAsId()));
      members.add(new SrfOperator.Member(fn, c.operandCount(), !fn.baseTypeResult()));
      operands.addAll(c.getOperandList());
      String col = "c" + (names.size() + 1);
      names.add(col);
      replace.put(c, new SqlIdentifier(List.of(ALIAS, col), c.getParserPosition()));
    }
    SrfOperator op = new SrfOperator(members, null, false, ALIAS, names);
    SqlNode item = SqlStdOperatorTable.AS.createCall(pos,
        SqlStdOperatorTable.LATERAL.createCall(pos, SqlStdOperatorTable.COLLECTION_TABLE
            .createCall(pos, op.createCall(pos, operands))),
        new SqlIdentifier(ALIAS, pos));
    s.setFrom(s.getFrom() == null ? item : new SqlJoin(pos, s.getFrom(),
        SqlLiteral.createBoolean(false, pos), JoinType.COMMA.symbol(pos), item,
        JoinConditionType.NONE.symbol(pos), null));
    SqlNodeList list = new SqlNodeList(pos);
    for (SqlNode n : s.getSelectList()) {
      SqlNode named = n;
      if (replace.containsKey(n)) {
        // a bare call keeps its name as the output column's
        named = SqlStdOperatorTable.AS.createCall(n.getParserPosition(), replace.get(n),
            new SqlIdentifier(((SqlBasicCall) n).getOperator().getName().toLowerCase(
                java.util.Locale.ROOT), n.getParserPosition()));
      } else {
        named = n.accept(new SqlShuttle() {
          @Override
          public SqlNode visit(SqlCall call) {
            SqlNode r = replace.get(call);
            return r != null ? r : super.visit(call);
          }
        });
      }
      list.add(named);
    }
    s.setSelectList(list);
  }

  /** True when {@code n} is a call of a set-returning function. */
  static boolean isSrf(SqlNode n) {
    return n instanceof SqlBasicCall b && b.getOperator() instanceof SqlUnresolvedFunction
        && TableFunctions.find(SrfRewrite.name(b.getOperator().getNameAsId())) != null;
  }

  /**
   * Adds the set-returning calls of {@code n} to {@code found}, not looking into sub-queries;
   * {@code context} is the enclosing construct that forbids them (CASE, COALESCE) or null.
   */
  private static void collect(SqlNode n, List<SqlBasicCall> found, String context) {
    if (!(n instanceof SqlCall call) || n instanceof SqlSelect
        || n.getKind() == SqlKind.SELECT || n.getKind().belongsTo(SqlKind.QUERY)) {
      return;
    }
    if (isSrf(call)) {
      SqlBasicCall b = (SqlBasicCall) call;
      if ("nested".equals(context)) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.srf.nested");
      }
      if (context != null) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.srf.not_allowed_in",
            context).withHint("engine.srf.not_allowed_in.hint");
      }
      for (SqlNode arg : call.getOperandList()) {
        collect(arg, new ArrayList<>(), "nested");
      }
      found.add(b);
      return;
    }
    String inner = context;
    if (call.getKind() == SqlKind.CASE) {
      inner = "CASE";
    } else if (call.getKind() == SqlKind.COALESCE || call.getOperator().getName()
        .equalsIgnoreCase("coalesce")) {
      inner = "COALESCE";
    }
    for (SqlNode arg : call.getOperandList()) {
      if (arg instanceof SqlNodeList l) {
        for (SqlNode x : l) {
          collect(x, found, inner);
        }
      } else if (arg != null) {
        collect(arg, found, inner);
      }
    }
  }
}
