package io.snapsync.core.sql.engine.exec;

import java.util.List;

/**
 * An operator wrapped for EXPLAIN ANALYZE: counts the executions ({@code loops}) and rows of
 * {@code inner} and the time spent in them (its inputs' time included, as PostgreSQL's
 * {@code actual time}). Only in plans built for EXPLAIN ANALYZE, never cached; one execution
 * at a time.
 */
public final class InstrumentedNode implements PlanNode {

  private final PlanNode inner;
  private long loops;
  private long rows;
  private long firstRowNanos = -1;
  private long totalNanos;

  public InstrumentedNode(PlanNode inner) {
    this.inner = inner;
  }

  public PlanNode inner() {
    return inner;
  }

  public long loops() {
    return loops;
  }

  public long rows() {
    return rows;
  }

  /** Milliseconds to the first row of the first execution (0 when none came). */
  public double startupMillis() {
    return Math.max(0, firstRowNanos) / 1e6;
  }

  public double totalMillis() {
    return totalNanos / 1e6;
  }

  @Override
  public Cursor open(ExecContext ctx) {
    long start = System.nanoTime();
    loops++;
    Cursor c = inner.open(ctx);
    totalNanos += System.nanoTime() - start;
    return new Cursor() {
      @Override
      public Object[] next() {
        long t0 = System.nanoTime();
        Object[] row = c.next();
        long t1 = System.nanoTime();
        totalNanos += t1 - t0;
        if (row != null) {
          rows++;
          if (firstRowNanos < 0) {
            firstRowNanos = t1 - start;
          }
        }
        return row;
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }

  @Override
  public List<PlanNode> inputs() {
    return inner.inputs();
  }

  @Override
  public String describe() {
    return inner.describe();
  }
}
