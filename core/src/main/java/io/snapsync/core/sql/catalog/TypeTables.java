package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** pg_type (every {@link DataType} with PostgreSQL's OIDs), pg_attribute and pg_am. */
final class TypeTables {

  /** Types whose I/O functions are named {@code boolin}, not {@code date_in}. */
  private static final java.util.Set<String> SHORT_IO = java.util.Set.of("bool", "bytea",
      "name", "int2", "int4", "int8", "text", "oid", "float4", "float8", "bpchar", "varchar",
      "unknown");

  private TypeTables() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_type", cols("oid", OID, "typname", NAME, "typnamespace", OID,
        "typowner", OID, "typlen", INT2, "typbyval", BOOL, "typtype", TEXT,
        "typcategory", TEXT, "typispreferred", BOOL, "typisdefined", BOOL, "typdelim", TEXT,
        "typrelid", OID, "typsubscript", TEXT, "typelem", OID, "typarray", OID,
        "typinput", TEXT, "typoutput", TEXT, "typreceive", TEXT, "typsend", TEXT,
        "typmodin", TEXT, "typmodout", TEXT, "typanalyze", TEXT, "typalign", TEXT,
        "typstorage", TEXT, "typnotnull", BOOL, "typbasetype", OID, "typtypmod", INT4,
        "typndims", INT4, "typcollation", OID, "typdefaultbin", TEXT, "typdefault", TEXT,
        "typacl", TEXT_ARRAY), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (DataType t : DataType.values()) {
            rows.add(typeRow(t));
          }
          return rows;
        });
    add(db, r, "pg_attribute", cols("attrelid", OID, "attname", NAME, "atttypid", OID,
        "attstattarget", INT4, "attlen", INT2, "attnum", INT2, "attndims", INT4,
        "attcacheoff", INT4, "atttypmod", INT4, "attbyval", BOOL, "attalign", TEXT,
        "attstorage", TEXT, "attcompression", TEXT, "attnotnull", BOOL, "atthasdef", BOOL,
        "atthasmissing", BOOL, "attidentity", TEXT, "attgenerated", TEXT,
        "attisdropped", BOOL, "attislocal", BOOL, "attinhcount", INT4, "attcollation", OID,
        "attacl", TEXT_ARRAY, "attoptions", TEXT_ARRAY, "attfdwoptions", TEXT_ARRAY,
        "attmissingval", TEXT), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (TableDef d : v.tables()) {
            for (int i = 0; i < d.columns().size(); i++) {
              List<Object> att = attRow(CatalogOids.table(d), d.columns().get(i), i + 1,
                  d.isNotNull(i));
              att.set(ATTHASDEF, d.defaultOf(i) != null);
              rows.add(att);
            }
            for (CatalogIndex x : CatalogIndex.of(d)) {
              for (int k = 0; k < x.columns().size(); k++) {
                rows.add(attRow(x.oid(), d.columns().get(x.columns().get(k)), k + 1, false));
              }
            }
          }
          for (io.snapsync.core.sql.ddl.ViewDef d : ViewRows.views(v)) {
            for (int i = 0; i < d.columns().size(); i++) {
              rows.add(attRow(ViewRows.oid(d), d.columns().get(i), i + 1, false));
            }
          }
          for (SystemTable t : v.systemTables()) {
            for (int i = 0; i < t.columns().size(); i++) {
              rows.add(attRow(v.systemOid(t), t.columns().get(i), i + 1, false));
            }
          }
          return rows;
        });
    add(db, r, "pg_am", cols("oid", OID, "amname", NAME, "amhandler", OID, "amtype", TEXT),
        v -> List.of(Arrays.asList(CatalogOids.HEAP_AM, "heap", RegTypes.HEAP_HANDLER, "t"),
            Arrays.asList(CatalogOids.BTREE_AM, "btree", RegTypes.BTREE_HANDLER, "i")));
  }

  /** pg_attribute.atthasdef's position in {@link #attRow}. */
  private static final int ATTHASDEF = 14;

  private static List<Object> attRow(long rel, Column c, int num, boolean notNull) {
    DataType t = c.type();
    return Arrays.asList(rel, c.name(), (long) t.oid(), -1, length(t), (short) num,
        t.isArray() ? 1 : 0, -1, c.typmod(), byValue(t), align(t), storage(t), "", notNull,
        false, false, "", "", false, true, 0, collation(t), null, null, null, null);
  }

  private static List<Object> typeRow(DataType t) {
    String base = t.isArray() ? "array" : CatalogText.typname(t);
    String sep = SHORT_IO.contains(base) ? "" : "_";
    DataType array = t.isArray() ? null : t.arrayType();
    return Arrays.asList((long) t.oid(), CatalogText.typname(t), CatalogOids.PG_CATALOG,
        CatalogOids.OWNER, length(t), byValue(t), t == DataType.VOID ? "p" : "b",
        category(t), t == DataType.TEXT || t == DataType.FLOAT8 || t == DataType.BOOL
            || t == DataType.OID || t == DataType.TIMESTAMPTZ || t == DataType.INTERVAL,
        true, ",", 0L, t.isArray() ? "array_subscript_handler" : "-",
        t.isArray() ? (long) t.element().oid() : 0L, array == null ? 0L : (long) array.oid(),
        base + sep + "in", base + sep + "out", base + sep + "recv",
        base + sep + "send", "-", "-", "-",
        align(t), storage(t), false, 0L, -1, 0, collation(t), null, null, null);
  }

  static short length(DataType t) {
    return switch (t) {
      case BOOL -> 1;
      case INT2 -> 2;
      case INT4, OID, FLOAT4, DATE, VOID -> 4;
      case INT8, FLOAT8, TIME, TIMESTAMP, TIMESTAMPTZ -> 8;
      case INTERVAL, UUID -> 16;
      case NAME -> 64;
      case UNKNOWN -> -2;
      default -> -1;
    };
  }

  private static boolean byValue(DataType t) {
    int len = length(t);
    return len == 1 || len == 2 || len == 4 || len == 8;
  }

  private static String align(DataType t) {
    return switch (length(t)) {
      case 1, -2, 64 -> "c";
      case 2 -> "s";
      case 8 -> "d";
      default -> t.isArray() && length(t.element()) == 8 ? "d" : "i";
    };
  }

  private static String storage(DataType t) {
    return length(t) == -1 ? "x" : "p";
  }

  private static long collation(DataType t) {
    DataType e = t.isArray() ? t.element() : t;
    return e == DataType.TEXT || e == DataType.VARCHAR || e == DataType.BPCHAR
        || e == DataType.NAME ? CatalogOids.DEFAULT_COLLATION : 0L;
  }

  private static String category(DataType t) {
    if (t.isArray()) {
      return "A";
    }
    return switch (t) {
      case BOOL -> "B";
      case INT2, INT4, INT8, OID, FLOAT4, FLOAT8, NUMERIC -> "N";
      case TEXT, VARCHAR, BPCHAR, NAME -> "S";
      case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "D";
      case INTERVAL -> "T";
      case UNKNOWN -> "X";
      case VOID -> "P";
      default -> "U";
    };
  }
}
