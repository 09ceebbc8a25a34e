package io.snapsync.core.sql.engine;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.exec.PlanNode;
import io.snapsync.core.sql.engine.expr.Prefetch;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A planned query, immutable and cached: result columns and parameter types (from the
 * analyzer, the single source for Describe and Execute), the operator tree, what it needs
 * fetched first, and the table definitions it was planned against.
 */
public record PreparedQuery(List<Column> columns, List<DataType> paramTypes, int[] paramNumbers,
    PlanNode root,
    Prefetch prefetch, Map<String, TableDef> dependencies) {

  public PreparedQuery {
    columns = List.copyOf(columns);
    paramTypes = List.copyOf(paramTypes);
    dependencies = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(dependencies));
  }

  /**
   * True when every table this plan read is defined exactly as {@code txn} sees it now (DDL is
   * transactional: another transaction's uncommitted table is not visible, so a plan made
   * there is not valid here). Blocking: one point read per table.
   */
  public boolean validFor(StoreTransaction txn) {
    for (Map.Entry<String, TableDef> e : dependencies.entrySet()) {
      if (!Objects.equals(io.snapsync.core.sql.ddl.ViewCatalog.relation(txn, e.getKey()),
          e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
