package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * DROP VIEW [IF EXISTS] a, b [CASCADE | RESTRICT] in the session's transaction, with
 * PostgreSQL's texts for a missing view, a relation that is not a view and dependent views.
 * Thread-safe.
 */
final class ViewDrops {

  private final Database db;
  private final RowLocks locks;

  ViewDrops(Database db, RowLocks locks) {
    this.db = db;
    this.locks = locks;
  }

  Future<StatementResult> drop(DdlStatement.Drop d, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = d.names().stream().map(ViewCatalog::key).toList();
    return db.blocking(() -> {
      txn.checkWritable(d.tag());
      txn.startQuery();
      txn.storeTxn();
      return null;
    }).compose(v -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          List<Notice> notices = new ArrayList<>();
          List<String> found = new ArrayList<>();
          for (String name : d.names()) {
            ViewDef view = ViewCatalog.find(t, name);
            if (view != null) {
              AccessCheck.requireOwner(db, ctx, view.asRelation());
              found.add(name);
              continue;
            }
            if (TableCatalog.find(t, name) != null) {
              throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE, "ddl.not_a_view", name)
                  .withHint("ddl.not_a_view.table_hint");
            }
            if (db.executor().ddl().sequences().find(t, name) != null) {
              throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE, "ddl.not_a_view", name)
                  .withHint("ddl.not_a_view.sequence_hint");
            }
            if (!d.ifExists()) {
              throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.view_not_exist",
                  name);
            }
            notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.view_not_exist_skipping",
                name));
          }
          if (!found.isEmpty()) {
            notices.addAll(ViewDependents.dropFor(t, txn, "view", found, d.cascade()));
          }
          for (String name : found) {
            ViewCatalog.delete(t, name);
            AclStore.forget(t, ObjectKind.TABLE, name);
            txn.markDeleted(ViewCatalog.key(name));
          }
          return new StatementResult(List.of(), List.of(), d.tag(), notices);
        }));
  }
}
