package io.snapsync.core.sql.catalog;

import io.snapsync.core.session.DataType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Catalog text PostgreSQL's functions print: {@code format_type}, {@code quote_ident},
 * {@code pg_get_indexdef}, {@code pg_get_constraintdef}. Static, thread-safe.
 */
public final class CatalogText {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
  private static final java.util.Set<String> RESERVED = java.util.Set.of("all", "and", "any",
      "array", "as", "asc", "case", "cast", "check", "column", "constraint", "create", "default",
      "desc", "distinct", "do", "else", "end", "false", "for", "foreign", "from", "grant",
      "group", "having", "in", "into", "limit", "not", "null", "offset", "on", "only", "or",
      "order", "primary", "references", "select", "table", "then", "to", "true", "union",
      "unique", "user", "using", "when", "where", "with");

  private CatalogText() {
  }

  /** PostgreSQL's {@code quote_ident}: double quotes unless a plain lower-case word. */
  public static String quoteIdent(String name) {
    if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** {@code format_type(oid, typmod)}: the type's SQL name with its modifier, or null. */
  public static String formatType(long oid, Integer typmod) {
    DataType t = DataType.ofOid((int) oid);
    if (t == null) {
      return "???";
    }
    int mod = typmod == null ? -1 : typmod;
    if (t.isArray()) {
      return formatType(t.element().oid(), mod) + "[]";
    }
    String name = t.sqlName();
    if (mod < 0) {
      return t == DataType.BPCHAR && typmod != null ? "bpchar" : name;
    }
    return switch (t) {
      case VARCHAR, BPCHAR -> name + "(" + (mod - 4) + ")";
      case NUMERIC -> name + "(" + ((mod - 4) >> 16) + "," + ((mod - 4) & 0xffff) + ")";
      default -> name;
    };
  }

  /** The index's definition, as {@code pg_get_indexdef} prints it. */
  public static String indexDef(CatalogIndex i) {
    return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quoteIdent(i.name())
        + " ON public." + quoteIdent(i.table().name()) + " USING btree (" + i.keyList() + ")"
        + (i.predicate() == null ? "" : " WHERE " + parenthesized(i.predicate()));
  }

  /** A PRIMARY KEY or UNIQUE constraint's definition, as {@code pg_get_constraintdef}. */
  public static String constraintDef(CatalogIndex i) {
    return (i.primary() ? "PRIMARY KEY (" : "UNIQUE (") + i.columnList() + ")";
  }

  /** A CHECK constraint's definition, as {@code pg_get_constraintdef} prints it. */
  public static String checkDef(String sql) {
    return "CHECK (" + parenthesized(sql) + ")";
  }

  /**
   * A column default as {@code pg_get_expr} prints it: the stored text, with the sequence name
   * of a serial column's {@code nextval('s')} (the form {@code Sequences} writes) cast to
   * regclass as PostgreSQL shows it.
   */
  /**
   * {@link #defaultExpr(String)} with the sequence of a {@code nextval} default named as
   * regclass output names it under the session's search_path ({@link #relationName}).
   */
  static String defaultExpr(CatalogView v, String sql) {
    String out = defaultExpr(sql);
    if (out != sql && out.endsWith("'::regclass)")) {
      String key = sql.substring(9, sql.length() - 2);
      return "nextval('" + relationName(v, key).replace("'", "''") + "'::regclass)";
    }
    return out;
  }

  /**
   * The name regclass output gives the relation of key name {@code key}: bare when its schema
   * is the first of the session's search_path holding that name, else {@code schema.name}
   * (pg_dump clears search_path and so gets every name qualified).
   */
  static String relationName(CatalogView v, String key) {
    String schema = io.snapsync.core.sql.ddl.Names.schemaOf(key);
    String rel = io.snapsync.core.sql.ddl.Names.relname(key);
    for (String s : v.searchPath()) {
      if (s.equals(schema)) {
        return quoteIdent(rel);
      }
      if (v.table(io.snapsync.core.sql.ddl.Names.key(s, rel)) != null) {
        break;
      }
    }
    return quoteIdent(schema) + "." + quoteIdent(rel);
  }

  public static String defaultExpr(String sql) {
    if (sql.startsWith("nextval('") && sql.endsWith("')") && sql.indexOf('\'', 9) == sql.length() - 2) {
      return sql.substring(0, sql.length() - 1) + "::regclass)";
    }
    return sql;
  }

  /** {@code (expr)} unless the text is one parenthesized expression already. */
  static String parenthesized(String sql) {
    String t = sql.trim();
    if (t.startsWith("(") && t.endsWith(")")) {
      int depth = 0;
      for (int k = 0; k < t.length(); k++) {
        char c = t.charAt(k);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if (depth == 0 && k < t.length() - 1) {
          return "(" + t + ")";
        }
      }
      return t;
    }
    return "(" + t + ")";
  }

  /** A type's {@code typname}: {@code int4}, {@code _int4}, ... */
  public static String typname(DataType t) {
    if (t.isArray()) {
      return "_" + typname(t.element());
    }
    return t.name().toLowerCase(Locale.ROOT);
  }
}
