package io.snapsync.core.sql.access;

import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.AccessStmt;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;

/**
 * Runs the role and privilege statements ({@link AccessStmt}) in the session's transaction, on
 * the database's workers. Thread-safe.
 */
public final class AccessRunner {

  private final Database db;
  private final RoleStatements roles;
  private final GrantStatements grants;

  public AccessRunner(Database db) {
    this.db = db;
    this.roles = new RoleStatements(db);
    this.grants = new GrantStatements(db);
  }

  /** Runs {@code s}; the caller commits the implicit transaction as for any statement. */
  public Future<StatementResult> run(Stmt.Access s, SessionContext ctx) {
    AccessStmt a = (AccessStmt) s;
    TransactionBlock txn = ctx.txn();
    boolean changesAcls = a instanceof AccessStmt.GrantPrivileges
        || a instanceof AccessStmt.AlterOwner
        || (a instanceof AccessStmt.AlterRole r && r.renameTo() != null);
    Future<StoreTransaction> begun = db.blocking(() -> {
      txn.checkWritable(tag(a));
      txn.startQuery();
      return txn.storeTxn();
    });
    if (changesAcls) {
      begun = begun.compose(t -> t.lock(AclStore.changeKey(),
          txn.isolation().snapshotPerTransaction()).map(t));
    }
    return begun.compose(locked -> db.blocking(() -> {
      if (changesAcls && !txn.isolation().snapshotPerTransaction()) {
        txn.startQuery(); // READ COMMITTED: see the change the lock waited for
      }
      StoreTransaction t = txn.storeTxn();
      if (changesAcls) {
        AclStore.markChanged(t);
      }
      if (a instanceof AccessStmt.GrantPrivileges g) {
        return grants.grant(g, ctx, t);
      } else if (a instanceof AccessStmt.AlterOwner o) {
        return grants.alterOwner(o, ctx, t);
      }
      return roles.run(a, ctx);
    }));
  }

  private static String tag(AccessStmt a) {
    if (a instanceof AccessStmt.GrantPrivileges g) {
      return g.grant() ? "GRANT" : "REVOKE";
    } else if (a instanceof AccessStmt.AlterOwner o) {
      return "ALTER " + o.objectKind().name();
    }
    return RoleStatements.tag(a);
  }
}
