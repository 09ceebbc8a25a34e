package io.snapsync.core.sql.parse;

import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Role and privilege statements by hand over the {@link Lexer}'s tokens (one pass, linear
 * time), as {@link UtilityParser} parses its statements: {@code CREATE | ALTER | DROP ROLE
 * (USER, GROUP)}, {@code GRANT} / {@code REVOKE} of privileges and of role membership, and
 * {@code ALTER TABLE | SEQUENCE | SCHEMA | FUNCTION name OWNER TO role}.
 */
final class AccessParser {

  /** The role of the session ({@code CURRENT_USER}, {@code SESSION_USER}, {@code CURRENT_ROLE}). */
  static final String CURRENT = AccessStmt.CURRENT_USER;

  private final String sql;
  private final List<Token> tokens;
  private int at;

  AccessParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** True when the statement starting with these tokens is one of this parser's. */
  static boolean handles(List<Token> tokens) {
    Token first = tokens.get(0);
    if (first.kind() != Token.Kind.IDENT || tokens.size() < 2) {
      return false;
    }
    Token second = tokens.get(1);
    return switch (first.text()) {
      case "grant", "revoke" -> true;
      case "create", "drop" -> isRoleWord(second);
      case "alter" -> isRoleWord(second) || (isOwnedKind(second) && tokens.size() >= 6
          && tokens.get(tokens.size() - 4).isWord("owner")
          && tokens.get(tokens.size() - 3).isWord("to"));
      default -> false;
    };
  }

  private static boolean isRoleWord(Token t) {
    return t.isWord("role") || t.isWord("user") || t.isWord("group");
  }

  private static boolean isOwnedKind(Token t) {
    return t.isWord("table") || t.isWord("sequence") || t.isWord("schema")
        || t.isWord("function") || t.isWord("view");
  }

  AccessStmt parse() {
    Token t = next();
    AccessStmt s = switch (t.text()) {
      case "create" -> {
        boolean user = next().isWord("user");
        String name = roleName();
        yield new AccessStmt.CreateRole(name, user, options());
      }
      case "drop" -> {
        next();
        boolean ifExists = false;
        if (accept("if")) {
          expect("exists");
          ifExists = true;
        }
        List<String> names = new ArrayList<>();
        do {
          names.add(roleName());
        } while (acceptSymbol(","));
        yield new AccessStmt.DropRole(names, ifExists);
      }
      case "alter" -> alter();
      case "grant" -> grantOrRevoke(true);
      default -> grantOrRevoke(false);
    };
    if (peek().kind() != Token.Kind.EOF) {
      throw ParseErrors.at(peek());
    }
    return s;
  }

  private AccessStmt alter() {
    Token kind = next();
    if (isRoleWord(kind)) {
      String name = roleSpec();
      if (accept("rename")) {
        expect("to");
        return new AccessStmt.AlterRole(name, null, roleName());
      }
      return new AccessStmt.AlterRole(name, options(), null);
    }
    ObjectKind k = switch (kind.text()) {
      case "table", "view" -> ObjectKind.TABLE;
      case "sequence" -> ObjectKind.SEQUENCE;
      case "schema" -> ObjectKind.SCHEMA;
      default -> ObjectKind.FUNCTION;
    };
    if (k == ObjectKind.TABLE) {
      if (accept("if")) {
        expect("exists");
      }
      accept("only");
    }
    String name = k == ObjectKind.SCHEMA ? identifier() : objectName(k);
    expect("owner");
    expect("to");
    return new AccessStmt.AlterOwner(k, name, roleSpec());
  }

  private AccessStmt.RoleOptions options() {
    accept("with");
    Boolean login = null;
    Boolean superuser = null;
    boolean passwordGiven = false;
    String password = null;
    List<String> inRoles = new ArrayList<>();
    while (peek().kind() == Token.Kind.IDENT) {
      Token o = next();
      switch (o.text()) {
        case "login" -> login = true;
        case "nologin" -> login = false;
        case "superuser" -> superuser = true;
        case "nosuperuser" -> superuser = false;
        case "encrypted", "password" -> {
          if (o.isWord("encrypted")) {
            expect("password");
          }
          passwordGiven = true;
          Token p = next();
          if (p.isWord("null")) {
            password = null;
          } else if (p.kind() == Token.Kind.STRING) {
            password = p.text();
          } else {
            throw ParseErrors.at(p);
          }
        }
        case "in" -> {
          if (!accept("role")) {
            expect("group");
          }
          do {
            inRoles.add(roleName());
          } while (acceptSymbol(","));
        }
        case "inherit", "nocreatedb", "nocreaterole", "noreplication", "nobypassrls" -> {
          // the defaults: nothing to record
        }
        case "connection" -> {
          expect("limit");
          acceptSymbol("-");
          if (next().kind() != Token.Kind.NUMBER) {
            throw ParseErrors.at(tokens.get(at - 1));
          }
        }
        case "valid" -> {
          expect("until");
          if (next().kind() != Token.Kind.STRING) {
            throw ParseErrors.at(tokens.get(at - 1));
          }
        }
        case "createdb", "createrole", "replication", "bypassrls", "noinherit", "role",
            "admin", "sysid", "user" -> throw SqlParser.unsupported("role option "
                + o.text().toUpperCase(java.util.Locale.ROOT));
        default -> throw ParseErrors.at(o);
      }
    }
    return new AccessStmt.RoleOptions(login, superuser, passwordGiven, password, inRoles);
  }

  private AccessStmt grantOrRevoke(boolean grant) {
    boolean grantOption = false;
    if (!grant && peek().isWord("grant") && tokens.get(at + 1).isWord("option")) {
      next();
      next();
      expect("for");
      grantOption = true;
    }
    if (!hasOn()) {
      List<String> roles = new ArrayList<>();
      do {
        roles.add(roleName());
      } while (acceptSymbol(","));
      if (!accept(grant ? "to" : "from")) {
        throw ParseErrors.at(peek());
      }
      List<String> members = grantees(false);
      if (grant && accept("with")) {
        throw SqlParser.unsupported("GRANT ... WITH ADMIN OPTION");
      }
      dropBehavior();
      return new AccessStmt.GrantRole(grant, roles, members);
    }
    Set<Privilege> privileges = privileges();
    expect("on");
    ObjectKind kind = ObjectKind.TABLE;
    boolean allInSchema = false;
    if (accept("all")) {
      if (!accept("tables")) {
        throw SqlParser.unsupported("GRANT ON ALL " + peek().raw() + " IN SCHEMA");
      }
      expect("in");
      expect("schema");
      allInSchema = true;
    } else if (accept("sequence")) {
      kind = ObjectKind.SEQUENCE;
    } else if (accept("schema")) {
      kind = ObjectKind.SCHEMA;
    } else if (accept("function") || accept("procedure") || accept("routine")) {
      kind = ObjectKind.FUNCTION;
    } else {
      accept("table");
    }
    List<String> objects = new ArrayList<>();
    do {
      objects.add(kind == ObjectKind.SCHEMA || allInSchema ? identifier() : objectName(kind));
    } while (acceptSymbol(","));
    if (privileges != null) {
      for (Privilege p : privileges) {
        if (!Privilege.allFor(kind).contains(p)) {
          throw io.snapsync.core.error.SnapsyncException.error(
              io.snapsync.core.error.SqlState.INVALID_GRANT_OPERATION, "privileges.invalid_type",
              p.name(), kind.word());
        }
      }
    }
    if (!accept(grant ? "to" : "from")) {
      throw ParseErrors.at(peek());
    }
    List<String> grantees = grantees(true);
    if (grant && accept("with")) {
      expect("grant");
      expect("option");
      grantOption = true;
    }
    if (accept("granted")) {
      expect("by");
      roleSpec();
    }
    dropBehavior();
    return new AccessStmt.GrantPrivileges(grant, privileges, kind, objects, allInSchema,
        grantees, grantOption);
  }

  private void dropBehavior() {
    if (peek().isWord("cascade")) {
      throw SqlParser.unsupported("REVOKE ... CASCADE");
    }
    accept("restrict");
  }

  /** Whether the word ON comes before TO / FROM (privileges) rather than not (roles). */
  private boolean hasOn() {
    for (int i = at; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isWord("on")) {
        return true;
      }
      if (t.isWord("to") || t.isWord("from")) {
        return false;
      }
    }
    return false;
  }

  /** The privileges listed; null for ALL [PRIVILEGES]. */
  private Set<Privilege> privileges() {
    if (accept("all")) {
      accept("privileges");
      return null;
    }
    Set<Privilege> out = EnumSet.noneOf(Privilege.class);
    do {
      Token t = next();
      Privilege p = t.kind() == Token.Kind.IDENT ? Privilege.ofWord(t.text()) : null;
      if (p == null) {
        throw ParseErrors.at(t);
      }
      if (peek().isSymbol("(")) {
        throw SqlParser.unsupported("column privileges");
      }
      out.add(p);
    } while (acceptSymbol(","));
    return out;
  }

  private List<String> grantees(boolean publicAllowed) {
    List<String> out = new ArrayList<>();
    do {
      accept("group");
      Token t = peek();
      if (t.isWord("public") && publicAllowed) {
        next();
        out.add(AccessStmt.PUBLIC);
      } else {
        out.add(roleSpec());
      }
    } while (acceptSymbol(","));
    return out;
  }

  /** A role name, or CURRENT_USER / SESSION_USER / CURRENT_ROLE. */
  private String roleSpec() {
    Token t = peek();
    if (t.isWord("current_user") || t.isWord("session_user") || t.isWord("current_role")) {
      next();
      return CURRENT;
    }
    return roleName();
  }

  private String roleName() {
    return identifier();
  }

  /**
   * A table name, {@code public.} dropped; a function as its privilege key
   * ({@code name(type oids)}, see {@link io.snapsync.core.sql.routine.RoutineParser#identity}).
   */
  private String objectName(ObjectKind kind) {
    if (kind == ObjectKind.FUNCTION) {
      int[] end = new int[1];
      String id = io.snapsync.core.sql.routine.RoutineParser.identity(sql, tokens, at, end);
      at = end[0];
      return id;
    }
    String name = identifier();
    if (acceptSymbol(".")) {
      String n = identifier();
      name = name.equals("public") ? n : name + "." + n;
    }
    return name;
  }

  private String identifier() {
    Token t = next();
    if (t.kind() != Token.Kind.IDENT && t.kind() != Token.Kind.QUOTED_IDENT) {
      throw ParseErrors.at(t);
    }
    return t.text();
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Token.Kind.EOF) {
      at++;
    }
    return t;
  }

  private boolean accept(String word) {
    if (peek().isWord(word)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptSymbol(String s) {
    if (peek().isSymbol(s)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String word) {
    if (!accept(word)) {
      throw ParseErrors.at(peek());
    }
  }
}
