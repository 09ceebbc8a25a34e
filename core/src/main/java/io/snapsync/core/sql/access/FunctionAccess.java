package io.snapsync.core.sql.access;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.Acl;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.parse.AccessStmt;
import io.snapsync.core.sql.routine.RoutineCatalog;
import io.snapsync.core.sql.routine.RoutineDef;
import io.snapsync.storage.StoreTransaction;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * EXECUTE on user functions and procedures with PostgreSQL's rules: PUBLIC holds it by default
 * ({@code {=X/owner,owner=X/owner}}), the owner and SYSADMIN always; a call without it is
 * refused with 42501 {@code permission denied for function f}. Lists are keyed by the routine's
 * identity {@code name(type oids)} (the parser's form, see
 * {@link io.snapsync.core.sql.routine.RoutineParser#identity}). Blocking (store reads);
 * stateless.
 */
public final class FunctionAccess {

  private FunctionAccess() {
  }

  /** The privilege key of {@code def}: {@code name(type oids)}. */
  public static String identity(RoutineDef def) {
    return def.name() + "(" + def.inputTypes().stream().map(t -> String.valueOf(t.oid()))
        .collect(Collectors.joining(",")) + ")";
  }

  /** The routines a parsed identity names: one for {@code name(oids)}, the overloads for a name. */
  static List<RoutineDef> find(StoreTransaction t, String identity) {
    int paren = identity.indexOf('(');
    String name = paren < 0 ? identity : identity.substring(0, paren);
    List<RoutineDef> overloads = RoutineCatalog.overloads(t, name);
    if (paren < 0) {
      return overloads;
    }
    return overloads.stream().filter(d -> identity(d).equals(identity)).toList();
  }

  /** The list a routine owned by {@code owner} has while no GRANT or REVOKE changed it. */
  static Acl defaultAcl(String owner) {
    return Acl.ownerDefault(ObjectKind.FUNCTION, owner).grant(AccessStmt.PUBLIC,
        EnumSet.of(Privilege.EXECUTE), false, SchemaAccess.grantor(owner));
  }

  /** Whether {@code who} may call {@code def}. */
  static boolean holds(AccessCheck.Who who, StoreTransaction t, RoutineDef def) {
    if (who.owns(def.owner())) {
      return true;
    }
    Acl acl = AclStore.current(t, ObjectKind.FUNCTION, identity(def));
    if (acl == null) {
      acl = defaultAcl(def.owner());
    }
    return acl.held(who::actsAs, false).contains(Privilege.EXECUTE);
  }

  /** 42501 {@code permission denied for function f} unless {@code user} may call {@code def}. */
  public static void requireExecute(Database db, String user, StoreTransaction t,
      RoutineDef def) {
    if (!holds(AccessCheck.Who.named(db, user), t, def)) {
      throw AccessCheck.denied(ObjectKind.FUNCTION, def.name());
    }
  }

  /** 42501 {@code must be owner of function f} unless {@code user} owns {@code def}. */
  public static void requireOwner(Database db, String user, RoutineDef def) {
    if (!AccessCheck.Who.named(db, user).owns(def.owner())) {
      throw AccessCheck.notOwner(ObjectKind.FUNCTION, def.name());
    }
  }

  /** Forgets the list of dropped routine {@code def} (a new one of that name starts afresh). */
  public static void forget(StoreTransaction t, RoutineDef def) {
    AclStore.forget(t, ObjectKind.FUNCTION, identity(def));
  }

  /** Carries the list of renamed routine {@code from} over to {@code to}. */
  public static void moved(StoreTransaction t, RoutineDef from, RoutineDef to) {
    AclStore.Entry e = AclStore.find(t, ObjectKind.FUNCTION, identity(from));
    if (e != null) {
      AclStore.forget(t, ObjectKind.FUNCTION, identity(from));
      AclStore.put(t, ObjectKind.FUNCTION, identity(to), e);
    }
  }

  /** 42725 {@code function name "f" is not unique} (a GRANT naming an overloaded function). */
  static SnapsyncException notUnique(String name) {
    return SnapsyncException.error(SqlState.AMBIGUOUS_FUNCTION, "routine.not_unique", "function", name)
        .withHint("routine.not_unique.hint");
  }
}
