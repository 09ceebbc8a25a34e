package io.snapsync.core.sql.access;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.routine.RoutineCatalog;
import io.snapsync.core.sql.routine.RoutineDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects that depend on a role (it owns them or appears in their privileges): DROP ROLE
 * refuses while there are any (2BP01, as PostgreSQL), ALTER ROLE ... RENAME carries them over.
 * Blocking (store reads and writes in the statement's transaction).
 */
final class RoleDependencies {

  /** 2BP01 {@code role "r" cannot be dropped because some objects depend on it}. */
  void check(StoreTransaction t, String role) {
    List<String> lines = new ArrayList<>();
    java.util.Set<String> owned = new java.util.HashSet<>();
    // PostgreSQL lists a role's schemas, then its tables, functions and privileges
    for (io.snapsync.core.sql.ddl.SchemaDef d : io.snapsync.core.sql.ddl.SchemaCatalog.all(t)) {
      if (role.equals(d.owner())) {
        lines.add("owner of schema " + d.name());
        owned.add(d.name());
      }
    }
    for (TableDef d : TableCatalog.all(t)) {
      if (role.equals(d.owner())) {
        lines.add("owner of table " + d.name());
        owned.add(d.name());
      }
    }
    for (RoutineDef d : RoutineCatalog.all(t)) {
      if (role.equals(d.owner())) {
        lines.add("owner of " + (d.kind() == 'p' ? "procedure " : "function ") + d.name() + "("
            + String.join(", ", d.inputTypes().stream().map(x -> x.sqlName()).toList()) + ")");
        owned.add(FunctionAccess.identity(d));
      }
    }
    for (ObjectKind kind : ObjectKind.values()) {
      for (Map.Entry<String, AclStore.Entry> e : AclStore.all(t, kind).entrySet()) {
        boolean owner = role.equals(e.getValue().owner())
            || owned.contains(e.getKey());
        if (role.equals(e.getValue().owner())) {
          lines.add("owner of " + kind.word() + " " + e.getKey());
        }
        // as in PostgreSQL, the owner's own privileges are not a dependency of their own
        if (!owner && e.getValue().acl() != null && e.getValue().acl().mentions(role)) {
          lines.add("privileges for " + kind.word() + " " + e.getKey());
        }
      }
    }
    if (!lines.isEmpty()) {
      throw SnapsyncException.error(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
          "privileges.role_has_dependents", role)
          .withDetail("privileges.dependents", String.join("\n", lines));
    }
  }

  /** Makes {@code to} the owner and grantee of what {@code from} owned and was granted. */
  void rename(StoreTransaction t, String from, String to) {
    for (TableDef d : TableCatalog.all(t)) {
      if (from.equals(d.owner())) {
        TableCatalog.setOwner(t, d, to);
      }
    }
    for (RoutineDef d : RoutineCatalog.all(t)) {
      if (from.equals(d.owner())) {
        RoutineCatalog.put(t, d.withOwner(to));
      }
    }
    for (io.snapsync.core.sql.ddl.SchemaDef d : io.snapsync.core.sql.ddl.SchemaCatalog.all(t)) {
      if (from.equals(d.owner())) {
        io.snapsync.core.sql.ddl.SchemaCatalog.put(t, d.ownedBy(to));
      }
    }
    for (ObjectKind kind : ObjectKind.values()) {
      for (Map.Entry<String, AclStore.Entry> e : AclStore.all(t, kind).entrySet()) {
        AclStore.Entry v = e.getValue();
        if (from.equals(v.owner()) || (v.acl() != null && v.acl().mentions(from))) {
          AclStore.put(t, kind, e.getKey(), new AclStore.Entry(
              from.equals(v.owner()) ? to : v.owner(),
              v.acl() == null ? null : v.acl().renameRole(from, to)));
        }
      }
    }
  }
}
