package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;

import io.snapsync.core.sql.access.PrivilegeInquiry;
import io.snapsync.core.sql.catalog.CatalogIndex;
import io.snapsync.core.sql.catalog.CatalogLookups;
import io.snapsync.core.sql.catalog.CatalogOids;
import io.snapsync.core.sql.catalog.CatalogText;
import io.snapsync.core.sql.catalog.CatalogView;
import io.snapsync.core.sql.catalog.RegTypes;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.storage.StoreTransaction;

/**
 * The functions psql's and pgjdbc's catalog queries call: format_type, pg_get_userbyid,
 * pg_get_indexdef, pg_get_constraintdef, pg_get_expr, the visibility tests, the description
 * lookups (snapsync keeps no comments: always NULL), pg_encoding_to_char,
 * has_table/schema/function_privilege (answered as the statements' checks decide; the other
 * has_*_privilege forms: true) and the relation size estimates.
 */
final class CatalogFunctions {

  private CatalogFunctions() {
  }

  static void register(Registry r) {
    r.add(Fn.of("format_type", TEXT, (x, c) -> CatalogText.formatType((Long) x[0],
        (Integer) x[1]), OID, INT4).strictOn0());
    // psql's \dT passes NULL for the typmod, which resolves as text.
    r.add(Fn.of("format_type", TEXT, (x, c) -> CatalogText.formatType((Long) x[0], null), OID,
        TEXT).strictOn0());
    r.add(Fn.of("pg_get_function_result", TEXT, (x, c) -> null, OID));
    r.add(Fn.of("pg_get_function_arguments", TEXT, (x, c) -> null, OID));
    r.add(Fn.of("pg_get_userbyid", NAME, (x, c) -> (Long) x[0] == CatalogOids.OWNER
        ? CatalogOids.ADMIN : "unknown (OID=" + x[0] + ")", OID));
    r.add(Fn.of("pg_get_indexdef", TEXT, (x, c) -> indexDef(c, (Long) x[0]), OID));
    r.add(Fn.of("pg_get_indexdef", TEXT, (x, c) -> CatalogLookups.indexDef(CatalogView.of(c),
        (Long) x[0], x[1] == null ? 0 : (Integer) x[1]), OID, INT4, BOOL).strictOn0());
    r.add(Fn.of("pg_get_constraintdef", TEXT, (x, c) -> constraintDef(c, (Long) x[0], false),
        OID));
    r.add(Fn.of("pg_get_constraintdef", TEXT, (x, c) -> constraintDef(c, (Long) x[0],
        Boolean.TRUE.equals(x[1])), OID,
        BOOL));
    r.add(Fn.of("pg_get_expr", TEXT, (x, c) -> x[0], TEXT, OID));
    r.add(Fn.of("pg_get_expr", TEXT, (x, c) -> x[0], TEXT, OID, BOOL));
    for (String visible : new String[] {"pg_table_is_visible", "pg_type_is_visible",
        "pg_function_is_visible"}) {
      r.add(Fn.of(visible, BOOL, (x, c) -> true, OID));
    }
    r.add(Fn.of("obj_description", TEXT, (x, c) -> null, OID).lenient());
    r.add(Fn.of("obj_description", TEXT, (x, c) -> null, OID, NAME).lenient());
    r.add(Fn.of("col_description", TEXT, (x, c) -> null, OID, INT4).lenient());
    r.add(Fn.of("shobj_description", TEXT, (x, c) -> null, OID, NAME).lenient());
    r.add(Fn.of("pg_encoding_to_char", NAME, (x, c) -> (Integer) x[0] == 6 ? "UTF8"
        : "SQL_ASCII", INT4));
    r.add(Fn.of("has_table_privilege", BOOL, (x, c) -> PrivilegeInquiry.table(c, null,
        (String) x[0], (String) x[1]), TEXT, TEXT).volatil());
    r.add(Fn.of("has_table_privilege", BOOL, (x, c) -> PrivilegeInquiry.table(c, null,
        (Long) x[0], (String) x[1]), OID, TEXT).volatil());
    r.add(Fn.of("has_table_privilege", BOOL, (x, c) -> PrivilegeInquiry.table(c,
        (String) x[0], (String) x[1], (String) x[2]), NAME, TEXT, TEXT).volatil());
    r.add(Fn.of("has_schema_privilege", BOOL, (x, c) -> PrivilegeInquiry.schema(c, null,
        (String) x[0], (String) x[1]), TEXT, TEXT).volatil());
    r.add(Fn.of("has_database_privilege", BOOL, (x, c) -> true, TEXT, TEXT));
    r.add(Fn.of("pg_relation_size", INT8, (x, c) -> 8192L, OID));
    r.add(Fn.of("pg_total_relation_size", INT8, (x, c) -> 16384L, OID));
    r.add(Fn.of("pg_table_size", INT8, (x, c) -> 8192L, OID));
    r.add(Fn.of("pg_is_in_recovery", BOOL, (x, c) -> false));
    r.add(Fn.of("pg_size_pretty", TEXT, (x, c) -> sizePretty((Long) x[0]), INT8));
    registerRegTypes(r);
    registerClientLookups(r);
  }

  /**
   * Lookups clients issue whose objects snapsync has none of yet (views, serial sequences,
   * user functions: NULL), more has_*_privilege forms (true, as has_table_privilege) and
   * acldefault (PostgreSQL 15's built-in default privileges for an owner).
   */
  private static void registerClientLookups(Registry r) {
    r.add(Fn.of("pg_get_viewdef", TEXT, (x, c) -> io.snapsync.core.sql.catalog.ViewRows
        .definition(c.storeTxn(), (Long) x[0], null), OID));
    r.add(Fn.of("pg_get_viewdef", TEXT, (x, c) -> io.snapsync.core.sql.catalog.ViewRows
        .definition(c.storeTxn(), (Long) x[0], null), OID, BOOL));
    r.add(Fn.of("pg_get_viewdef", TEXT, (x, c) -> io.snapsync.core.sql.catalog.ViewRows
        .definition(c.storeTxn(), null, io.snapsync.core.sql.catalog.ViewRows.unqualified(
            (String) x[0])), TEXT));
    r.add(Fn.of("pg_get_serial_sequence", TEXT, (x, c) -> CatalogLookups.serialSequence(
        CatalogView.of(c), (String) x[0], (String) x[1]), TEXT, TEXT).volatil());
    r.add(Fn.of("pg_get_triggerdef", TEXT, (x, c) -> null, OID));
    r.add(Fn.of("pg_get_triggerdef", TEXT, (x, c) -> null, OID, BOOL));
    r.add(Fn.of("pg_get_function_identity_arguments", TEXT, (x, c) -> null, OID));
    r.add(Fn.of("pg_get_statisticsobjdef_columns", TEXT, (x, c) -> null, OID));
    // no publications exist; a table could be published (PostgreSQL: true for tables)
    r.add(Fn.of("pg_relation_is_publishable", BOOL, (x, c) -> true, OID));
    r.add(Fn.of("has_column_privilege", BOOL, (x, c) -> true, TEXT, TEXT, TEXT));
    r.add(Fn.of("has_column_privilege", BOOL, (x, c) -> true, OID, TEXT, TEXT));
    r.add(Fn.of("has_column_privilege", BOOL, (x, c) -> true, OID, INT2, TEXT));
    r.add(Fn.of("has_any_column_privilege", BOOL, (x, c) -> true, TEXT, TEXT));
    r.add(Fn.of("has_any_column_privilege", BOOL, (x, c) -> true, OID, TEXT));
    r.add(Fn.of("has_function_privilege", BOOL, (x, c) -> PrivilegeInquiry.function(c, null,
        (String) x[0], (String) x[1]), TEXT, TEXT).volatil());
    r.add(Fn.of("has_function_privilege", BOOL, (x, c) -> PrivilegeInquiry.function(c, null,
        (Long) x[0], (String) x[1]), OID, TEXT).volatil());
    r.add(Fn.of("has_function_privilege", BOOL, (x, c) -> PrivilegeInquiry.function(c,
        (String) x[0], (String) x[1], (String) x[2]), NAME, TEXT, TEXT).volatil());
    r.add(Fn.of("has_sequence_privilege", BOOL, (x, c) -> true, TEXT, TEXT));
    r.add(Fn.of("has_type_privilege", BOOL, (x, c) -> true, OID, TEXT));
    r.add(Fn.of("has_schema_privilege", BOOL, (x, c) -> PrivilegeInquiry.schema(c, null,
        (Long) x[0], (String) x[1]), OID, TEXT).volatil());
    r.add(Fn.of("has_schema_privilege", BOOL, (x, c) -> PrivilegeInquiry.schema(c,
        (String) x[0], (String) x[1], (String) x[2]), NAME, TEXT, TEXT).volatil());
    r.add(Fn.of("has_database_privilege", BOOL, (x, c) -> true, OID, TEXT));
    r.add(Fn.of("acldefault", TEXT_ARRAY, (x, c) -> aclDefault((String) x[0], (Long) x[1]),
        TEXT, OID));
  }

  private static java.util.List<String> aclDefault(String kind, long owner) {
    String o = owner == CatalogOids.OWNER ? CatalogOids.ADMIN : Long.toString(owner);
    return switch (kind) {
      case "r" -> java.util.List.of(o + "=arwdDxt/" + o);
      case "s" -> java.util.List.of(o + "=rwU/" + o);
      case "f" -> java.util.List.of("=X/" + o, o + "=X/" + o);
      case "n" -> java.util.List.of(o + "=UC/" + o);
      case "T" -> java.util.List.of("=U/" + o, o + "=U/" + o);
      case "d" -> java.util.List.of("=Tc/" + o, o + "=CTc/" + o);
      default -> java.util.List.of();
    };
  }

  /** The reg* types' I/O functions (catalog lookups: volatile, never folded into a plan). */
  private static void registerRegTypes(Registry r) {
    r.add(Fn.of("regclassin", OID, (x, c) -> RegTypes.classIn(CatalogView.of(c), (String) x[0],
        true), TEXT).volatil());
    r.add(Fn.of("to_regclass", OID, (x, c) -> RegTypes.classIn(CatalogView.of(c),
        (String) x[0], false), TEXT).volatil());
    r.add(Fn.of("regclassout", TEXT, (x, c) -> RegTypes.classOut(CatalogView.of(c),
        (Long) x[0]), OID).volatil());
    r.add(Fn.of("regtypein", OID, (x, c) -> RegTypes.typeIn((String) x[0], true), TEXT));
    r.add(Fn.of("to_regtype", OID, (x, c) -> RegTypes.typeIn((String) x[0], false), TEXT));
    r.add(Fn.of("regtypeout", TEXT, (x, c) -> RegTypes.typeOut((Long) x[0]), OID));
    r.add(Fn.of("regnamespacein", OID, (x, c) -> RegTypes.namespaceIn((String) x[0], true),
        TEXT));
    r.add(Fn.of("to_regnamespace", OID, (x, c) -> RegTypes.namespaceIn((String) x[0], false),
        TEXT));
    r.add(Fn.of("regnamespaceout", TEXT, (x, c) -> RegTypes.namespaceOut((Long) x[0]), OID));
    r.add(Fn.of("regprocin", OID, (x, c) -> RegTypes.procIn((String) x[0]), TEXT));
    r.add(Fn.of("regprocout", TEXT, (x, c) -> RegTypes.procOut((Long) x[0]), OID));
  }

  private static String indexDef(EvalContext c, long oid) {
    StoreTransaction t = c.storeTxn();
    CatalogIndex i = t == null ? null : CatalogIndex.find(TableCatalog.all(t), oid);
    return i == null ? null : CatalogText.indexDef(i);
  }

  private static String constraintDef(EvalContext c, long oid, boolean pretty) {
    return CatalogLookups.constraintDef(CatalogView.of(c), oid, pretty);
  }

  /**
   * {@code pg_size_pretty(bigint)} as PostgreSQL 15 words it: bytes below 10 kB, else the
   * largest unit (kB, MB, GB, TB, PB) below 20 480 of it, rounded half away from zero.
   */
  static String sizePretty(long size) {
    if (Math.abs(size) < 10 * 1024) {
      return size + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB"};
    long v = size >> 9; // one extra bit for rounding
    int u = 0;
    while (u < units.length - 1 && Math.abs(v) >= 20 * 1024 - 1) {
      v >>= 10;
      u++;
    }
    return (v + (v < 0 ? -1 : 1)) / 2 + " " + units[u];
  }
}
