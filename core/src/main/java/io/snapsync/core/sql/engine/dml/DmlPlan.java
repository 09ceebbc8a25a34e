package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.Objects;

/**
 * An analyzed INSERT, UPDATE or DELETE, immutable and cached by text: the target table as it
 * was analyzed, and the engine queries that find what to write.
 *
 * <ul>
 *   <li>INSERT: {@code read} is the source (VALUES or a query); its column {@code i} goes to
 *       table column {@code targets[i]}.
 *   <li>UPDATE: {@code read} returns every table column of each matching row, then one value
 *       per assignment, which goes to table column {@code targets[j]}.
 *   <li>DELETE: {@code read} returns every table column of each matching row.
 * </ul>
 *
 * <p>{@code recheck} (UPDATE, DELETE) is {@code read} restricted to one row by its primary
 * key, bound as parameter {@code $(pkParam + 1)}: READ COMMITTED's re-evaluation of a row that
 * changed while the statement waited for its lock. {@code returning} is null without RETURNING.
 */
record DmlPlan(Kind kind, TableDef table, PreparedQuery read, PreparedQuery recheck,
    int[] targets, int pkParam, Returning returning, Upsert upsert) {

  /**
   * ON CONFLICT (on the primary key) of an INSERT; {@code update} null for DO NOTHING. For DO
   * UPDATE, {@code update} returns the conflicting row's columns, then one value per
   * assignment (to table column {@code targets[j]}), given the proposed row as parameters
   * {@code firstParam ...} ({@code excluded}) and the key as the parameter after them.
   */
  record Upsert(PreparedQuery update, int[] targets, int firstParam) {
  }

  /**
   * RETURNING: its output columns; for INSERT and UPDATE the query {@code after} that
   * computes them from a written row (its primary key bound as parameter {@code param}); for
   * DELETE they are the columns of {@code read} after the table's.
   */
  record Returning(java.util.List<io.snapsync.core.session.Column> columns, PreparedQuery after,
      int param) {
  }

  enum Kind {
    INSERT, UPDATE, DELETE
  }

  /** True when the table and every relation the queries read are as {@code txn} sees them. */
  boolean validFor(StoreTransaction txn) {
    return Objects.equals(TableCatalog.find(txn, table.name()), table) && read.validFor(txn)
        && (recheck == null || recheck.validFor(txn))
        && (returning == null || returning.after() == null || returning.after().validFor(txn))
        && (upsert == null || upsert.update() == null || upsert.update().validFor(txn));
  }
}
