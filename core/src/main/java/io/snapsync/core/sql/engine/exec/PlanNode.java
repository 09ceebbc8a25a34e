package io.snapsync.core.sql.engine.exec;

import java.util.List;

/**
 * One operator of a compiled plan. Immutable and shareable between executions (plans are
 * cached); {@link #open} starts one execution's {@link Cursor}.
 */
public interface PlanNode {

  Cursor open(ExecContext ctx);

  /** Inputs, for EXPLAIN and tests. */
  List<PlanNode> inputs();

  /** A one-line description of the operator, for EXPLAIN. */
  String describe();
}
