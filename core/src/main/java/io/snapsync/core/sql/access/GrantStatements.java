package io.snapsync.core.sql.access;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.parse.AccessStmt;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * GRANT / REVOKE of privileges on tables, schemas and functions, and ALTER ... OWNER TO, with
 * PostgreSQL's rules: the owner (or SYSADMIN, granting as the owner) grants anything; another
 * role grants what it holds WITH GRANT OPTION, as grantor, and is warned about the rest; one
 * holding nothing gets 42501. Lists are stored in the statement's transaction
 * ({@link AclStore}). Blocking: run on a worker.
 */
final class GrantStatements {

  /** The one schema. */
  static final String SCHEMA = "public";

  private final Database db;

  GrantStatements(Database db) {
    this.db = db;
  }

  StatementResult grant(AccessStmt.GrantPrivileges g, SessionContext ctx, StoreTransaction t) {
    AccessCheck.Who who = AccessCheck.Who.of(db, ctx);
    List<String> grantees = new ArrayList<>();
    for (String name : g.grantees()) {
      String r = RoleStatements.resolve(name, ctx);
      if (!r.isEmpty() && !db.services().users().exists(r) && RoleStatements.admin(r) == null) {
        throw RoleStatements.missing(r);
      }
      if (r.isEmpty() && g.grant() && g.grantOption()) {
        throw SnapsyncException.error(SqlState.INVALID_GRANT_OPERATION,
            "privileges.grant_option_to_public");
      }
      grantees.add(r);
    }
    List<Notice> notices = new ArrayList<>();
    for (GrantTargets.Target target : GrantTargets.of(g, t)) {
      Set<Privilege> requested = g.privileges() == null ? Privilege.allFor(target.kind())
          : g.privileges();
      Acl acl = target.current();
      String grantor;
      Set<Privilege> allowed = EnumSet.noneOf(Privilege.class);
      if (who.owns(target.owner())) {
        grantor = target.owner() != null ? target.owner()
            : target.kind() == ObjectKind.TABLE ? who.user() : SchemaAccess.grantor(null);
        allowed.addAll(requested);
      } else {
        Set<Privilege> grantable = acl.held(who::actsAs, true);
        if (acl.held(who::actsAs, false).isEmpty()) {
          throw AccessCheck.denied(target.kind(), target.display());
        }
        grantor = who.user();
        allowed.addAll(requested);
        allowed.retainAll(grantable);
        if (allowed.isEmpty()) {
          notices.add(Notice.of(Severity.WARNING, g.grant() ? SqlState.PRIVILEGE_NOT_GRANTED
              : SqlState.PRIVILEGE_NOT_REVOKED,
              g.grant() ? "privileges.none_granted" : "privileges.none_revoked", target.display()));
          continue;
        }
        if (g.privileges() != null && !allowed.equals(requested)) {
          notices.add(Notice.of(Severity.WARNING, g.grant() ? SqlState.PRIVILEGE_NOT_GRANTED
              : SqlState.PRIVILEGE_NOT_REVOKED,
              g.grant() ? "privileges.not_all_granted" : "privileges.not_all_revoked",
              target.display()));
        }
      }
      for (String grantee : grantees) {
        acl = g.grant() ? acl.grant(grantee, allowed, g.grantOption(), grantor)
            : acl.revoke(grantee, allowed, g.grantOption(), grantor);
      }
      AclStore.put(t, target.kind(), target.name(),
          new AclStore.Entry(target.ownerStoredWithList(t) ? target.owner() : null, acl));
    }
    return new StatementResult(List.of(), List.of(), g.grant() ? "GRANT" : "REVOKE", notices);
  }

  StatementResult alterOwner(AccessStmt.AlterOwner a, SessionContext ctx, StoreTransaction t) {
    AccessCheck.Who who = AccessCheck.Who.of(db, ctx);
    String owner = RoleStatements.resolve(a.owner(), ctx);
    GrantTargets.Target target = GrantTargets.of(a.objectKind(), a.name(), t);
    if (!who.owns(target.owner())) {
      throw AccessCheck.notOwner(target.kind(), target.display());
    }
    if (!db.services().users().exists(owner)) {
      throw RoleStatements.missing(owner);
    }
    if (!who.superuser() && !who.actsAs(owner)) {
      throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "privileges.must_be_member",
          owner);
    }
    String previous = target.kind() == ObjectKind.SCHEMA || target.kind() == ObjectKind.FUNCTION
        ? SchemaAccess.grantor(target.owner()) : target.owner();
    Acl acl = target.acl() == null || previous == null ? target.acl()
        : target.acl().renameRole(previous, owner);
    io.snapsync.core.sql.ddl.ViewDef view = target.kind() == ObjectKind.TABLE
        ? io.snapsync.core.sql.ddl.ViewCatalog.find(t, target.name()) : null;
    if (view != null) {
      io.snapsync.core.sql.ddl.ViewCatalog.put(t, view.withOwner(owner));
      if (acl != null) {
        AclStore.put(t, ObjectKind.TABLE, target.name(), new AclStore.Entry(null, acl));
      }
    } else if (target.table() != null) {
      TableCatalog.setOwner(t, target.table(), owner);
      if (acl != null) {
        AclStore.put(t, ObjectKind.TABLE, target.name(), new AclStore.Entry(null, acl));
      }
    } else if (target.routine() != null) {
      io.snapsync.core.sql.routine.RoutineCatalog.put(t, target.routine().withOwner(owner));
      if (acl != null) {
        AclStore.put(t, ObjectKind.FUNCTION, target.name(), new AclStore.Entry(null, acl));
      }
    } else if (target.kind() == ObjectKind.SCHEMA
        && io.snapsync.core.sql.ddl.SchemaCatalog.find(t, target.name()) != null) {
      io.snapsync.core.sql.ddl.SchemaCatalog.put(t,
          io.snapsync.core.sql.ddl.SchemaCatalog.find(t, target.name()).ownedBy(owner));
      if (acl != null) {
        AclStore.put(t, ObjectKind.SCHEMA, target.name(), new AclStore.Entry(null, acl));
      }
    } else {
      AclStore.put(t, target.kind(), target.name(), new AclStore.Entry(owner, acl));
    }
    return StatementResult.command("ALTER " + a.objectKind().name());
  }

}
