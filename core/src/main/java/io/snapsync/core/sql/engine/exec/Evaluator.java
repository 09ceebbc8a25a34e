package io.snapsync.core.sql.engine.exec;

/**
 * A compiled scalar expression over a row. Immutable and thread-safe (state lives in the
 * {@link ExecContext}); NULL is Java null, booleans follow three-valued logic.
 */
@FunctionalInterface
public interface Evaluator {

  Object eval(Object[] row, ExecContext ctx);
}
