package io.snapsync.core.sql.access;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.ddl.SchemaCatalog;
import io.snapsync.core.sql.ddl.ViewCatalog;
import io.snapsync.core.sql.ddl.ViewDef;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.parse.AccessStmt;
import io.snapsync.core.sql.routine.RoutineDef;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects a GRANT, REVOKE or ALTER ... OWNER TO names, with their owners and current lists:
 * tables and views (any schema; ALL TABLES IN SCHEMA s: those of s), schemas, and routines by
 * identity ({@link FunctionAccess}). Blocking (store reads); stateless.
 */
final class GrantTargets {

  private GrantTargets() {
  }

  /**
   * One object: its key ({@code name}), the name messages use ({@code display}), its owner and
   * current list (null: the default); {@code table} or {@code routine} when its owner is kept
   * in its own definition.
   */
  record Target(ObjectKind kind, String name, String display, String owner, Acl acl,
      TableDef table, RoutineDef routine) {

    /** The list it has now: the stored one or its default. */
    Acl current() {
      if (acl != null) {
        return acl;
      }
      return switch (kind) {
        case SCHEMA -> SchemaAccess.defaultAcl(name, owner);
        case FUNCTION -> FunctionAccess.defaultAcl(owner);
        default -> Acl.ownerDefault(kind, owner);
      };
    }

    /** Whether the owner is stored with the list (no definition of its own holds it). */
    boolean ownerStoredWithList(StoreTransaction t) {
      return table == null && routine == null
          && (kind != ObjectKind.SCHEMA || SchemaCatalog.find(t, name) == null);
    }
  }

  static List<Target> of(AccessStmt.GrantPrivileges g, StoreTransaction t) {
    List<Target> out = new ArrayList<>();
    for (String name : g.objects()) {
      if (g.allInSchema()) {
        requireSchema(name, t);
        for (TableDef d : SchemaCatalog.tables(t, name)) {
          out.add(of(ObjectKind.TABLE, d.name(), t));
        }
        for (ViewDef v : SchemaCatalog.views(t, name)) {
          out.add(of(ObjectKind.TABLE, v.name(), t));
        }
      } else {
        out.add(of(g.objectKind(), name, t));
      }
    }
    return out;
  }

  static Target of(ObjectKind kind, String name, StoreTransaction t) {
    switch (kind) {
      case TABLE -> {
        ViewDef view = TableCatalog.find(t, name) != null ? null : ViewCatalog.find(t, name);
        TableDef d = view != null ? view.asRelation() : TableCatalog.require(t, name);
        return new Target(kind, name, Names.relname(name), d.owner(),
            AclStore.acl(t, kind, name), d, null);
      }
      case SEQUENCE -> throw SnapsyncException.error(SqlState.UNDEFINED_TABLE,
          "sql.relation_not_exist", name);
      case SCHEMA -> {
        requireSchema(name, t);
        return new Target(kind, name, name, SchemaAccess.ownerOf(t, name),
            AclStore.acl(t, kind, name), null, null);
      }
      default -> {
        return function(name, t);
      }
    }
  }

  /**
   * A user routine by identity; another name (a built-in function) keeps a list of its own
   * under the name given.
   */
  private static Target function(String identity, StoreTransaction t) {
    List<RoutineDef> found = FunctionAccess.find(t, identity);
    int paren = identity.indexOf('(');
    String name = paren < 0 ? identity : identity.substring(0, paren);
    if (found.size() > 1) {
      throw FunctionAccess.notUnique(name);
    }
    if (found.size() == 1) {
      RoutineDef d = found.get(0);
      String key = FunctionAccess.identity(d);
      return new Target(ObjectKind.FUNCTION, key, d.name(), d.owner(),
          AclStore.acl(t, ObjectKind.FUNCTION, key), null, d);
    }
    AclStore.Entry e = AclStore.find(t, ObjectKind.FUNCTION, identity);
    return new Target(ObjectKind.FUNCTION, identity, name, e == null ? null : e.owner(),
        e == null ? null : e.acl(), null, null);
  }

  private static void requireSchema(String name, StoreTransaction t) {
    if (!SchemaCatalog.exists(t, name)) {
      throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "privileges.schema_not_exist",
          name);
    }
  }
}
