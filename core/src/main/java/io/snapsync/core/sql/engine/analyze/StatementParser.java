package io.snapsync.core.sql.engine.analyze;

import io.snapsync.core.sql.parse.CalciteParse;
import io.snapsync.sql.parser.ast.PgDynamicParam;
import io.snapsync.sql.parser.ast.PgOperators;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The engine's one parser of queries and INSERT, UPDATE, DELETE: the project's grammar
 * ({@code io.snapsync.sql.parser.PgParser}), its syntax errors as 42601 with PostgreSQL's
 * position. The parsed tree is then made ready for the validator: each {@code $n}
 * ({@link PgDynamicParam}) becomes a positional parameter numbered in visiting order, its
 * PostgreSQL number kept in {@link Analyzer.Parsed#paramNumbers}, and {@code COLLATE} is
 * dropped (snapsync has one collation). Static; CPU work for a worker thread.
 */
final class StatementParser {

  private StatementParser() {
  }

  static Analyzer.Parsed parse(String sql) {
    SqlNode node = CalciteParse.parse(sql);
    List<Integer> numbers = new ArrayList<>();
    SqlNode ready = node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlDynamicParam param) {
        int number = param instanceof PgDynamicParam p ? p.number() - 1 : numbers.size();
        numbers.add(number);
        return new SqlDynamicParam(numbers.size() - 1, param.getParserPosition());
      }

      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlLiteral literal) {
        SqlNode cast = DateTimeLiterals.rewrite(literal);
        return cast != null ? cast : super.visit(literal);
      }

      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof org.apache.calcite.sql.SqlLambda lambda) {
          SqlNode json = JsonLambdas.rewrite(lambda);
          if (json != null) {
            return json.accept(this);
          }
        }
        if (call.getOperator() == PgOperators.COLLATE) {
          return call.operand(0).accept(this);
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlLikeOperator like
            && call.operandCount() == 2
            && call.operand(1) instanceof SqlCall q
            && q.getOperator() instanceof io.snapsync.sql.parser.ast.PgQuantified pq) {
          return new PgLikeQuantified(like, pq.isAll()).createCall(call.getParserPosition(),
              call.operand(0).accept(this), q.operand(0).accept(this));
        }
        if (call.getOperator() instanceof org.apache.calcite.sql.fun.SqlQuantifyOperator q
            && call.operandCount() == 2) {
          SqlNode arg = call.operand(1) instanceof org.apache.calcite.sql.SqlNodeList list
              && list.size() == 1 ? list.get(0) : call.operand(1);
          if (arg instanceof org.apache.calcite.sql.SqlCharStringLiteral lit) {
            return new PgQuantifiedLiteral(q.comparisonKind, call.getKind() == SqlKind.ALL)
                .createCall(call.getParserPosition(), call.operand(0).accept(this), lit);
          }
        }
        SqlNode expr = ExprRewrites.rewrite(call, this);
        if (expr != null) {
          return expr;
        }
        SqlNode reg = io.snapsync.core.sql.catalog.RegCasts.rewrite(call, this);
        return reg != null ? reg : super.visit(call);
      }
    });
    return new Analyzer.Parsed(ready, sql, numbers.stream().mapToInt(Integer::intValue).toArray());
  }
}
