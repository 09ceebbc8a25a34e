package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Object names of DDL and their storage form. A relation's <em>key name</em> (its
 * {@link io.snapsync.core.sql.exec.TableDef#name()}, the text of its catalog key) is its bare
 * name for schema {@code public} (the layout of every table written before schemas existed)
 * and {@code schema.name} for any other schema. A name as parsed is either unqualified
 * ({@code t}: resolved through the session's {@link SearchPath} when the statement runs) or
 * qualified ({@code s.t}, {@code public.t}); {@link SearchPath#resolve} turns both into key
 * names.
 */
public final class Names {

  /** The schema every table created before schemas existed lives in. */
  public static final String PUBLIC = "public";

  private Names() {
  }

  /**
   * The object's name as parsed: {@code t}, or {@code s.t} for a qualified name (also for
   * {@code public.t}, so that it is not looked up along the search path); a database name
   * before the schema is ignored.
   */
  static String of(SqlNode node) {
    SqlIdentifier id = (SqlIdentifier) node;
    if (id.names.size() == 1) {
      return id.names.get(0);
    }
    if (id.names.size() > 3) {
      throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.schema_not_exist",
          id.names.get(id.names.size() - 2));
    }
    return id.names.get(id.names.size() - 2) + "." + id.names.get(id.names.size() - 1);
  }

  /** A column or constraint name. */
  static String simple(SqlNode node) {
    return ((SqlIdentifier) node).getSimple();
  }

  /** True for a parsed name that names its schema. */
  public static boolean qualified(String name) {
    return name.indexOf('.') > 0;
  }

  /** The key name of relation {@code name} in {@code schema}. */
  public static String key(String schema, String name) {
    return schema.equals(PUBLIC) ? name : schema + "." + name;
  }

  /** The schema of key name (or qualified name) {@code key}. */
  public static String schemaOf(String key) {
    int dot = key.indexOf('.');
    return dot > 0 ? key.substring(0, dot) : PUBLIC;
  }

  /** The relation's own name (pg_class.relname) of key name {@code key}. */
  public static String relname(String key) {
    int dot = key.indexOf('.');
    return dot > 0 ? key.substring(dot + 1) : key;
  }
}
