package io.snapsync.core.sql.parse;

import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import java.util.List;
import java.util.Set;

/** Role and privilege statements ({@link AccessParser}), run by the access runner. */
public sealed interface AccessStmt extends Stmt.Access {

  /** The grantee PUBLIC (every role). */
  String PUBLIC = "";
  /** CURRENT_USER, SESSION_USER or CURRENT_ROLE (not a name a role can have). */
  String CURRENT_USER = "\u0000current_user";

  @Override
  default String kind() {
    return "UTILITY";
  }

  /**
   * The options of CREATE / ALTER ROLE; null fields were not given. {@code password} is the
   * text given ({@code passwordGiven} with a null {@code password}: PASSWORD NULL).
   */
  record RoleOptions(Boolean login, Boolean superuser, boolean passwordGiven, String password,
      List<String> inRoles) {
    public RoleOptions {
      inRoles = List.copyOf(inRoles);
    }
  }

  /** CREATE ROLE / CREATE USER ({@code user}: LOGIN by default). */
  record CreateRole(String name, boolean user, RoleOptions options) implements AccessStmt {
  }

  /** ALTER ROLE name [WITH] options, or ALTER ROLE name RENAME TO {@code renameTo}. */
  record AlterRole(String name, RoleOptions options, String renameTo) implements AccessStmt {
  }

  record DropRole(List<String> names, boolean ifExists) implements AccessStmt {
    public DropRole {
      names = List.copyOf(names);
    }
  }

  /** GRANT / REVOKE role [, ...] TO / FROM member [, ...]. */
  record GrantRole(boolean grant, List<String> roles, List<String> members)
      implements AccessStmt {
    public GrantRole {
      roles = List.copyOf(roles);
      members = List.copyOf(members);
    }
  }

  /**
   * GRANT / REVOKE privileges ON objects TO / FROM grantees ({@code "public"} for PUBLIC).
   * {@code privileges} null: ALL [PRIVILEGES]. {@code allInSchema}: ON ALL TABLES IN SCHEMA
   * (then {@code objects} holds the schemas). {@code grantOption}: WITH GRANT OPTION, or for
   * REVOKE, GRANT OPTION FOR.
   */
  record GrantPrivileges(boolean grant, Set<Privilege> privileges, ObjectKind objectKind,
      List<String> objects, boolean allInSchema, List<String> grantees, boolean grantOption)
      implements AccessStmt {
    public GrantPrivileges {
      privileges = privileges == null ? null : Set.copyOf(privileges);
      objects = List.copyOf(objects);
      grantees = List.copyOf(grantees);
    }
  }

  /** ALTER TABLE / SEQUENCE / SCHEMA / FUNCTION name OWNER TO role. */
  record AlterOwner(ObjectKind objectKind, String name, String owner) implements AccessStmt {
  }
}
