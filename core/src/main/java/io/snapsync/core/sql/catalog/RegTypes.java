package io.snapsync.core.sql.catalog;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's object-identifier types {@code regclass}, {@code regtype}, {@code regnamespace}
 * and {@code regproc}: the bodies of their input and output functions ({@code regclassin},
 * {@code regclassout}, ..., registered with the built-in functions) and of
 * {@code to_regclass}/{@code to_regtype}/{@code to_regnamespace}.
 * Values are OIDs; {@link RegCasts} turns {@code 'name'::regclass} and
 * {@code oid::regclass::text} into calls of these. Input resolves names as the statement's
 * transaction sees the schema; output of an unknown OID is the number, as in PostgreSQL.
 */
public final class RegTypes {

  private RegTypes() {
  }

  /** PostgreSQL's OIDs of the access methods' handler functions (pg_am.amhandler). */
  public static final long HEAP_HANDLER = 3;
  public static final long BTREE_HANDLER = 330;

  /** {@code regprocout}: the handlers' names, "-" for 0, else the number. */
  public static String procOut(long oid) {
    return oid == 0 ? "-" : oid == HEAP_HANDLER ? "heap_tableam_handler"
        : oid == BTREE_HANDLER ? "bthandler" : Long.toString(oid);
  }

  public static Object classIn(CatalogView v, String text, boolean strict) {
    Long oid = number(text);
    if (oid != null) {
      return oid;
    }
    List<String> name = names(text);
    String rel = name.get(name.size() - 1);
    String schema = name.size() > 1 ? name.get(0) : null;
    // a user relation's key name: "t" in public, "s.t" in schema s
    String key = schema == null ? rel : io.snapsync.core.sql.ddl.Names.key(schema, rel);
    if (schema == null || !schema.equals("pg_catalog") && !schema.equals("information_schema")) {
      for (TableDef d : v.tables()) {
        if (d.name().equals(key)) {
          return CatalogOids.table(d);
        }
        for (CatalogIndex i : CatalogIndex.of(d)) {
          if (i.name().equals(key)) {
            return i.oid();
          }
        }
      }
      for (io.snapsync.core.sql.ddl.ViewDef d : v.views()) {
        if (d.name().equals(key)) {
          return ViewRows.oid(d);
        }
      }
      for (io.snapsync.core.sql.ddl.SequenceDef q : v.sequences()) {
        if (q.name().equals(key)) {
          return CatalogOids.sequence(q.id());
        }
      }
    }
    rel = name.get(name.size() - 1);
    String system = "information_schema".equals(schema) ? InformationSchema.PREFIX + rel : rel;
    if (schema == null || schema.equals("pg_catalog") || !system.equals(rel)) {
      for (SystemTable t : v.systemTables()) {
        if (t.name().equals(system)) {
          return v.systemOid(t);
        }
      }
    }
    if (!strict) {
      return null;
    }
    throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "catalog.relation_not_exist", text);
  }

  public static String classOut(CatalogView v, long oid) {
    TableDef d = v.table(oid);
    if (d != null && CatalogOids.table(d) == oid) {
      return CatalogText.relationName(v, d.name());
    }
    CatalogIndex index = v.index(oid);
    if (index != null) {
      return CatalogText.relationName(v, index.name());
    }
    io.snapsync.core.sql.ddl.SequenceDef q = v.sequence(oid);
    if (q != null) {
      return CatalogText.relationName(v, q.name());
    }
    for (io.snapsync.core.sql.ddl.ViewDef vd : v.views()) {
      if (ViewRows.oid(vd) == oid) {
        return CatalogText.relationName(v, vd.name());
      }
    }
    for (SystemTable t : v.systemTables()) {
      if (v.systemOid(t) == oid) {
        return t.name();
      }
    }
    return Long.toString(oid);
  }

  public static Object typeIn(String text, boolean strict) {
    Long oid = number(text);
    if (oid != null) {
      return oid;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("pg_catalog.")) {
      t = t.substring("pg_catalog.".length());
    }
    t = switch (t) {
      case "int", "integer" -> "int4";
      case "smallint" -> "int2";
      case "bigint" -> "int8";
      case "real" -> "float4";
      case "double precision", "float" -> "float8";
      case "boolean" -> "bool";
      case "character varying" -> "varchar";
      case "character", "char" -> "bpchar";
      case "decimal" -> "numeric";
      default -> t;
    };
    for (DataType d : DataType.values()) {
      if (CatalogText.typname(d).equals(t) || d.sqlName().equals(t)) {
        return (long) d.oid();
      }
    }
    if (!strict) {
      return null;
    }
    throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "catalog.type_not_exist", text);
  }

  public static String typeOut(long oid) {
    DataType d = DataType.ofOid((int) oid);
    return d == null ? Long.toString(oid) : CatalogText.formatType(oid, null);
  }

  private static final String[][] NAMESPACES = {
      {"pg_catalog", Long.toString(CatalogOids.PG_CATALOG)},
      {"public", Long.toString(CatalogOids.PUBLIC)},
      {"information_schema", Long.toString(CatalogOids.INFORMATION_SCHEMA)}};

  public static Object namespaceIn(String text, boolean strict) {
    Long oid = number(text);
    if (oid != null) {
      return oid;
    }
    String n = names(text).get(0);
    for (String[] ns : NAMESPACES) {
      if (ns[0].equals(n)) {
        return Long.parseLong(ns[1]);
      }
    }
    if (!strict) {
      return null;
    }
    throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "catalog.schema_not_exist",
        text);
  }

  public static String namespaceOut(long oid) {
    for (String[] ns : NAMESPACES) {
      if (Long.parseLong(ns[1]) == oid) {
        return ns[0];
      }
    }
    return Long.toString(oid);
  }

  public static Object procIn(String text) {
    Long oid = number(text);
    if (oid != null) {
      return oid;
    }
    if (text.trim().equals("-")) {
      return 0L;
    }
    throw SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "catalog.function_not_exist",
        text);
  }

  private static Long number(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() < 19) {
      return Long.parseLong(t);
    }
    return null;
  }

  /** A possibly qualified, possibly quoted name: unquoted parts fold to lower case. */
  static List<String> names(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    String t = text.trim();
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < t.length() && t.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == '.') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(Character.toLowerCase(ch));
      }
    }
    out.add(cur.toString());
    if (quoted || out.size() > 3 || out.stream().anyMatch(String::isEmpty)) {
      throw SnapsyncException.error(SqlState.INVALID_NAME, "catalog.invalid_name");
    }
    return out.size() == 3 ? out.subList(1, 3) : out;
  }
}
