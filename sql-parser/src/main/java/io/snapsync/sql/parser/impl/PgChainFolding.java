package io.snapsync.sql.parser.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil.ToTreeListItem;

/**
 * Keeps the grammar's flat operator/operand lists short. Calcite turns such a list into a
 * tree with a precedence parser that rescans the whole list for every operator, so a
 * 10,000-term chain costs 10^8 steps; once a list passes {@link #FOLD_AT} items this class
 * reduces it by operator precedence (shift-reduce, exactly the tree the precedence parser
 * would build) before each further operator is added, which keeps every list short and the
 * whole parse linear.
 *
 * <p>Only lists made of operands and plain binary, prefix and postfix operators are folded,
 * and not the right-hand side of LIKE, SIMILAR TO or {@code ~} (which the grammar parses as
 * a list of its own that Calcite joins to the outer one afterwards); any other list is left
 * to Calcite as is. Short lists are never touched, so ordinary statements get exactly the
 * base grammar's trees.
 */
final class PgChainFolding {

  /** Lists up to this long are left alone. */
  static final int FOLD_AT = 64;

  private PgChainFolding() {
  }

  /** Called before operator {@code next} is appended to {@code list}. */
  static void beforeShift(Object parser, List<Object> list, SqlOperator next) {
    if (list.size() <= FOLD_AT || !(parser instanceof PgSqlParser)) {
      return;
    }
    PgSqlParser p = (PgSqlParser) parser;
    Set<List<Object>> refused = p.unfoldableLists();
    if (refused.contains(list)) {
      return;
    }
    if (!plain(list) || p.followsPatternOperator(position(list.get(0)))) {
      refused.add(list);
      return;
    }
    List<Object> out = new ArrayList<>(FOLD_AT);
    for (Object item : list) {
      if (item instanceof ToTreeListItem) {
        SqlOperator op = ((ToTreeListItem) item).getOperator();
        if (op.getSyntax() == SqlSyntax.BINARY) {
          reduce(out, op);
          out.add(item);
        } else if (op.getSyntax() == SqlSyntax.POSTFIX) {
          reduce(out, op);
          SqlNode operand = (SqlNode) out.remove(out.size() - 1);
          out.add(op.createCall(operand.getParserPosition().plus(
              ((ToTreeListItem) item).getPos()), operand));
        } else {
          out.add(item);
        }
      } else {
        out.add(item);
      }
    }
    reduce(out, next);
    list.clear();
    list.addAll(out);
  }

  /** Reduces the tail while its operator binds at least as tightly as {@code next}. */
  private static void reduce(List<Object> out, SqlOperator next) {
    while (out.size() >= 2) {
      int n = out.size();
      if (!(out.get(n - 1) instanceof SqlNode) || !(out.get(n - 2) instanceof ToTreeListItem)) {
        return;
      }
      ToTreeListItem item = (ToTreeListItem) out.get(n - 2);
      SqlOperator op = item.getOperator();
      if (op.getRightPrec() <= next.getLeftPrec()) {
        return;
      }
      SqlNode y = (SqlNode) out.get(n - 1);
      if (op.getSyntax() == SqlSyntax.PREFIX) {
        out.remove(n - 1);
        out.set(n - 2, op.createCall(item.getPos().plus(y.getParserPosition()), y));
      } else if (n >= 3 && out.get(n - 3) instanceof SqlNode) {
        SqlNode x = (SqlNode) out.get(n - 3);
        out.remove(n - 1);
        out.remove(n - 2);
        out.set(n - 3, op.createCall(x.getParserPosition().plus(y.getParserPosition()), x, y));
      } else {
        return;
      }
    }
  }

  /** True when every operator in the list is a plain binary, prefix or postfix one. */
  private static boolean plain(List<Object> list) {
    boolean operandBefore = false;
    for (Object item : list) {
      if (item instanceof ToTreeListItem) {
        SqlSyntax syntax = ((ToTreeListItem) item).getOperator().getSyntax();
        if (syntax == SqlSyntax.PREFIX && operandBefore
            || syntax != SqlSyntax.BINARY && syntax != SqlSyntax.PREFIX
            && syntax != SqlSyntax.POSTFIX) {
          return false;
        }
        operandBefore = syntax == SqlSyntax.POSTFIX;
      } else if (item instanceof SqlNode) {
        operandBefore = true;
      } else {
        return false;
      }
    }
    return true;
  }

  private static SqlParserPos position(Object item) {
    return item instanceof ToTreeListItem ? ((ToTreeListItem) item).getPos()
        : ((SqlNode) item).getParserPosition();
  }

  /** A new identity set of lists. */
  static Set<List<Object>> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }
}
