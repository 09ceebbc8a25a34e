package io.snapsync.core.sql.ddl;

/**
 * Temporary relations: each session's own schema {@code pg_temp_<session>}, first on its path
 * for relations, whose objects only that session sees (no other session's path contains it)
 * and which are dropped when the session ends. Rows live in the MVCC store like any table's
 * (so they commit, roll back and read under snapshots the same way); what the session leaves
 * behind at a crash is dropped when the node next opens the database. Stateless.
 */
public final class TempTables {

  /** The schema {@code CREATE TEMP} names as parsed: the session's temporary schema. */
  public static final String PARSED_SCHEMA = "pg_temp";

  /** Temporary schemas a session of this node has created objects in (until it ended). */
  private static final java.util.Set<String> IN_USE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private TempTables() {
  }

  /** True once the session owning {@code schema} created a temporary object. */
  static boolean inUse(String schema) {
    return IN_USE.contains(schema);
  }

  static void markInUse(String schema) {
    IN_USE.add(schema);
  }

  /** Session {@code sessionId}'s temporary schema; null without a session. */
  public static String schemaOf(String sessionId) {
    if (sessionId == null) {
      return null;
    }
    return SchemaCatalog.TEMP_PREFIX + sessionId.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]", "_");
  }

  /** The parsed name of CREATE [TEMP] TABLE's table: {@code pg_temp.t} for a temporary one. */
  static String parsedName(io.snapsync.sql.parser.ast.PgCreateTable c) {
    String name = Names.of(c.name);
    if (c.persistence() != io.snapsync.sql.parser.ast.PgCreateTable.Persistence.TEMPORARY) {
      return name;
    }
    if (Names.qualified(name) && !Names.schemaOf(name).equals(PARSED_SCHEMA)) {
      throw io.snapsync.core.error.SnapsyncException.error(
          io.snapsync.core.error.SqlState.INVALID_TABLE_DEFINITION, "ddl.temp_in_schema");
    }
    return PARSED_SCHEMA + "." + Names.relname(name);
  }
}
