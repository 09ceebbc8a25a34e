package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;
import java.util.function.Function;

/** A built-in aggregate overload: its signature and a factory of per-group accumulators. */
record Agg(String name, List<DataType> argTypes, DataType returnType, boolean strict,
    Function<EvalContext, Accumulator> factory) implements AggregateFunction {

  Agg {
    argTypes = List.copyOf(argTypes);
  }

  static Agg of(String name, DataType ret, Function<EvalContext, Accumulator> factory,
      DataType... args) {
    return new Agg(name, List.of(args), ret, true, factory);
  }

  /** This aggregate, fed rows with NULL arguments too (count(*), array_agg). */
  Agg lenient() {
    return new Agg(name, argTypes, returnType, false, factory);
  }

  @Override
  public Accumulator newAccumulator(EvalContext ctx) {
    Accumulator inner = factory.apply(ctx);
    if (!strict) {
      return inner;
    }
    return new Accumulator() {
      @Override
      public void add(Object[] args) {
        for (Object a : args) {
          if (a == null) {
            return;
          }
        }
        inner.add(args);
      }

      @Override
      public Object result() {
        return inner.result();
      }
    };
  }

  @Override
  public String toString() {
    return name + argTypes + " -> " + returnType;
  }
}
