package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.FLOAT4;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT2_ARRAY;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.OID_ARRAY;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import io.snapsync.core.sql.ddl.Names;
import java.util.List;

/**
 * pg_namespace, pg_class, pg_index, pg_constraint, pg_tables and pg_indexes: user tables (in
 * {@code public}, each with its primary-key index {@code <table>_pkey}) and system tables (in
 * {@code pg_catalog}, relkind 'v' as PostgreSQL's views are).
 */
final class RelationTables {

  /** pg_class.relchecks' position in {@link #classRow}. */
  private static final int RELCHECKS = 18;

  private RelationTables() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_namespace", cols("oid", OID, "nspname", NAME, "nspowner", OID,
        "nspacl", TEXT_ARRAY), v -> SchemaRows.of(v).rows(CatalogOids.ADMIN));
    add(db, r, "pg_class", cols("oid", OID, "relname", NAME, "relnamespace", OID,
        "reltype", OID, "reloftype", OID, "relowner", OID, "relam", OID, "relfilenode", OID,
        "reltablespace", OID, "relpages", INT4, "reltuples", FLOAT4, "relallvisible", INT4,
        "reltoastrelid", OID, "relhasindex", BOOL, "relisshared", BOOL, "relpersistence", TEXT,
        "relkind", TEXT, "relnatts", INT2, "relchecks", INT2, "relhasrules", BOOL,
        "relhastriggers", BOOL, "relhassubclass", BOOL, "relrowsecurity", BOOL,
        "relforcerowsecurity", BOOL, "relispopulated", BOOL, "relreplident", TEXT,
        "relispartition", BOOL, "relrewrite", OID, "relfrozenxid", INT8, "relminmxid",
        INT8, "relacl", TEXT_ARRAY, "reloptions", TEXT_ARRAY, "relpartbound", TEXT),
        RelationTables::classRows);
    add(db, r, "pg_index", cols("indexrelid", OID, "indrelid", OID, "indnatts", INT2,
        "indnkeyatts", INT2, "indisunique", BOOL, "indnullsnotdistinct", BOOL,
        "indisprimary", BOOL, "indisexclusion", BOOL, "indimmediate", BOOL,
        "indisclustered", BOOL, "indisvalid", BOOL, "indcheckxmin", BOOL, "indisready", BOOL,
        "indislive", BOOL, "indisreplident", BOOL, "indkey", INT2_ARRAY,
        "indcollation", OID_ARRAY, "indclass", OID_ARRAY, "indoption", INT2_ARRAY,
        "indexprs", TEXT, "indpred", TEXT), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (TableDef d : v.tables()) {
            for (CatalogIndex i : CatalogIndex.of(d)) {
              short n = (short) i.columns().size();
              List<Long> zeros = java.util.Collections.nCopies(n, 0L);
              rows.add(Arrays.asList(i.oid(), CatalogOids.table(d), n, n, i.unique(), false,
                  i.primary(), false, true, false, true, false, true, true, false,
                  Vectors.of(i.attnums()), Vectors.of(zeros), Vectors.of(opclasses(i)),
                  Vectors.of(i.options()), null, i.predicate()));
            }
          }
          return rows;
        });
    add(db, r, "pg_constraint", cols("oid", OID, "conname", NAME, "connamespace", OID,
        "contype", TEXT, "condeferrable", BOOL, "condeferred", BOOL, "convalidated", BOOL,
        "conrelid", OID, "contypid", OID, "conindid", OID, "conparentid", OID,
        "confrelid", OID, "confupdtype", TEXT, "confdeltype", TEXT, "confmatchtype", TEXT,
        "conislocal", BOOL, "coninhcount", INT4, "connoinherit", BOOL, "conkey", INT2_ARRAY,
        "confkey", INT2_ARRAY, "conpfeqop", OID_ARRAY, "conppeqop", OID_ARRAY,
        "conffeqop", OID_ARRAY, "confdelsetcols", INT2_ARRAY, "conexclop", OID_ARRAY,
        "conbin", TEXT), ConstraintRows::constraints);
    add(db, r, "pg_tables", cols("schemaname", NAME, "tablename", NAME, "tableowner", NAME,
        "tablespace", NAME, "hasindexes", BOOL, "hasrules", BOOL, "hastriggers", BOOL,
        "rowsecurity", BOOL), v -> {
          List<List<Object>> rows = new ArrayList<>();
          String owner = CatalogOids.ADMIN;
          for (TableDef d : v.tables()) {
            rows.add(Arrays.asList(Names.schemaOf(d.name()), Names.relname(d.name()), owner, null,
                !CatalogIndex.of(d).isEmpty(), false, false, false));
          }
          return rows;
        });
    add(db, r, "pg_indexes", cols("schemaname", NAME, "tablename", NAME, "indexname", NAME,
        "tablespace", NAME, "indexdef", TEXT), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (TableDef d : v.tables()) {
            for (CatalogIndex i : CatalogIndex.of(d)) {
              rows.add(Arrays.asList(Names.schemaOf(d.name()), Names.relname(d.name()),
                  Names.relname(i.name()), null, CatalogText.indexDef(i)));
            }
          }
          return rows;
        });
  }

  private static List<List<Object>> classRows(CatalogView v) {
    List<List<Object>> rows = new ArrayList<>();
    SchemaRows schemas = SchemaRows.of(v);
    for (TableDef d : v.tables()) {
      List<CatalogIndex> indexes = CatalogIndex.of(d);
      List<Object> table = classRow(CatalogOids.table(d), Names.relname(d.name()),
          schemas.namespaceOf(d.name()),
          CatalogOids.HEAP_AM, !indexes.isEmpty(), "r", d.columns().size());
      table.set(RELCHECKS, (short) d.checks().size());
      if (io.snapsync.core.sql.ddl.SchemaCatalog.temporary(Names.schemaOf(d.name()))) {
        table.set(15, "t");
      }
      rows.add(table);
      for (CatalogIndex i : indexes) {
        rows.add(classRow(i.oid(), Names.relname(i.name()), schemas.namespaceOf(d.name()),
            CatalogOids.BTREE_AM, false,
            "i", i.columns().size()));
      }
    }
    for (io.snapsync.core.sql.ddl.ViewDef d : ViewRows.views(v)) {
      rows.add(classRow(ViewRows.oid(d), Names.relname(d.name()), schemas.namespaceOf(d.name()),
          0L, false, "v",
          d.columns().size()));
    }
    for (io.snapsync.core.sql.ddl.SequenceDef s : v.sequences()) {
      rows.add(classRow(CatalogOids.sequence(s.id()), Names.relname(s.name()),
          schemas.namespaceOf(s.name()), 0L, false,
          "S", 3));
    }
    for (SystemTable t : v.systemTables()) {
      boolean info = t.name().startsWith(InformationSchema.PREFIX);
      rows.add(classRow(v.systemOid(t), info ? t.name().substring(InformationSchema.PREFIX
          .length()) : t.name(), info ? CatalogOids.INFORMATION_SCHEMA : CatalogOids.PG_CATALOG,
          0L, false, "v", t.columns().size()));
    }
    return rows;
  }

  /** The btree operator classes of the index's key columns (PostgreSQL's default ones). */
  private static List<Long> opclasses(CatalogIndex i) {
    List<Long> out = new ArrayList<>();
    for (int c : i.columns()) {
      out.add(switch (i.table().columns().get(c).type()) {
        case INT2 -> 1979L;
        case INT8 -> 3124L;
        case TEXT, VARCHAR, NAME -> 3126L;
        case BOOL -> 424L;
        case NUMERIC -> 3125L;
        case TIMESTAMPTZ -> 3127L;
        case TIMESTAMP -> 3128L;
        case DATE -> 3122L;
        case UUID -> 2968L;
        case FLOAT8 -> 3123L;
        default -> 1978L;
      });
    }
    return out;
  }

  private static List<Object> classRow(long oid, String name, long namespace, long am,
      boolean hasIndex, String kind, int columns) {
    return Arrays.asList(oid, name, namespace, 0L, 0L, CatalogOids.OWNER, am, oid, 0L, 0, -1f,
        0, 0L, hasIndex, false, "p", kind, (short) columns, (short) 0, false, false, false,
        false, false, true, "d", false, 0L, 0L, 0L, null, null, null);
  }
}
