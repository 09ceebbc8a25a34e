package io.snapsync.core.sql.cursor;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.engine.exec.Cursor;
import io.snapsync.storage.Snapshot;
import io.snapsync.storage.SnapshotPin;
import io.snapsync.storage.StoreTransaction;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open SQL cursor: its query's rows, pulled from the engine's operators as FETCH needs
 * them, under the snapshot the query took when it was declared (pinned until the cursor
 * closes or is materialized). A holdable cursor reads its remaining rows into memory when its
 * transaction commits and then no longer needs the transaction. Not thread-safe: used by the
 * statements of its session, which run one at a time.
 */
final class SqlCursor {

  private final CursorStmt.Declare declared;
  private final List<Column> columns;
  private final OffsetDateTime created;
  private final ScrollPosition position;
  private StoreTransaction txn;
  private final Snapshot snapshot;
  private SnapshotPin pin;
  private boolean failed;

  SqlCursor(CursorStmt.Declare declared, List<Column> columns, OffsetDateTime created,
      StoreTransaction txn, Snapshot snapshot, SnapshotPin pin, Cursor rows) {
    this.declared = declared;
    this.columns = columns;
    this.created = created;
    this.txn = txn;
    this.snapshot = snapshot;
    this.pin = pin;
    this.position = new ScrollPosition(new ScrollPosition.RowSource() {
      @Override
      public Object[] next() {
        return rows.next();
      }

      @Override
      public void close() {
        rows.close();
      }
    }, declared.scroll() != CursorStmt.Scroll.NO_SCROLL);
  }

  String name() {
    return declared.name();
  }

  CursorStmt.Declare declared() {
    return declared;
  }

  List<Column> columns() {
    return columns;
  }

  OffsetDateTime created() {
    return created;
  }

  boolean holdable() {
    return declared.hold();
  }

  /** True while rows still come from the declaring transaction. */
  boolean live() {
    return txn != null;
  }

  /**
   * Moves as {@code d} says under the cursor's snapshot. Blocking. After a FETCH failed while
   * computing rows the cursor cannot run again (55000, as PostgreSQL's failed portal).
   */
  ScrollPosition.Result fetch(FetchDirection d, boolean collect) {
    if (failed) {
      throw SnapsyncException.error(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "cursor.cannot_run", declared.name());
    }
    try {
      return fetchLive(d, collect);
    } catch (SnapsyncException e) {
      if (!SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.equals(e.sqlState())) {
        failed = true;
      }
      throw e;
    } catch (RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  private ScrollPosition.Result fetchLive(FetchDirection d, boolean collect) {
    if (txn == null) {
      return position.fetch(d, collect);
    }
    Snapshot current = txn.snapshot();
    boolean swap = current.commitSeq() != snapshot.commitSeq();
    if (swap) {
      txn.setSnapshot(snapshot);
    }
    try {
      return position.fetch(d, collect);
    } finally {
      if (swap) {
        txn.setSnapshot(current);
      }
    }
  }

  /** Reads the remaining rows into memory, before its transaction commits. Blocking. */
  void materialize() {
    Snapshot current = txn.snapshot();
    boolean swap = current.commitSeq() != snapshot.commitSeq();
    if (swap) {
      txn.setSnapshot(snapshot);
    }
    try {
      position.materialize();
    } finally {
      if (swap) {
        txn.setSnapshot(current);
      }
    }
    release();
  }

  void close() {
    try {
      position.close();
    } finally {
      release();
    }
  }

  private void release() {
    txn = null;
    if (pin != null) {
      pin.close();
      pin = null;
    }
  }
}
