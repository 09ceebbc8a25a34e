package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.INT2;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.OID;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;
import static io.snapsync.core.sql.catalog.CatalogTableDef.empty;

import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import java.util.Arrays;
import java.util.List;

/**
 * The catalogs pg_dump 15 reads for objects snapsync does not have (procedural languages,
 * operator classes, text search, foreign data, default privileges, conversions, casts,
 * transforms, event triggers, subscriptions, large objects, security labels): present with
 * PostgreSQL 15's columns so its queries run, and empty but for pg_language's built-in
 * languages.
 */
final class DumpTables {

  private DumpTables() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, "pg_language", cols("oid", OID, "lanname", NAME, "lanowner", OID, "lanispl",
        BOOL, "lanpltrusted", BOOL, "lanplcallfoid", OID, "laninline", OID, "lanvalidator", OID,
        "lanacl", TEXT_ARRAY), v -> List.of(language(12, "internal", false, 2246),
            language(13, "c", false, 2247), language(14, "sql", true, 2248)));
    empty(db, r, "pg_init_privs", "objoid", OID, "classoid", OID, "objsubid", INT4, "privtype",
        TEXT, "initprivs", TEXT_ARRAY);
    empty(db, r, "pg_opclass", "oid", OID, "opcmethod", OID, "opcname", NAME, "opcnamespace",
        OID, "opcowner", OID, "opcfamily", OID, "opcintype", OID, "opcdefault", BOOL,
        "opckeytype", OID);
    empty(db, r, "pg_opfamily", "oid", OID, "opfmethod", OID, "opfname", NAME, "opfnamespace",
        OID, "opfowner", OID);
    empty(db, r, "pg_amop", "oid", OID, "amopfamily", OID, "amoplefttype", OID,
        "amoprighttype", OID, "amopstrategy", INT2, "amoppurpose", TEXT, "amopopr", OID,
        "amopmethod", OID, "amopsortfamily", OID);
    empty(db, r, "pg_amproc", "oid", OID, "amprocfamily", OID, "amproclefttype", OID,
        "amprocrighttype", OID, "amprocnum", INT2, "amproc", OID);
    empty(db, r, "pg_ts_parser", "oid", OID, "prsname", NAME, "prsnamespace", OID, "prsstart",
        OID, "prstoken", OID, "prsend", OID, "prsheadline", OID, "prslextype", OID);
    empty(db, r, "pg_ts_template", "oid", OID, "tmplname", NAME, "tmplnamespace", OID,
        "tmplinit", OID, "tmpllexize", OID);
    empty(db, r, "pg_ts_dict", "oid", OID, "dictname", NAME, "dictnamespace", OID, "dictowner",
        OID, "dicttemplate", OID, "dictinitoption", TEXT);
    empty(db, r, "pg_ts_config", "oid", OID, "cfgname", NAME, "cfgnamespace", OID, "cfgowner",
        OID, "cfgparser", OID);
    empty(db, r, "pg_foreign_data_wrapper", "oid", OID, "fdwname", NAME, "fdwowner", OID,
        "fdwhandler", OID, "fdwvalidator", OID, "fdwacl", TEXT_ARRAY, "fdwoptions", TEXT_ARRAY);
    empty(db, r, "pg_foreign_server", "oid", OID, "srvname", NAME, "srvowner", OID, "srvfdw",
        OID, "srvtype", TEXT, "srvversion", TEXT, "srvacl", TEXT_ARRAY, "srvoptions",
        TEXT_ARRAY);
    empty(db, r, "pg_default_acl", "oid", OID, "defaclrole", OID, "defaclnamespace", OID,
        "defaclobjtype", TEXT, "defaclacl", TEXT_ARRAY);
    empty(db, r, "pg_conversion", "oid", OID, "conname", NAME, "connamespace", OID, "conowner",
        OID, "conforencoding", INT4, "contoencoding", INT4, "conproc", OID, "condefault", BOOL);
    empty(db, r, "pg_cast", "oid", OID, "castsource", OID, "casttarget", OID, "castfunc", OID,
        "castcontext", TEXT, "castmethod", TEXT);
    empty(db, r, "pg_range", "rngtypid", OID, "rngsubtype", OID, "rngmultitypid", OID,
        "rngcollation", OID, "rngsubopc", OID, "rngcanonical", OID, "rngsubdiff", OID);
    empty(db, r, "pg_transform", "oid", OID, "trftype", OID, "trflang", OID, "trffromsql", OID,
        "trftosql", OID);
    empty(db, r, "pg_event_trigger", "oid", OID, "evtname", NAME, "evtevent", NAME, "evtowner",
        OID, "evtfoid", OID, "evtenabled", TEXT, "evttags", TEXT_ARRAY);
    empty(db, r, "pg_subscription", "oid", OID, "subdbid", OID, "subname", NAME, "subowner",
        OID, "subenabled", BOOL, "subbinary", BOOL, "substream", BOOL, "subtwophasestate", TEXT,
        "subdisableonerr", BOOL, "subconninfo", TEXT, "subslotname", NAME, "subsynccommit", TEXT,
        "subpublications", TEXT_ARRAY);
    empty(db, r, "pg_largeobject_metadata", "oid", OID, "lomowner", OID, "lomacl", TEXT_ARRAY);
    empty(db, r, "pg_seclabels", "objoid", OID, "classoid", OID, "objsubid", INT4, "objtype",
        TEXT, "objnamespace", OID, "objname", TEXT, "provider", TEXT, "label", TEXT);
    empty(db, r, "pg_shseclabel", "objoid", OID, "classoid", OID, "provider", TEXT, "label",
        TEXT);
  }

  private static List<Object> language(long oid, String name, boolean trusted, long validator) {
    return Arrays.asList(oid, name, CatalogOids.OWNER, false, trusted, 0L, 0L, validator, null);
  }
}
