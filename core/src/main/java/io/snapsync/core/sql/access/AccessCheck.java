package io.snapsync.core.sql.access;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;
import java.util.Map;
import java.util.Set;

/**
 * The privilege checks of the statements, with PostgreSQL's rules: SYSADMIN holds every
 * privilege, the owner (or a member of the owning role) holds every privilege on its object,
 * anyone else needs a grant to them, to a role they are a member of, or to PUBLIC. A table
 * without a recorded owner (created before owners existed) is SYSADMIN's only until it is
 * given one ({@code ALTER TABLE ... OWNER TO}). Blocking (one store read per table); called on
 * a worker at each choke point: reads in the query engine, writes in the DML engine and the
 * bulk INSERT, TRUNCATE, COPY, DROP.
 */
public final class AccessCheck {

  private AccessCheck() {
  }

  /** Who is asking: the session user, whether SYSADMIN, and the roles it is a member of. */
  public record Who(String user, boolean superuser, Set<String> memberOf) {

    /** The session's user. */
    public static Who of(Database db, SessionContext ctx) {
      String u = ctx.user();
      return new Who(u, ctx.hasRole(Roles.SYSADMIN), db.services().users().memberOf(u));
    }

    /** Role {@code name} as the user directory knows it now. */
    public static Who named(Database db, String name) {
      return new Who(name, db.services().users().roles(name).contains(Roles.SYSADMIN),
          db.services().users().memberOf(name));
    }

    /** True for {@code role} itself, a role it is a member of, and PUBLIC (""). */
    public boolean actsAs(String role) {
      return role.isEmpty() || role.equals(user) || memberOf.contains(role);
    }

    /** True when it is {@code owner} or a member of it (or SYSADMIN). */
    public boolean owns(String owner) {
      return superuser || (owner != null && (owner.equals(user) || memberOf.contains(owner)));
    }
  }

  /** 42501 {@code permission denied for table t} unless the session holds {@code p} on it. */
  public static void require(Database db, SessionContext ctx, StoreTransaction t, TableDef def,
      Privilege p) {
    require(Who.of(db, ctx), t, def, p);
  }

  static void require(Who who, StoreTransaction t, TableDef def, Privilege p) {
    SchemaAccess.requireUsage(who, t, def.name());
    if (!holds(who, t, def, p)) {
      throw denied(ObjectKind.TABLE, Names.relname(def.name()));
    }
  }

  /** Whether {@code who} holds {@code p} on table {@code def}. Blocking. */
  public static boolean holds(Who who, StoreTransaction t, TableDef def, Privilege p) {
    if (who.owns(def.owner())) {
      return true;
    }
    Acl acl = AclStore.current(t, ObjectKind.TABLE, def.name());
    return acl != null && acl.held(who::actsAs, false).contains(p);
  }

  /**
   * SELECT on every user table and view a query reads ({@code dependencies}, system tables
   * null); a relation read by a view's query needs SELECT granted to the view's owner, as in
   * PostgreSQL (see {@link io.snapsync.core.sql.engine.analyze.ViewExpansion#viaKey}).
   */
  public static void requireReads(Database db, SessionContext ctx, StoreTransaction t,
      Map<String, TableDef> dependencies) {
    Who who = null;
    for (Map.Entry<String, TableDef> e : dependencies.entrySet()) {
      TableDef def = e.getValue();
      if (def == null) {
        continue;
      }
      String view = io.snapsync.core.sql.engine.analyze.ViewExpansion.viaView(e.getKey());
      if (view == null) {
        who = who == null ? Who.of(db, ctx) : who;
        require(who, t, def, Privilege.SELECT);
      } else {
        require(ownerOf(db, dependencies, view), t, def, Privilege.SELECT);
      }
    }
  }

  /** The owner of view {@code view} (its entry in {@code dependencies}) as a {@link Who}. */
  private static Who ownerOf(Database db, Map<String, TableDef> dependencies, String view) {
    TableDef v = null;
    for (Map.Entry<String, TableDef> e : dependencies.entrySet()) {
      if (e.getValue() != null && e.getValue().name().equals(view)) {
        v = e.getValue();
        break;
      }
    }
    return Who.named(db, v == null || v.owner() == null ? "" : v.owner());
  }

  /** 42501 {@code must be owner of table t} unless the session owns it (DROP, ALTER). */
  public static void requireOwner(Database db, SessionContext ctx, TableDef def) {
    Who who = Who.of(db, ctx);
    SchemaAccess.requireUsage(who, ctx.txn().storeTxn(), def.name());
    if (!who.owns(def.owner())) {
      throw notOwner(ObjectKind.TABLE, Names.relname(def.name()));
    }
  }

  static SnapsyncException denied(ObjectKind kind, String name) {
    String id = switch (kind) {
      case TABLE -> "privileges.denied_table";
      case SEQUENCE -> "privileges.denied_sequence";
      case SCHEMA -> "privileges.denied_schema";
      case FUNCTION -> "privileges.denied_function";
    };
    return SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, id, name);
  }

  static SnapsyncException notOwner(ObjectKind kind, String name) {
    String id = switch (kind) {
      case TABLE -> "privileges.must_be_owner_table";
      case SEQUENCE -> "privileges.must_be_owner_sequence";
      case SCHEMA -> "privileges.must_be_owner_schema";
      case FUNCTION -> "privileges.must_be_owner_function";
    };
    return SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, id, name);
  }
}
