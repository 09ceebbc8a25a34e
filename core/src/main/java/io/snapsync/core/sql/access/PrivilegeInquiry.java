package io.snapsync.core.sql.access;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.catalog.CatalogOids;
import io.snapsync.core.sql.catalog.CatalogView;
import io.snapsync.core.sql.catalog.RegTypes;
import io.snapsync.core.sql.catalog.ViewRows;
import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.ddl.SchemaCatalog;
import io.snapsync.core.sql.ddl.SchemaDef;
import io.snapsync.core.sql.ddl.ViewDef;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.func.EvalContext;
import io.snapsync.storage.StoreTransaction;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.Token;
import io.snapsync.core.sql.routine.RoutineCatalog;
import io.snapsync.core.sql.routine.RoutineDef;
import io.snapsync.core.sql.routine.RoutineParser;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code has_*_privilege} functions, answered as the statements' checks decide: for a role
 * (the session's user when not given), an object and a privilege list such as
 * {@code 'USAGE, CREATE WITH GRANT OPTION'} (true when any is held, as in PostgreSQL). Blocking
 * (store reads), called on the statement's worker.
 */
public final class PrivilegeInquiry {

  private PrivilegeInquiry() {
  }

  /** {@code has_schema_privilege([role,] schema, privileges)}. */
  public static boolean schema(EvalContext c, String role, String schema, String privileges) {
    Set<Privilege> asked = privileges(privileges, ObjectKind.SCHEMA);
    StoreTransaction t = c.storeTxn();
    if (c.engine() == null || t == null) {
      return true;
    }
    if (!SchemaCatalog.exists(t, schema)) {
      throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "privileges.schema_not_exist",
          schema);
    }
    AccessCheck.Who who = who(c.engine(), role == null ? c.user() : role);
    return asked.stream().anyMatch(p -> SchemaAccess.holds(who, t, schema, p));
  }

  /** {@code has_schema_privilege([role,] oid, privileges)}: NULL for an unknown OID. */
  public static Boolean schema(EvalContext c, String role, long oid, String privileges) {
    String name = schemaNamed(c.storeTxn(), oid);
    return name == null ? null : schema(c, role, name, privileges);
  }

  /**
   * {@code has_function_privilege([role,] 'f(integer)', privileges)}: built-in functions are
   * PUBLIC's (true); 42883 for a user function name whose signature matches none.
   */
  public static boolean function(EvalContext c, String role, String signature,
      String privileges) {
    privileges(privileges, ObjectKind.FUNCTION);
    StoreTransaction t = c.storeTxn();
    if (c.engine() == null || t == null) {
      return true;
    }
    List<Token> tokens = Lexer.tokenize(signature);
    String identity = RoutineParser.identity(signature, tokens, 0, new int[1]);
    List<RoutineDef> found = FunctionAccess.find(t, identity);
    AccessCheck.Who who = who(c.engine(), role == null ? c.user() : role);
    if (found.isEmpty()) {
      if (!RoutineCatalog.overloads(t, identity.substring(0, identity.indexOf('(') < 0
          ? identity.length() : identity.indexOf('('))).isEmpty()) {
        throw SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "privileges.function_not_exist",
            signature);
      }
      return true;
    }
    return FunctionAccess.holds(who, t, found.get(0));
  }

  /** {@code has_function_privilege([role,] oid, privileges)}; other OIDs: built-ins, true. */
  public static boolean function(EvalContext c, String role, long oid, String privileges) {
    privileges(privileges, ObjectKind.FUNCTION);
    StoreTransaction t = c.storeTxn();
    if (c.engine() == null || t == null) {
      return true;
    }
    AccessCheck.Who who = who(c.engine(), role == null ? c.user() : role);
    for (RoutineDef d : RoutineCatalog.all(t)) {
      if (d.id() == oid) {
        return FunctionAccess.holds(who, t, d);
      }
    }
    return true; // a built-in function: PUBLIC's
  }

  /**
   * {@code has_table_privilege([role,] 'name', privileges)}; 42P01 for no such relation. A
   * system table or sequence: true (PUBLIC reads the catalogs).
   */
  public static boolean table(EvalContext c, String role, String table, String privileges) {
    Set<Privilege> asked = privileges(privileges, ObjectKind.TABLE);
    if (c.engine() == null || c.storeTxn() == null) {
      return true;
    }
    CatalogView v = CatalogView.of(c);
    return table(c, role, v, (Long) RegTypes.classIn(v, table, true), asked);
  }

  /** {@code has_table_privilege([role,] oid, privileges)}. */
  public static boolean table(EvalContext c, String role, long oid, String privileges) {
    Set<Privilege> asked = privileges(privileges, ObjectKind.TABLE);
    if (c.engine() == null || c.storeTxn() == null) {
      return true;
    }
    return table(c, role, CatalogView.of(c), oid, asked);
  }

  private static boolean table(EvalContext c, String role, CatalogView v, long oid,
      Set<Privilege> asked) {
    TableDef def = v.table(oid);
    if (def == null) {
      for (ViewDef d : v.views()) {
        if (ViewRows.oid(d) == oid) {
          def = d.asRelation();
        }
      }
    }
    if (def == null) {
      return true;
    }
    AccessCheck.Who who = who(c.engine(), role == null ? c.user() : role);
    TableDef found = def;
    return asked.stream().anyMatch(p -> AccessCheck.holds(who, c.storeTxn(), found, p));
  }

  /** The role a check is for; 42704 when it does not exist. */
  static AccessCheck.Who who(Database db, String role) {
    if (!db.services().users().exists(role) && RoleStatements.admin(role) == null) {
      throw RoleStatements.missing(role);
    }
    return AccessCheck.Who.named(db, role);
  }

  /** The privileges a list names, for objects of {@code kind}; 22023 for any other word. */
  static Set<Privilege> privileges(String list, ObjectKind kind) {
    Set<Privilege> out = EnumSet.noneOf(Privilege.class);
    for (String part : list.split(",")) {
      String word = part.trim().toLowerCase(Locale.ROOT);
      if (word.endsWith(" with grant option")) {
        word = word.substring(0, word.length() - " with grant option".length()).trim();
      }
      Privilege p = Privilege.ofWord(word);
      if (p == null || !Privilege.allFor(kind).contains(p)) {
        throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
            "privileges.unrecognized_type", part.trim());
      }
      out.add(p);
    }
    return out;
  }

  private static String schemaNamed(StoreTransaction t, long oid) {
    if (oid == CatalogOids.PUBLIC) {
      return Names.PUBLIC;
    } else if (oid == CatalogOids.PG_CATALOG) {
      return SchemaCatalog.PG_CATALOG;
    } else if (oid == CatalogOids.INFORMATION_SCHEMA) {
      return SchemaCatalog.INFORMATION_SCHEMA;
    }
    if (t != null) {
      for (SchemaDef d : SchemaCatalog.all(t)) {
        if (io.snapsync.core.sql.catalog.SchemaRows.oidOf(d) == oid) {
          return d.name();
        }
      }
    }
    return null;
  }
}
