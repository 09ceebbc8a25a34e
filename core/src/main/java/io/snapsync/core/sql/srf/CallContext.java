package io.snapsync.core.sql.srf;

import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.core.sql.func.FunctionLibrary;

/**
 * What a set-returning function may use while producing rows: the session's evaluation
 * context (time zone, settings) and the scalar function library (arithmetic, comparisons,
 * casts of its own values). One per call; not thread-safe.
 */
public interface CallContext {

  EvalContext eval();

  FunctionLibrary library();

  /** The executing statement's context (its transaction, cancellation), or null outside one. */
  default io.snapsync.core.sql.engine.exec.ExecContext exec() {
    return null;
  }
}
