package io.snapsync.core.sql.access;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.security.impl.FileUserDirectory;
import io.snapsync.core.security.impl.FileUserDirectory.UserEntry;
import io.snapsync.core.security.impl.Memberships;
import io.snapsync.core.security.impl.ScramVerifier;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.parse.AccessStmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE / ALTER / DROP ROLE and GRANT / REVOKE of role membership, on the node's user
 * directory ({@code users.json}, the file {@code snapsync passwd} edits), in force for the next
 * login and role check on every protocol. SYSADMIN only, except that a user may change its own
 * password. The directory is not transactional: these statements are refused inside a
 * transaction block (25001). Blocking: run on a worker.
 */
final class RoleStatements {

  private final Database db;
  private final RoleDependencies dependencies;

  RoleStatements(Database db) {
    this.db = db;
    this.dependencies = new RoleDependencies();
  }

  StatementResult run(AccessStmt s, SessionContext ctx) {
    String tag = tag(s);
    if (ctx.txn().inBlock()) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "sql.inside_block", tag);
    }
    FileUserDirectory users = directory();
    boolean superuser = ctx.hasRole(Roles.SYSADMIN);
    List<Notice> notices = new ArrayList<>();
    if (s instanceof AccessStmt.CreateRole c) {
      create(c, superuser, users, notices);
    } else if (s instanceof AccessStmt.AlterRole a && a.renameTo() != null) {
      rename(a, ctx, superuser, users);
    } else if (s instanceof AccessStmt.AlterRole a) {
      alter(a, ctx, superuser, users, notices);
    } else if (s instanceof AccessStmt.DropRole d) {
      drop(d, ctx, superuser, users, notices);
    } else if (s instanceof AccessStmt.GrantRole g) {
      membership(g, ctx, superuser, users, notices);
    }
    return new StatementResult(List.of(), List.of(), tag, notices);
  }

  static String tag(AccessStmt s) {
    if (s instanceof AccessStmt.CreateRole) {
      return "CREATE ROLE";
    } else if (s instanceof AccessStmt.AlterRole) {
      return "ALTER ROLE";
    } else if (s instanceof AccessStmt.DropRole) {
      return "DROP ROLE";
    }
    return ((AccessStmt.GrantRole) s).grant() ? "GRANT ROLE" : "REVOKE ROLE";
  }

  private void create(AccessStmt.CreateRole c, boolean superuser, FileUserDirectory users,
      List<Notice> notices) {
    requireSuperuser(superuser, "privileges.create_role_denied");
    checkName(c.name());
    UserEntry created = apply(new UserEntry(c.name(), null, Set.of(),
        c.options().login() != null ? c.options().login() : c.user(), Set.of()),
        c.options(), notices);
    users.update(all -> {
      if (exists(all, c.name())) {
        throw SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "privileges.role_exists",
            c.name());
      }
      for (String r : c.options().inRoles()) {
        if (admin(r) == null && !all.containsKey(r)) {
          throw missing(r);
        }
      }
      all.put(c.name(), created);
    });
  }

  private void alter(AccessStmt.AlterRole a, SessionContext ctx, boolean superuser,
      FileUserDirectory users, List<Notice> notices) {
    String name = resolve(a.name(), ctx);
    boolean selfPassword = name.equals(ctx.user()) && a.options().login() == null
        && a.options().superuser() == null && a.options().inRoles().isEmpty();
    if (!superuser && !selfPassword) {
      throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
          "privileges.alter_role_denied");
    }
    UserEntry old = users.entry(name);
    if (old == null) {
      throw missing(name);
    }
    UserEntry changed = apply(old, a.options(), notices);
    users.update(all -> {
      if (!all.containsKey(name)) {
        throw missing(name);
      }
      all.put(name, changed);
    });
  }

  private void drop(AccessStmt.DropRole d, SessionContext ctx, boolean superuser,
      FileUserDirectory users, List<Notice> notices) {
    requireSuperuser(superuser, "privileges.drop_role_denied");
    List<String> dropped = new ArrayList<>();
    for (String name : d.names()) {
      if (admin(name) != null) {
        throw SnapsyncException.error(SqlState.RESERVED_NAME, "privileges.role_reserved", name);
      }
      if (users.entry(name) == null) {
        if (!d.ifExists()) {
          throw missing(name);
        }
        notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
            "privileges.role_not_exist_skipping",
            name));
        continue;
      }
      if (name.equals(ctx.user())) {
        throw SnapsyncException.error(SqlState.OBJECT_IN_USE, "privileges.drop_current_user");
      }
      dependencies.check(ctx.txn().storeTxn(), name);
      dropped.add(name);
    }
    users.update(all -> {
      dropped.forEach(all::remove);
      all.replaceAll((k, e) -> withMemberOf(e, without(e.memberOf(), dropped)));
    });
  }

  private void rename(AccessStmt.AlterRole a, SessionContext ctx, boolean superuser,
      FileUserDirectory users) {
    String name = resolve(a.name(), ctx);
    requireSuperuser(superuser, "privileges.rename_role_denied");
    if (name.equals(ctx.user())) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "privileges.rename_session_user");
    }
    if (users.entry(name) == null) {
      throw missing(name);
    }
    checkName(a.renameTo());
    if (exists(users, a.renameTo())) {
      throw SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "privileges.role_exists",
          a.renameTo());
    }
    dependencies.rename(ctx.txn().storeTxn(), name, a.renameTo());
    users.update(all -> {
      UserEntry e = all.remove(name);
      all.put(a.renameTo(), new UserEntry(a.renameTo(), e.verifier(), e.roles(), e.login(),
          e.memberOf()));
      all.replaceAll((k, x) -> x.memberOf().contains(name) ? withMemberOf(x,
          replaced(x.memberOf(), name, a.renameTo())) : x);
    });
  }

  private void membership(AccessStmt.GrantRole g, SessionContext ctx, boolean superuser,
      FileUserDirectory users, List<Notice> notices) {
    users.update(all -> {
      for (String r : g.roles()) {
        String role = admin(r) != null ? admin(r) : r;
        if (admin(r) == null && !all.containsKey(r)) {
          throw missing(r);
        }
        if (!superuser) {
          throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
              "privileges.must_have_admin", role);
        }
        for (String m : g.members()) {
          String member = resolve(m, ctx);
          UserEntry e = all.get(member);
          if (e == null) {
            throw missing(member);
          }
          Set<String> set = admin(r) != null ? e.roles() : e.memberOf();
          boolean has = set.contains(role);
          if (g.grant() && has) {
            notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
                "privileges.already_member", member,
                role));
            continue;
          }
          if (!g.grant() && !has) {
            notices.add(Notice.of(Severity.WARNING, SqlState.WARNING, "privileges.not_member",
                member,
                role));
            continue;
          }
          if (g.grant() && admin(r) == null && (role.equals(member)
              || Memberships.closure(all, role).contains(member))) {
            throw SnapsyncException.error(SqlState.INVALID_GRANT_OPERATION,
                "privileges.circular_member", role, member);
          }
          Set<String> next = new LinkedHashSet<>(set);
          if (g.grant()) {
            next.add(role);
          } else {
            next.remove(role);
          }
          all.put(member, admin(r) != null
              ? new UserEntry(member, e.verifier(), next, e.login(), e.memberOf())
              : withMemberOf(e, next));
        }
      }
    });
  }

  /** {@code e} with the options applied (hashing a password: blocking). */
  private static UserEntry apply(UserEntry e, AccessStmt.RoleOptions o, List<Notice> notices) {
    ScramVerifier v = e.verifier();
    if (o.passwordGiven()) {
      v = verifier(o.password(), notices);
    }
    Set<String> roles = new LinkedHashSet<>(e.roles());
    if (o.superuser() != null) {
      if (o.superuser()) {
        roles.add(Roles.SYSADMIN);
      } else {
        roles.remove(Roles.SYSADMIN);
      }
    }
    Set<String> memberOf = new LinkedHashSet<>(e.memberOf());
    for (String r : o.inRoles()) {
      if (admin(r) != null) {
        roles.add(admin(r));
      } else {
        memberOf.add(r);
      }
    }
    return new UserEntry(e.name(), v, roles, o.login() != null ? o.login() : e.login(),
        memberOf);
  }

  /** A SCRAM verifier given as the password is stored as given (as PostgreSQL does). */
  private static ScramVerifier verifier(String password, List<Notice> notices) {
    if (password == null) {
      return null;
    }
    if (password.isEmpty()) {
      notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
          "privileges.empty_password"));
      return null;
    }
    if (password.startsWith("SCRAM-SHA-256$")) {
      try {
        return ScramVerifier.parse(password);
      } catch (IllegalArgumentException notAVerifier) {
        // hashed as a password below, as PostgreSQL does with a malformed verifier
      }
    }
    return ScramVerifier.create(password, ScramVerifier.DEFAULT_ITERATIONS);
  }

  private FileUserDirectory directory() {
    if (db.services().users() instanceof FileUserDirectory f) {
      return f;
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "privileges.roles_elsewhere");
  }

  /** The admin role named {@code name} (any case), or null. */
  static String admin(String name) {
    if (name.equalsIgnoreCase(Roles.SYSADMIN)) {
      return Roles.SYSADMIN;
    }
    return name.equalsIgnoreCase(Roles.MONADMIN) ? Roles.MONADMIN : null;
  }

  private static boolean exists(Map<String, UserEntry> all, String name) {
    return all.containsKey(name) || admin(name) != null;
  }

  private static boolean exists(FileUserDirectory users, String name) {
    return users.entry(name) != null || admin(name) != null;
  }

  private static void checkName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.equals("public") || name.equals("none") || admin(name) != null) {
      throw SnapsyncException.error(SqlState.RESERVED_NAME, "privileges.role_reserved", name);
    }
    if (lower.startsWith("pg_")) {
      throw SnapsyncException.error(SqlState.RESERVED_NAME, "privileges.role_reserved", name)
          .withDetail("privileges.role_reserved_pg");
    }
  }

  static String resolve(String name, SessionContext ctx) {
    return name.equals(AccessStmt.CURRENT_USER) ? ctx.user() : name;
  }

  private static void requireSuperuser(boolean superuser, String id) {
    if (!superuser) {
      throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, id);
    }
  }

  static SnapsyncException missing(String name) {
    return SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "privileges.role_not_exist", name);
  }

  private static UserEntry withMemberOf(UserEntry e, Set<String> memberOf) {
    return new UserEntry(e.name(), e.verifier(), e.roles(), e.login(), memberOf);
  }

  private static Set<String> without(Set<String> s, List<String> names) {
    Set<String> out = new LinkedHashSet<>(s);
    names.forEach(out::remove);
    return out;
  }

  private static Set<String> replaced(Set<String> s, String from, String to) {
    Set<String> out = new LinkedHashSet<>(s);
    out.remove(from);
    out.add(to);
    return out;
  }
}
