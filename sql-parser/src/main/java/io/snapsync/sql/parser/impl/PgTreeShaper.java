package io.snapsync.sql.parser.impl;

import io.snapsync.sql.parser.PgParser;
import io.snapsync.sql.parser.PgSyntaxException;
import io.snapsync.sql.parser.ast.PgDynamicParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * What happens to a parsed tree before the parser returns it, all without recursion so no
 * input can exhaust the stack here:
 * <ol>
 *   <li>{@code $n} parameters (lexed as {@code ?}) become {@link PgDynamicParam}s with their n;
 *   <li>long AND / OR chains (a 10,000-term WHERE) become balanced trees, so the tree's depth
 *       grows with the logarithm of their length (AND and OR are associative);
 *   <li>a tree still deeper than {@link PgParser#MAX_TREE_DEPTH} is refused.
 * </ol>
 */
final class PgTreeShaper {

  /** Chains longer than this are rebalanced; shorter ones keep the parser's left-deep shape. */
  static final int BALANCE_THRESHOLD = 64;

  private PgTreeShaper() {
  }

  static SqlNode shape(SqlNode node, List<Integer> paramNumbers, PgPrescan prescan) {
    if (node == null) {
      return null;
    }
    balanceBooleanChains(node);
    checkDepth(node, prescan);
    if (!paramNumbers.isEmpty()) {
      node = node.accept(new Renumber(paramNumbers));
    }
    return node;
  }

  private static final class Renumber extends SqlShuttle {
    private final List<Integer> numbers;

    Renumber(List<Integer> numbers) {
      this.numbers = numbers;
    }

    @Override
    public SqlNode visit(SqlDynamicParam param) {
      int k = param.getIndex();
      if (param instanceof PgDynamicParam || k >= numbers.size()) {
        return param;
      }
      return new PgDynamicParam(numbers.get(k), param.getParserPosition());
    }
  }

  private static void balanceBooleanChains(SqlNode root) {
    Deque<SqlNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      SqlNode n = pending.pop();
      if (n instanceof SqlBasicCall && isChainKind(n.getKind())) {
        SqlBasicCall call = (SqlBasicCall) n;
        List<SqlNode> terms = flatten(call);
        if (terms.size() > BALANCE_THRESHOLD) {
          int mid = terms.size() / 2;
          call.setOperand(0, build(call, terms, 0, mid));
          call.setOperand(1, build(call, terms, mid, terms.size()));
        }
        for (SqlNode t : terms) {
          pending.push(t);
        }
      } else {
        pushChildren(n, pending);
      }
    }
  }

  private static boolean isChainKind(SqlKind kind) {
    return kind == SqlKind.AND || kind == SqlKind.OR;
  }

  /** The operands of the maximal same-operator binary subtree under {@code call}, in order. */
  private static List<SqlNode> flatten(SqlBasicCall call) {
    List<SqlNode> terms = new ArrayList<>();
    Deque<SqlNode> stack = new ArrayDeque<>();
    stack.push(call);
    while (!stack.isEmpty()) {
      SqlNode n = stack.pop();
      if (n instanceof SqlBasicCall && n.getKind() == call.getKind()
          && ((SqlBasicCall) n).operandCount() == 2) {
        SqlBasicCall c = (SqlBasicCall) n;
        stack.push(c.operand(1));
        stack.push(c.operand(0));
      } else {
        terms.add(n);
      }
    }
    return terms;
  }

  /** A balanced tree of {@code call}'s operator over terms[from, to); depth log2(to - from). */
  private static SqlNode build(SqlBasicCall call, List<SqlNode> terms, int from, int to) {
    if (to - from == 1) {
      return terms.get(from);
    }
    // Built bottom-up, level by level, so that even this step does not recurse.
    List<SqlNode> level = new ArrayList<>(terms.subList(from, to));
    while (level.size() > 1) {
      List<SqlNode> next = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        SqlNode a = level.get(i);
        SqlNode b = level.get(i + 1);
        SqlParserPos pos = a.getParserPosition().plus(b.getParserPosition());
        next.add(call.getOperator().createCall(pos, a, b));
      }
      if (level.size() % 2 == 1) {
        next.add(level.get(level.size() - 1));
      }
      level = next;
    }
    return level.get(0);
  }

  private static void checkDepth(SqlNode root, PgPrescan prescan) {
    Deque<SqlNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      SqlNode n = nodes.pop();
      int d = depths.pop();
      if (d > PgParser.MAX_TREE_DEPTH) {
        int pos = n.getParserPosition() == SqlParserPos.ZERO ? 1
            : prescanPosition(n.getParserPosition(), prescan);
        PgPrescan.Tok t = prescan.at(pos);
        throw new PgSyntaxException(PgSyntaxException.Kind.TOO_DEEP,
            t == null ? "" : t.image(), pos);
      }
      int before = nodes.size();
      pushChildren(n, nodes);
      for (int i = nodes.size(); i > before; i--) {
        depths.push(d + 1);
      }
    }
  }

  private static int prescanPosition(SqlParserPos pos, PgPrescan prescan) {
    return prescan.positionOf(pos.getLineNum(), pos.getColumnNum());
  }

  private static void pushChildren(SqlNode n, Deque<SqlNode> pending) {
    if (n instanceof SqlNodeList) {
      for (SqlNode c : (SqlNodeList) n) {
        if (c != null) {
          pending.push(c);
        }
      }
    } else if (n instanceof SqlCall) {
      for (SqlNode c : ((SqlCall) n).getOperandList()) {
        if (c != null) {
          pending.push(c);
        }
      }
    }
  }
}
