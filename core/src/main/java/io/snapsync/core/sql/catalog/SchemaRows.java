package io.snapsync.core.sql.catalog;

import io.snapsync.core.sql.ddl.Names;
import io.snapsync.core.sql.ddl.SchemaCatalog;
import io.snapsync.core.sql.ddl.SchemaDef;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_namespace's rows and each relation's pg_class.relnamespace: the built-in schemas, the
 * stored ones ({@link SchemaCatalog}, OID fixed at creation) and temporary schemas. Built per
 * catalog scan; blocking (store reads).
 */
public final class SchemaRows {

  private final Map<String, Long> oids = new HashMap<>();
  private final List<SchemaDef> stored;
  private final StoreTransaction txn;

  private SchemaRows(StoreTransaction txn) {
    this.txn = txn;
    stored = txn == null ? List.of() : SchemaCatalog.all(txn);
    oids.put(Names.PUBLIC, CatalogOids.PUBLIC);
    oids.put(SchemaCatalog.PG_CATALOG, CatalogOids.PG_CATALOG);
    oids.put(SchemaCatalog.INFORMATION_SCHEMA, CatalogOids.INFORMATION_SCHEMA);
    stored.forEach(d -> oids.put(d.name(), oid(d.id())));
  }

  /** The schemas of catalog view {@code v}'s transaction. */
  static SchemaRows of(CatalogView v) {
    StoreTransaction txn = null;
    if (v.call() != null && v.call().sessionInternals() instanceof SessionContext c) {
      txn = c.txn().storeTxn();
    }
    return new SchemaRows(txn);
  }

  /** The pg_namespace OID of the schema of key name {@code key}. */
  long namespaceOf(String key) {
    String schema = Names.schemaOf(key);
    return oids.computeIfAbsent(schema, s -> oid(s.hashCode()));
  }

  /** pg_namespace's rows: oid, nspname, nspowner, nspacl. */
  List<List<Object>> rows(String admin) {
    List<List<Object>> out = new ArrayList<>();
    out.add(Arrays.asList(CatalogOids.PG_CATALOG, SchemaCatalog.PG_CATALOG, CatalogOids.OWNER,
        null));
    out.add(Arrays.asList(CatalogOids.PUBLIC, Names.PUBLIC, CatalogOids.OWNER,
        acl(Names.PUBLIC)));
    out.add(Arrays.asList(CatalogOids.INFORMATION_SCHEMA, SchemaCatalog.INFORMATION_SCHEMA,
        CatalogOids.OWNER, null));
    for (SchemaDef d : stored) {
      out.add(Arrays.asList(oid(d.id()), d.name(), CatalogOids.role(d.owner(), admin),
          acl(d.name())));
    }
    return out;
  }

  /** nspacl: the schema's granted privileges, null while it has its default list. */
  private List<String> acl(String schema) {
    return txn == null ? null : io.snapsync.core.sql.access.Acls.nspaclItems(txn, schema);
  }

  /** The pg_namespace OID of stored schema {@code d}. */
  public static long oidOf(SchemaDef d) {
    return oid(d.id());
  }

  /** Odd, so never a table's OID (those are even). */
  private static long oid(long id) {
    return 16384 + 2L * (Long.hashCode(id * 0x9E3779B97F4A7C15L) & 0x3fffffffL) + 1;
  }
}
