package io.snapsync.core.sql.access;

import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.StoreTransaction;

/**
 * Access control lists as the catalogs show them ({@code pg_class.relacl},
 * {@code pg_namespace.nspacl}): {@code aclitem[]} text such as {@code {bob=arwdDxt/bob,=r/bob}},
 * or null while an object has its default list (as in PostgreSQL). Blocking (one store read).
 */
public final class Acls {

  private Acls() {
  }

  /** {@code pg_class.relacl} of a user table. */
  public static String relacl(StoreTransaction t, TableDef def) {
    Acl acl = AclStore.acl(t, ObjectKind.TABLE, def.name());
    return acl == null ? null : acl.text();
  }

  /** {@code pg_namespace.nspacl} of schema {@code public}. */
  public static String nspacl(StoreTransaction t) {
    return nspacl(t, GrantStatements.SCHEMA);
  }

  /** {@code pg_namespace.nspacl} of schema {@code name}. */
  public static String nspacl(StoreTransaction t, String name) {
    Acl acl = AclStore.acl(t, ObjectKind.SCHEMA, name);
    return acl == null ? null : acl.text();
  }

  /** {@code pg_namespace.nspacl} of schema {@code name} as its items, or null (the default). */
  public static java.util.List<String> nspaclItems(StoreTransaction t, String name) {
    Acl acl = AclStore.acl(t, ObjectKind.SCHEMA, name);
    return acl == null ? null : acl.items().stream()
        .map(io.snapsync.core.security.acl.AclItem::text).toList();
  }

  /** The recorded owner of schema {@code public}, or null (SYSADMIN's). */
  public static String schemaOwner(StoreTransaction t) {
    AclStore.Entry e = AclStore.find(t, ObjectKind.SCHEMA, GrantStatements.SCHEMA);
    return e == null ? null : e.owner();
  }
}
