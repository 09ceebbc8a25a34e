package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.engine.exec.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan needs fetched asynchronously before it runs on the worker: the rows of the
 * system tables it scans and the results of registered SQL functions it calls (these return
 * futures and may use the session). Filled while a plan is built; immutable afterwards.
 */
public final class Prefetch {

  /** A registered-function call whose arguments do not depend on rows. */
  public record Call(SqlFunction function, List<Evaluator> args) {
  }

  private final List<SystemTable> tables = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();

  /** Registers a system-table scan; returns its slot. */
  public int table(SystemTable t) {
    tables.add(t);
    return tables.size() - 1;
  }

  /** Registers a function call; returns its slot. */
  public int call(SqlFunction f, List<Evaluator> args) {
    calls.add(new Call(f, List.copyOf(args)));
    return calls.size() - 1;
  }

  public List<SystemTable> tables() {
    return tables;
  }

  public List<Call> calls() {
    return calls;
  }
}
