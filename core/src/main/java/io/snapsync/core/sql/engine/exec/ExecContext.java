package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.storage.StoreTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one execution of a plan reads: the statement's snapshot-bound store transaction, the
 * bound parameters, the evaluation context for functions, values fetched before execution
 * (system-table rows, registered-function results) and the rows of correlated variables.
 * One per execution; used by one thread.
 */
public final class ExecContext {

  private final StoreTransaction txn;
  private final Object[] params;
  private final EvalContext eval;
  private final List<List<List<Object>>> tableRows;
  private final Object[] callResults;
  private final Map<Integer, Object[]> correlated = new HashMap<>();
  private PlanNode targetScan;
  private byte[] targetKey;

  public ExecContext(StoreTransaction txn, Object[] params, EvalContext eval,
      List<List<List<Object>>> tableRows, Object[] callResults) {
    this.txn = txn;
    this.params = params;
    this.eval = eval;
    this.tableRows = tableRows;
    this.callResults = callResults;
  }

  public StoreTransaction txn() {
    return txn;
  }

  public Object param(int index) {
    return params[index];
  }

  public EvalContext eval() {
    return eval;
  }

  /** Throws 57014 when the statement was cancelled. */
  public void checkCanceled() {
    eval.checkCanceled();
  }

  /** The rows of the system table fetched for slot {@code slot}. */
  public List<List<Object>> tableRows(int slot) {
    return tableRows.get(slot);
  }

  /** The result of the registered-function call fetched for slot {@code slot}. */
  public Object callResult(int slot) {
    return callResults[slot];
  }

  public Object[] correlated(int id) {
    return correlated.get(id);
  }

  public void setCorrelated(int id, Object[] row) {
    correlated.put(id, row);
  }

  /**
   * Makes {@code scan} (the target of an UPDATE or DELETE on a table without a primary key)
   * append each row's {@link io.snapsync.core.sql.exec.RowKey}, and, when {@code onlyKey} is
   * set, read that one row (a re-check).
   */
  public void target(PlanNode scan, byte[] onlyKey) {
    this.targetScan = scan;
    this.targetKey = onlyKey;
  }

  /** True when {@code scan} is the target scan. */
  public boolean isTarget(PlanNode scan) {
    return scan == targetScan;
  }

  /** The one row key the target scan reads, or null. */
  public byte[] targetKey() {
    return targetKey;
  }
}
