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

  /** One object the statement applies to: its owner and current list (null: the default). */
  private record Target(ObjectKind kind, String name, String owner, Acl acl, TableDef table) {
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
    for (Target target : targets(g, t)) {
      Set<Privilege> requested = g.privileges() == null ? Privilege.allFor(target.kind())
          : g.privileges();
      Acl acl = target.acl() != null ? target.acl()
          : Acl.ownerDefault(target.kind(), target.owner());
      String grantor;
      Set<Privilege> allowed = EnumSet.noneOf(Privilege.class);
      if (who.owns(target.owner())) {
        grantor = target.owner() != null ? target.owner() : who.user();
        allowed.addAll(requested);
      } else {
        Set<Privilege> grantable = acl.held(who::actsAs, true);
        if (acl.held(who::actsAs, false).isEmpty()) {
          throw AccessCheck.denied(target.kind(), target.name());
        }
        grantor = who.user();
        allowed.addAll(requested);
        allowed.retainAll(grantable);
        if (allowed.isEmpty()) {
          notices.add(Notice.of(Severity.WARNING, g.grant() ? SqlState.PRIVILEGE_NOT_GRANTED
              : SqlState.PRIVILEGE_NOT_REVOKED,
              g.grant() ? "privileges.none_granted" : "privileges.none_revoked", target.name()));
          continue;
        }
        if (g.privileges() != null && !allowed.equals(requested)) {
          notices.add(Notice.of(Severity.WARNING, g.grant() ? SqlState.PRIVILEGE_NOT_GRANTED
              : SqlState.PRIVILEGE_NOT_REVOKED,
              g.grant() ? "privileges.not_all_granted" : "privileges.not_all_revoked",
              target.name()));
        }
      }
      for (String grantee : grantees) {
        acl = g.grant() ? acl.grant(grantee, allowed, g.grantOption(), grantor)
            : acl.revoke(grantee, allowed, g.grantOption(), grantor);
      }
      AclStore.put(t, target.kind(), target.name(),
          new AclStore.Entry(target.table() == null ? target.owner() : null, acl));
    }
    return new StatementResult(List.of(), List.of(), g.grant() ? "GRANT" : "REVOKE", notices);
  }

  StatementResult alterOwner(AccessStmt.AlterOwner a, SessionContext ctx, StoreTransaction t) {
    AccessCheck.Who who = AccessCheck.Who.of(db, ctx);
    String owner = RoleStatements.resolve(a.owner(), ctx);
    Target target = target(a.objectKind(), a.name(), t);
    if (!who.owns(target.owner())) {
      throw AccessCheck.notOwner(target.kind(), target.name());
    }
    if (!db.services().users().exists(owner)) {
      throw RoleStatements.missing(owner);
    }
    if (!who.superuser() && !who.actsAs(owner)) {
      throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "privileges.must_be_member",
          owner);
    }
    Acl acl = target.acl() == null || target.owner() == null ? target.acl()
        : target.acl().renameRole(target.owner(), owner);
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
    } else {
      AclStore.put(t, target.kind(), target.name(), new AclStore.Entry(owner, acl));
    }
    return StatementResult.command("ALTER " + a.objectKind().name());
  }

  private List<Target> targets(AccessStmt.GrantPrivileges g, StoreTransaction t) {
    List<Target> out = new ArrayList<>();
    for (String name : g.objects()) {
      if (g.allInSchema()) {
        requireSchema(name);
        for (TableDef d : TableCatalog.all(t)) {
          out.add(target(ObjectKind.TABLE, d.name(), t));
        }
      } else {
        out.add(target(g.objectKind(), name, t));
      }
    }
    return out;
  }

  private static Target target(ObjectKind kind, String name, StoreTransaction t) {
    switch (kind) {
      case TABLE -> {
        io.snapsync.core.sql.ddl.ViewDef view = TableCatalog.find(t, name) != null ? null
            : io.snapsync.core.sql.ddl.ViewCatalog.find(t, name);
        TableDef d = view != null ? view.asRelation() : TableCatalog.require(t, name);
        return new Target(kind, name, d.owner(), AclStore.acl(t, kind, name), d);
      }
      case SEQUENCE -> throw SnapsyncException.error(SqlState.UNDEFINED_TABLE,
          "sql.relation_not_exist", name);
      case SCHEMA -> requireSchema(name);
      default -> {
      }
    }
    AclStore.Entry e = AclStore.find(t, kind, name);
    return new Target(kind, name, e == null ? null : e.owner(), e == null ? null : e.acl(),
        null);
  }

  private static void requireSchema(String name) {
    if (!name.equals(SCHEMA)) {
      throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "privileges.schema_not_exist",
          name);
    }
  }
}
