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
    StringBuilder b = new StringBuilder(SchemaCatalog.TEMP_PREFIX.length() + sessionId.length())
        .append(SchemaCatalog.TEMP_PREFIX);
    for (int i = 0; i < sessionId.length(); i++) {
      char c = Character.toLowerCase(sessionId.charAt(i));
      b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
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

  /**
   * Drops every relation of temporary schema {@code schema} (definitions and rows) in a store
   * transaction of its own; a no-op for a schema never used on this node. Blocking.
   */
  public static void dropAll(io.snapsync.storage.Store store, String schema) {
    if (schema == null || !IN_USE.remove(schema)) {
      return;
    }
    drop(store, java.util.Set.of(schema));
  }

  /**
   * At start-up: drops what the sessions of node {@code node} left in their temporary schemas
   * when the node stopped (their sessions ended with it). Blocking.
   */
  public static void dropLeftovers(io.snapsync.storage.Store store, String node) {
    String prefix = schemaOf(node + "-");
    java.util.Set<String> schemas = new java.util.HashSet<>();
    io.snapsync.storage.StoreTransaction t = store.begin();
    try {
      for (io.snapsync.core.sql.exec.TableDef d : io.snapsync.core.sql.exec.TableCatalog.all(t)) {
        if (Names.schemaOf(d.name()).startsWith(prefix)) {
          schemas.add(Names.schemaOf(d.name()));
        }
      }
      for (ViewDef v : ViewCatalog.all(t)) {
        if (Names.schemaOf(v.name()).startsWith(prefix)) {
          schemas.add(Names.schemaOf(v.name()));
        }
      }
    } finally {
      t.rollback();
    }
    if (!schemas.isEmpty()) {
      drop(store, schemas);
    }
  }

  private static void drop(io.snapsync.storage.Store store, java.util.Set<String> schemas) {
    io.snapsync.storage.StoreTransaction t = store.begin();
    try {
      for (String schema : schemas) {
        for (io.snapsync.core.sql.exec.TableDef d : SchemaCatalog.tables(t, schema)) {
          java.util.List<byte[]> rows = new java.util.ArrayList<>();
          try (io.snapsync.storage.CloseableIterator<io.snapsync.storage.KeyValue> it = t.scan(
              io.snapsync.core.sql.exec.Keys.rowsFrom(d.id()),
              io.snapsync.core.sql.exec.Keys.rowsTo(d.id()))) {
            while (it.hasNext()) {
              rows.add(it.next().key());
            }
          }
          rows.forEach(t::delete);
          t.delete(io.snapsync.core.sql.exec.Keys.table(d.name()));
        }
        for (ViewDef v : SchemaCatalog.views(t, schema)) {
          t.delete(ViewCatalog.key(v.name()));
        }
      }
      t.commit();
    } catch (RuntimeException e) {
      t.rollback();
      throw e;
    }
  }
}
