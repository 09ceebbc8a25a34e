package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Schemas, read and written through a store transaction (transactional DDL, visible through
 * snapshots). Key layout: {@code 'N' name}. {@code public}, {@code pg_catalog} and
 * {@code information_schema} always exist and are not stored; a session's temporary schema
 * ({@code pg_temp_...}) exists while the session has temporary objects. Blocking; stateless.
 */
public final class SchemaCatalog {

  /** PostgreSQL's system catalog schema. */
  public static final String PG_CATALOG = "pg_catalog";

  /** The SQL-standard information schema. */
  public static final String INFORMATION_SCHEMA = "information_schema";

  /** The prefix of every session's temporary schema. */
  public static final String TEMP_PREFIX = "pg_temp_";

  private static final byte SCHEMA = 'N';

  private SchemaCatalog() {
  }

  /** The key of schema {@code name}'s definition (locked by DDL on the schema). */
  public static byte[] key(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(SCHEMA).put(n).array();
  }

  /** True for the schemas that always exist. */
  public static boolean builtin(String name) {
    return name.equals(Names.PUBLIC) || name.equals(PG_CATALOG)
        || name.equals(INFORMATION_SCHEMA);
  }

  /** True for a temporary schema's name ({@code pg_temp_...}). */
  public static boolean temporary(String name) {
    return name.startsWith(TEMP_PREFIX);
  }

  /** The stored schema as {@code t} sees it, or null (also for the built-in ones). */
  public static SchemaDef find(StoreTransaction t, String name) {
    byte[] b = t.get(key(name));
    return b == null ? null : SchemaDef.fromBytes(b);
  }

  /** True when schema {@code name} exists for {@code t}. */
  public static boolean exists(StoreTransaction t, String name) {
    return builtin(name) || temporary(name) || find(t, name) != null;
  }

  /** Every stored schema, by name. */
  public static List<SchemaDef> all(StoreTransaction t) {
    List<SchemaDef> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(new byte[] {SCHEMA},
        new byte[] {SCHEMA + 1})) {
      while (it.hasNext()) {
        out.add(SchemaDef.fromBytes(it.next().value()));
      }
    }
    return out;
  }

  /** Writes (creates or replaces) schema {@code d}. */
  public static void put(StoreTransaction t, SchemaDef d) {
    t.put(key(d.name()), d.toBytes());
  }

  /** Removes schema {@code name}'s definition. */
  public static void delete(StoreTransaction t, String name) {
    t.delete(key(name));
  }

  /** The tables of schema {@code name}. */
  public static List<TableDef> tables(StoreTransaction t, String name) {
    return TableCatalog.all(t).stream().filter(d -> Names.schemaOf(d.name()).equals(name))
        .toList();
  }

  /** The views of schema {@code name}. */
  public static List<ViewDef> views(StoreTransaction t, String name) {
    return ViewCatalog.all(t).stream().filter(d -> Names.schemaOf(d.name()).equals(name))
        .toList();
  }

  /** The sequences of schema {@code name}. */
  public static List<SequenceDef> sequences(StoreTransaction t, String name) {
    return Sequences.all(t).stream().filter(d -> Names.schemaOf(d.name()).equals(name))
        .toList();
  }
}
