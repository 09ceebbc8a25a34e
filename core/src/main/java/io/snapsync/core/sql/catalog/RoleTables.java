package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.session.DataType.TIMESTAMPTZ;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.security.Roles;
import io.snapsync.core.security.UserDirectory;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * pg_database, pg_roles, pg_user, pg_authid, pg_shadow and pg_auth_members from the user
 * directory. The password verifier appears in pg_authid/pg_shadow only to a SYSADMIN; every
 * other session sees NULL there (pg_roles and pg_user always show {@code ********}). A SYSADMIN
 * shows as PostgreSQL's bootstrap superuser does (every attribute, replication included).
 */
final class RoleTables {

  private RoleTables() {
  }

  static void register(Database db, SystemTableRegistry r, UserDirectory users) {
    add(db, r, "pg_database", cols("oid", OID, "datname", NAME, "datdba", OID,
        "encoding", INT4, "datlocprovider", TEXT, "datistemplate", BOOL,
        "datallowconn", BOOL, "datconnlimit", INT4, "datfrozenxid", INT8,
        "datminmxid", INT8, "dattablespace", OID, "datcollate", TEXT,
        "datctype", TEXT, "daticulocale", TEXT, "datcollversion", TEXT, "datacl", TEXT_ARRAY),
        v -> List.of(database(CatalogOids.DATABASE, "snapsync", false),
            database(CatalogOids.TEMPLATE1, "template1", true)));
    add(db, r, "pg_roles", cols("rolname", NAME, "rolsuper", BOOL, "rolinherit", BOOL,
        "rolcreaterole", BOOL, "rolcreatedb", BOOL, "rolcanlogin", BOOL,
        "rolreplication", BOOL, "rolconnlimit", INT4, "rolpassword", TEXT,
        "rolvaliduntil", TIMESTAMPTZ, "rolbypassrls", BOOL, "rolconfig", TEXT_ARRAY,
        "oid", OID), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (String u : names(users, v)) {
            boolean admin = users.roles(u).contains(Roles.SYSADMIN);
            rows.add(Arrays.asList(u, admin, true, admin, admin, true, admin, -1, "********",
                null, admin, null, CatalogOids.role(u, CatalogOids.ADMIN)));
          }
          return rows;
        });
    add(db, r, "pg_authid", cols("oid", OID, "rolname", NAME, "rolsuper", BOOL,
        "rolinherit", BOOL, "rolcreaterole", BOOL, "rolcreatedb", BOOL,
        "rolcanlogin", BOOL, "rolreplication", BOOL, "rolbypassrls", BOOL,
        "rolconnlimit", INT4, "rolpassword", TEXT, "rolvaliduntil", TIMESTAMPTZ), v -> {
          boolean reveal = v.call().hasRole(Roles.SYSADMIN);
          List<List<Object>> rows = new ArrayList<>();
          for (String u : names(users, v)) {
            boolean admin = users.roles(u).contains(Roles.SYSADMIN);
            rows.add(Arrays.asList(CatalogOids.role(u, CatalogOids.ADMIN), u, admin, true,
                admin, admin, true, admin, admin, -1,
                reveal ? users.scramVerifier(u).orElse(null) : null, null));
          }
          return rows;
        });
    add(db, r, "pg_user", cols("usename", NAME, "usesysid", OID, "usecreatedb", BOOL,
        "usesuper", BOOL, "userepl", BOOL, "usebypassrls", BOOL, "passwd", TEXT,
        "valuntil", TIMESTAMPTZ, "useconfig", TEXT_ARRAY), v -> userRows(users, v, false));
    add(db, r, "pg_shadow", cols("usename", NAME, "usesysid", OID, "usecreatedb", BOOL,
        "usesuper", BOOL, "userepl", BOOL, "usebypassrls", BOOL, "passwd", TEXT,
        "valuntil", TIMESTAMPTZ, "useconfig", TEXT_ARRAY), v -> userRows(users, v, true));
    add(db, r, "pg_auth_members", cols("roleid", OID, "member", OID, "grantor", OID,
        "admin_option", BOOL), v -> List.of());
  }

  private static List<List<Object>> userRows(UserDirectory users, CatalogView v,
      boolean shadow) {
    boolean reveal = shadow && v.call().hasRole(Roles.SYSADMIN);
    List<List<Object>> rows = new ArrayList<>();
    for (String u : names(users, v)) {
      boolean admin = users.roles(u).contains(Roles.SYSADMIN);
      String pw = shadow ? (reveal ? users.scramVerifier(u).orElse(null) : null) : "********";
      rows.add(Arrays.asList(u, CatalogOids.role(u, CatalogOids.ADMIN), admin, admin, admin,
          admin, pw, null, null));
    }
    return rows;
  }

  /** The directory's users and the session user (a directory may not list everyone). */
  private static TreeSet<String> names(UserDirectory users, CatalogView v) {
    TreeSet<String> names = new TreeSet<>(users.userNames());
    names.add(v.call().user());
    return names;
  }

  private static List<Object> database(long oid, String name, boolean template) {
    return Arrays.asList(oid, name, CatalogOids.OWNER, 6, "c", template, true, -1, 0L, 1L,
        1663L, "C", "C", null, null, null);
  }
}
