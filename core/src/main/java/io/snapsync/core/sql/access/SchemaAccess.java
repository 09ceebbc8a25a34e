package io.snapsync.core.sql.access;

import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.catalog.CatalogOids;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.ddl.SchemaCatalog;
import io.snapsync.core.sql.ddl.SchemaDef;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.AccessStmt;
import io.snapsync.storage.StoreTransaction;
import java.util.EnumSet;

/**
 * Privileges on schemas with PostgreSQL's rules: reaching an object in a schema needs USAGE on
 * it, creating one needs CREATE; the owner holds both. A stored schema's owner is in its
 * definition ({@link SchemaDef}); {@code public} has no recorded owner until given one (it is
 * SYSADMIN's) and grants USAGE and CREATE to PUBLIC by default (as PostgreSQL up to 14; 15 no
 * longer grants CREATE: {@code REVOKE CREATE ON SCHEMA public FROM PUBLIC} gives that). The
 * system schemas and a session's temporary schema are usable by everyone. Blocking (store
 * reads); stateless.
 */
public final class SchemaAccess {

  private SchemaAccess() {
  }

  /** The owner of schema {@code name}, or null (SYSADMIN's: public, the system schemas). */
  static String ownerOf(StoreTransaction t, String name) {
    SchemaDef d = SchemaCatalog.find(t, name);
    if (d != null) {
      return d.owner();
    }
    AclStore.Entry e = AclStore.find(t, ObjectKind.SCHEMA, name);
    return e == null ? null : e.owner();
  }

  /** The list schema {@code name} has while no GRANT or REVOKE changed it. */
  static Acl defaultAcl(String name, String owner) {
    Acl acl = Acl.ownerDefault(ObjectKind.SCHEMA, owner);
    if (name.equals(Names.PUBLIC)) {
      acl = acl.grant(AccessStmt.PUBLIC, EnumSet.of(Privilege.USAGE, Privilege.CREATE), false,
          grantor(owner));
    }
    return acl;
  }

  /** Who grants on a schema owned by {@code owner}: the owner, or the initial administrator. */
  static String grantor(String owner) {
    return owner == null ? CatalogOids.ADMIN : owner;
  }

  /** Whether {@code who} holds {@code p} on schema {@code name}. */
  static boolean holds(AccessCheck.Who who, StoreTransaction t, String name, Privilege p) {
    if (open(name)) {
      return p == Privilege.USAGE || who.superuser() || SchemaCatalog.temporary(name);
    }
    String owner = ownerOf(t, name);
    if (who.owns(owner)) {
      return true;
    }
    Acl acl = AclStore.current(t, ObjectKind.SCHEMA, name);
    if (acl == null) {
      acl = defaultAcl(name, owner);
    }
    return acl.held(who::actsAs, false).contains(p);
  }

  /** 42501 {@code permission denied for schema s} unless {@code who} may use it. */
  static void requireUsage(AccessCheck.Who who, StoreTransaction t, String relationKey) {
    String schema = Names.schemaOf(relationKey);
    if (!holds(who, t, schema, Privilege.USAGE)) {
      throw AccessCheck.denied(ObjectKind.SCHEMA, schema);
    }
  }

  /**
   * 42501 {@code permission denied for schema s} unless the session may create objects in the
   * schema of the new relation {@code relationKey} (a key name, see {@link Names}).
   */
  public static void requireCreate(Database db, SessionContext ctx, StoreTransaction t,
      String relationKey) {
    String schema = Names.schemaOf(relationKey);
    if (SchemaCatalog.temporary(schema)) {
      return;
    }
    if (!holds(AccessCheck.Who.of(db, ctx), t, schema, Privilege.CREATE)) {
      throw AccessCheck.denied(ObjectKind.SCHEMA, schema);
    }
  }

  /** 42501 {@code must be owner of schema s} unless the session owns stored schema {@code name}. */
  public static void requireOwner(Database db, SessionContext ctx, StoreTransaction t,
      String name) {
    if (!AccessCheck.Who.of(db, ctx).owns(ownerOf(t, name))) {
      throw AccessCheck.notOwner(ObjectKind.SCHEMA, name);
    }
  }

  /** 42501 {@code must be member of role "r"} unless the session may make {@code r} an owner. */
  public static void requireMember(Database db, SessionContext ctx, String role) {
    AccessCheck.Who who = AccessCheck.Who.of(db, ctx);
    if (!who.superuser() && !who.actsAs(role)) {
      throw io.snapsync.core.error.SnapsyncException.error(
          io.snapsync.core.error.SqlState.INSUFFICIENT_PRIVILEGE, "privileges.must_be_member",
          role);
    }
  }

  /** The system schemas and temporary ones: not governed by a stored list. */
  private static boolean open(String name) {
    return name.equals(SchemaCatalog.PG_CATALOG) || name.equals(SchemaCatalog.INFORMATION_SCHEMA)
        || SchemaCatalog.temporary(name);
  }
}
