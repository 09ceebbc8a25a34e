package io.snapsync.core.sql.srf;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.core.sql.engine.exec.Evaluator;
import io.snapsync.core.sql.engine.exec.ExecContext;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.core.sql.func.FunctionLibrary;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the set-returning functions of one call site: each member's arguments evaluated (and
 * cast to the overload's parameter types) once per open, its rows pulled lazily; several
 * members are zipped in lockstep, the shorter padded with NULL (PostgreSQL's {@code ROWS
 * FROM}); {@code ordinality} appends the 1-based row number (bigint). Immutable, shareable.
 */
public record FunctionScanNode(List<Call> calls, boolean ordinality, FunctionLibrary library)
    implements PlanNode {

  /** One member: its function's name, the bound overload, its compiled arguments and their actual types. */
  public record Call(String name, SetReturningFunction.Bound bound, List<Evaluator> args,
      List<DataType> actualTypes) {
  }

  @Override
  public Cursor open(ExecContext ctx) {
    CallContext call = new CallContext() {
      @Override
      public EvalContext eval() {
        return ctx.eval();
      }

      @Override
      public FunctionLibrary library() {
        return library;
      }

      @Override
      public ExecContext exec() {
        return ctx;
      }
    };
    List<RowSource> sources = new ArrayList<>();
    int width = 0;
    for (Call c : calls) {
      sources.add(start(c, ctx, call));
      width += c.bound().columns().size();
    }
    int total = width + (ordinality ? 1 : 0);
    return new Cursor() {
      long n;

      @Override
      public Object[] next() {
        ctx.checkCanceled();
        Object[] row = new Object[total];
        boolean any = false;
        int at = 0;
        for (int i = 0; i < sources.size(); i++) {
          int w = calls.get(i).bound().columns().size();
          RowSource s = sources.get(i);
          Object[] r = s == null ? null : s.next();
          if (r == null) {
            sources.set(i, null);
          } else {
            any = true;
            System.arraycopy(r, 0, row, at, w);
          }
          at += w;
        }
        if (!any) {
          return null;
        }
        if (ordinality) {
          row[at] = ++n;
        }
        return row;
      }

      @Override
      public void close() {
      }
    };
  }

  private static RowSource start(Call c, ExecContext ctx, CallContext call) {
    List<DataType> want = c.bound().argTypes();
    Object[] args = new Object[c.args().size()];
    for (int i = 0; i < args.length; i++) {
      Object v = c.args().get(i).eval(null, ctx);
      DataType from = c.actualTypes().get(i) == DataType.UNKNOWN ? DataType.TEXT
          : c.actualTypes().get(i);
      DataType to = i < want.size() ? want.get(i) : from;
      if (v != null && from != to) {
        v = ValueOps.cast(v, from, to, -1, ctx.eval().timeZone());
      }
      if (v == null && c.bound().strict()) {
        return RowSource.empty();
      }
      args[i] = v;
    }
    return c.bound().rows(args, call);
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Function Scan on " + String.join(", ", calls.stream().map(Call::name).toList());
  }
}
