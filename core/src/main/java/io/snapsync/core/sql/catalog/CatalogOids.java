package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.exec.TableDef;
import java.util.List;

/**
 * The OIDs clients see for snapsync's objects. Schemas and built-in types use PostgreSQL's own
 * numbers; a user table's OID is even, from 16384 up ({@link #table}), and its primary-key
 * index's the next odd number (stable for the table's lifetime); system tables count from
 * 12000 in name order. Objects that hang off a table or live on their own (secondary indexes,
 * sequences, CHECK constraints, column defaults) get OIDs above 2^31 derived from their stored
 * ids ({@link #derived}), so they stay stable and never meet a table's. Static, thread-safe.
 */
public final class CatalogOids {

  public static final long PG_CATALOG = 11;
  public static final long PUBLIC = 2200;
  /** PostgreSQL assigns information_schema's OID at initdb; this is ours. */
  public static final long INFORMATION_SCHEMA = 13000;
  /** The bootstrap superuser's OID; every object is owned by it. */
  public static final long OWNER = 10;
  /** The initial administrator, shown as the owner of every object. */
  public static final String ADMIN = io.snapsync.core.security.impl.InitialAdmin.USER;
  public static final long DATABASE = 16383;
  public static final long TEMPLATE1 = 1;
  public static final long HEAP_AM = 2;
  public static final long BTREE_AM = 403;
  public static final long DEFAULT_COLLATION = 100;
  private static final long FIRST_USER_OID = 16384;
  private static final long FIRST_SYSTEM_OID = 12000;
  private static final long FIRST_DERIVED_OID = (1L << 31) + 32768;

  private CatalogOids() {
  }

  /**
   * The table's OID: even, from 16384 up, below 2^31 + 16384 so that it fits PostgreSQL's
   * 32-bit OIDs (pgjdbc reads RowDescription's table OID as an int and looks it up in
   * pg_class); derived from the table's 64-bit id, so stable for the table's lifetime.
   */
  public static long table(TableDef def) {
    return FIRST_USER_OID + 2L * (Long.hashCode(def.id()) & 0x3fffffffL);
  }

  public static long primaryKey(TableDef def) {
    return table(def) + 1;
  }

  /** A secondary index's OID (from its entries' key prefix). */
  public static long index(io.snapsync.core.sql.index.IndexDef def) {
    return derived(def.id(), 0);
  }

  /** A sequence's OID (from its counter id). */
  public static long sequence(long sequenceId) {
    return derived(sequenceId, 1);
  }

  /** The OID of {@code def}'s {@code n}-th CHECK constraint (0-based). */
  public static long check(TableDef def, int n) {
    return derived(def.id() ^ ((n + 1) * 0x9E3779B97F4A7C15L), 2);
  }

  /** The OID of the pg_attrdef row of {@code def}'s column {@code attnum} (1-based). */
  public static long attrdef(TableDef def, int attnum) {
    return derived(def.id() ^ (attnum * 0xC2B2AE3D27D4EB4FL), 3);
  }

  /** An OID above 2^31 and below 2^32 for object {@code id} of kind {@code kind} (0..3). */
  private static long derived(long id, int kind) {
    return FIRST_DERIVED_OID + 4L * (Long.hashCode(id * 0xFF51AFD7ED558CCDL) & 0x0fffffffL) + kind;
  }

  /** The OID of the {@code index}-th system table in name order. */
  public static long systemTable(int index) {
    return FIRST_SYSTEM_OID + index;
  }

  /** The user table whose table or primary-key OID is {@code oid}, or null. */
  public static TableDef find(List<TableDef> tables, long oid) {
    for (TableDef d : tables) {
      if (table(d) == oid || primaryKey(d) == oid) {
        return d;
      }
    }
    return null;
  }

  /** A role's OID: {@link #OWNER} for the initial administrator, else stable from the name. */
  public static long role(String name, String admin) {
    return name.equals(admin) ? OWNER : FIRST_USER_OID + 1_000_000L + (name.hashCode() & 0xffffL);
  }
}
