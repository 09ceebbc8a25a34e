package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT2_ARRAY;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.OID_ARRAY;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;
import static io.snapsync.core.sql.catalog.CatalogTableDef.empty;

import io.snapsync.core.node.NodeServices;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Registers PostgreSQL 15's {@code pg_catalog} tables that psql's describe commands and pgjdbc's
 * metadata queries read, computed over the schema as the statement's transaction sees it.
 * Tables without snapsync counterparts (inheritance, triggers, rules, policies, publications,
 * ...) are present and empty so that clients' joins work.
 */
public final class PgCatalog {

  /** PostgreSQL's compiled-in limits clients read from pg_settings (pgjdbc: max_index_keys). */
  private static final String[][] PRESET = {{"max_index_keys", "32"},
      {"max_identifier_length", "63"}, {"block_size", "8192"}};

  private PgCatalog() {
  }

  /** Adds every catalog table to {@code r}; an already registered name is kept. */
  public static void registerAll(Database db, SystemTableRegistry r, NodeServices services) {
    ViewRows.register(db, r);
    SequenceTables.register(db, r);
    add(db, r, "pg_attrdef", cols("oid", OID, "adrelid", OID, "adnum", INT2, "adbin", TEXT),
        ConstraintRows::defaults);
    RelationTables.register(db, r);
    ObjectStatsTables.register(db, r);
    DumpTables.register(db, r);
    TypeTables.register(db, r);
    RoleTables.register(db, r, services.users());
    InformationSchema.register(db, r);
    add(db, r, "pg_settings", cols("name", TEXT, "setting", TEXT, "unit", TEXT,
        "category", TEXT, "short_desc", TEXT, "extra_desc", TEXT, "context", TEXT,
        "vartype", TEXT, "source", TEXT, "min_val", TEXT, "max_val", TEXT,
        "enumvals", TEXT_ARRAY, "boot_val", TEXT, "reset_val", TEXT, "sourcefile", TEXT,
        "sourceline", INT4, "pending_restart", BOOL), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (SettingDefinition d : services.settings().definitions()) {
            String value;
            try {
              value = v.call().setting(d.name());
            } catch (RuntimeException e) {
              value = d.defaultValue();
            }
            boolean numeric = d.type() == SettingDefinition.Type.INTEGER;
            rows.add(Arrays.asList(d.name(), value, d.unit(), "Ungrouped", null, null,
                d.level() == SettingDefinition.Level.SESSION ? "user" : "sighup",
                d.type().name().toLowerCase(java.util.Locale.ROOT), "default",
                numeric ? Long.toString(d.min()) : null, numeric ? Long.toString(d.max()) : null,
                d.allowed() == null || d.allowed().isEmpty() ? null : d.allowed(),
                d.defaultValue(), d.defaultValue(), null, null, false));
          }
          for (String[] fixed : PRESET) {
            rows.add(Arrays.asList(fixed[0], fixed[1], null, "Preset Options", null, null,
                "internal", "integer", "default", fixed[1], fixed[1], null, fixed[1], fixed[1],
                null, null, false));
          }
          return rows;
        });
    add(db, r, "pg_proc", cols("oid", OID, "proname", NAME, "pronamespace", OID,
        "proowner", OID, "prolang", OID, "prokind", TEXT, "proretset", BOOL,
        "provolatile", TEXT, "pronargs", INT2, "prorettype", OID, "proargtypes", TEXT,
        "proallargtypes", TEXT, "proargnames", TEXT_ARRAY, "prosrc", TEXT, "proacl",
        TEXT_ARRAY), io.snapsync.core.sql.routine.ProcRows::rows);
    empty(db, r, "pg_description", "objoid", OID, "classoid", OID, "objsubid", INT4,
        "description", TEXT);
    empty(db, r, "pg_shdescription", "objoid", OID, "classoid", OID, "description", TEXT);
    empty(db, r, "pg_views", "schemaname", NAME, "viewname", NAME, "viewowner", NAME,
        "definition", TEXT);
    empty(db, r, "pg_inherits", "inhrelid", OID, "inhparent", OID, "inhseqno", INT4,
        "inhdetachpending", BOOL);
    empty(db, r, "pg_partitioned_table", "partrelid", OID, "partstrat", TEXT, "partnatts",
        INT2, "partdefid", OID, "partattrs", INT2_ARRAY, "partclass", OID_ARRAY,
        "partcollation", OID_ARRAY, "partexprs", TEXT);
    empty(db, r, "pg_trigger", "oid", OID, "tgrelid", OID, "tgparentid", OID, "tgname", NAME,
        "tgfoid", OID, "tgtype", INT2, "tgenabled", TEXT, "tgisinternal", BOOL);
    empty(db, r, "pg_rewrite", "oid", OID, "rulename", NAME, "ev_class", OID, "ev_type",
        TEXT, "ev_enabled", TEXT, "is_instead", BOOL);
    empty(db, r, "pg_policy", "oid", OID, "polname", NAME, "polrelid", OID, "polcmd", TEXT,
        "polpermissive", BOOL, "polroles", OID_ARRAY, "polqual", TEXT, "polwithcheck", TEXT);
    empty(db, r, "pg_statistic_ext", "oid", OID, "stxrelid", OID, "stxname", NAME,
        "stxnamespace", OID, "stxowner", OID, "stxstattarget", INT4, "stxkeys", INT2_ARRAY,
        "stxkind", TEXT_ARRAY, "stxexprs", TEXT);
    empty(db, r, "pg_foreign_table", "ftrelid", OID, "ftserver", OID, "ftoptions",
        TEXT_ARRAY);
    empty(db, r, "pg_publication", "oid", OID, "pubname", NAME, "pubowner", OID,
        "puballtables", BOOL, "pubinsert", BOOL, "pubupdate", BOOL, "pubdelete", BOOL,
        "pubtruncate", BOOL, "pubviaroot", BOOL);
    empty(db, r, "pg_publication_rel", "oid", OID, "prpubid", OID, "prrelid", OID, "prqual",
        TEXT, "prattrs", INT2_ARRAY);
    empty(db, r, "pg_publication_namespace", "oid", OID, "pnpubid", OID, "pnnspid", OID);
    empty(db, r, "pg_collation", "oid", OID, "collname", NAME, "collnamespace", OID,
        "collowner", OID, "collprovider", TEXT, "collisdeterministic", BOOL,
        "collencoding", INT4, "collcollate", TEXT, "collctype", TEXT);
    empty(db, r, "pg_extension", "oid", OID, "extname", NAME, "extowner", OID,
        "extnamespace", OID, "extrelocatable", BOOL, "extversion", TEXT, "extconfig", OID_ARRAY,
        "extcondition", TEXT_ARRAY);
    empty(db, r, "pg_operator", "oid", OID, "oprname", NAME, "oprnamespace", OID,
        "oprleft", OID, "oprright", OID, "oprresult", OID, "oprowner", OID, "oprkind", TEXT,
        "oprcanmerge", BOOL, "oprcanhash", BOOL, "oprcom", OID, "oprnegate", OID, "oprcode",
        OID, "oprrest", OID, "oprjoin", OID);
    empty(db, r, "pg_tablespace", "oid", OID, "spcname", NAME, "spcowner", OID);
    // dump: per-database and per-role settings (pg_dump -Fc reads them; snapsync has none)
    empty(db, r, "pg_db_role_setting", "setdatabase", OID, "setrole", OID, "setconfig",
        TEXT_ARRAY);
  }
}
