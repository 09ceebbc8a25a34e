package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/** Builds the {@link FunctionScanNode} of a table function scan of an {@link SrfOperator}. */
public final class SrfPlans {

  private SrfPlans() {
  }

  /** True when {@code scan} calls set-returning functions of {@link TableFunctions}. */
  public static boolean handles(TableFunctionScan scan) {
    return scan.getCall() instanceof RexCall c && c.getOperator() instanceof SrfOperator;
  }

  /** The operator running {@code scan}, its arguments compiled by {@code compile}. */
  public static PlanNode build(TableFunctionScan scan,
      Function<List<RexNode>, List<Evaluator>> compile, FunctionLibrary library) {
    RexCall call = (RexCall) scan.getCall();
    SrfOperator op = (SrfOperator) call.getOperator();
    List<FunctionScanNode.Call> calls = new ArrayList<>();
    int at = 0;
    for (SrfOperator.BoundMember m : op.members()) {
      int n = m.actualTypes().size();
      calls.add(new FunctionScanNode.Call(op.getName(), m.bound(),
          compile.apply(call.getOperands().subList(at, at + n)), m.actualTypes()));
      at += n;
    }
    return new FunctionScanNode(calls, op.ordinality(), library);
  }
}
