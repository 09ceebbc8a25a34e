package io.snapsync.core.sql.func;

import io.snapsync.core.session.DataType;
import java.util.List;

/**
 * One overload of an aggregate ({@code sum(int4) → int8}, {@code avg(int4) → numeric},
 * {@code string_agg(text, text)}, ...). DISTINCT, FILTER and ORDER BY inside the call are the
 * executor's business: it feeds {@link Accumulator#add} only the rows that count.
 */
public interface AggregateFunction {

  String name();

  List<DataType> argTypes();

  DataType returnType();

  /** True when rows with a NULL argument are skipped (every standard aggregate but count(*)). */
  boolean strict();

  Accumulator newAccumulator(EvalContext ctx);

  /** The running state of one group. Not thread-safe; one per group. */
  interface Accumulator {
    void add(Object[] args);

    /** The aggregate's value; NULL for an empty group except count. */
    Object result();
  }
}
