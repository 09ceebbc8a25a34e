package io.snapsync.core.sql.catalog;

import java.util.Map;

/**
 * PostgreSQL 15's fixed OIDs of its system catalogs ({@code pg_class.oid} of
 * {@code pg_namespace} is 2615 in every PostgreSQL database). Clients rely on them: pg_dump
 * finds an object by {@code (tableoid, oid)} and compares {@code tableoid} with these
 * constants, and {@code classid}/{@code refclassid} in {@code pg_depend} name them. A system
 * table snapsync has and PostgreSQL does not (the views, information_schema) has none here.
 */
final class SystemTableOids {

  private static final Map<String, Long> FIXED = Map.ofEntries(
      Map.entry("pg_aggregate", 2600L),
      Map.entry("pg_am", 2601L),
      Map.entry("pg_amop", 2602L),
      Map.entry("pg_amproc", 2603L),
      Map.entry("pg_attrdef", 2604L),
      Map.entry("pg_attribute", 1249L),
      Map.entry("pg_auth_members", 1261L),
      Map.entry("pg_authid", 1260L),
      Map.entry("pg_cast", 2605L),
      Map.entry("pg_class", 1259L),
      Map.entry("pg_collation", 3456L),
      Map.entry("pg_constraint", 2606L),
      Map.entry("pg_conversion", 2607L),
      Map.entry("pg_database", 1262L),
      Map.entry("pg_db_role_setting", 2964L),
      Map.entry("pg_default_acl", 826L),
      Map.entry("pg_depend", 2608L),
      Map.entry("pg_description", 2609L),
      Map.entry("pg_enum", 3501L),
      Map.entry("pg_event_trigger", 3466L),
      Map.entry("pg_extension", 3079L),
      Map.entry("pg_foreign_data_wrapper", 2328L),
      Map.entry("pg_foreign_server", 1417L),
      Map.entry("pg_foreign_table", 3118L),
      Map.entry("pg_index", 2610L),
      Map.entry("pg_inherits", 2611L),
      Map.entry("pg_init_privs", 3394L),
      Map.entry("pg_language", 2612L),
      Map.entry("pg_largeobject", 2613L),
      Map.entry("pg_largeobject_metadata", 2995L),
      Map.entry("pg_namespace", 2615L),
      Map.entry("pg_opclass", 2616L),
      Map.entry("pg_operator", 2617L),
      Map.entry("pg_opfamily", 2753L),
      Map.entry("pg_parameter_acl", 6243L),
      Map.entry("pg_partitioned_table", 3350L),
      Map.entry("pg_policy", 3256L),
      Map.entry("pg_proc", 1255L),
      Map.entry("pg_publication", 6104L),
      Map.entry("pg_publication_namespace", 6237L),
      Map.entry("pg_publication_rel", 6106L),
      Map.entry("pg_range", 3541L),
      Map.entry("pg_replication_origin", 6000L),
      Map.entry("pg_rewrite", 2618L),
      Map.entry("pg_seclabel", 3596L),
      Map.entry("pg_sequence", 2224L),
      Map.entry("pg_shdepend", 1214L),
      Map.entry("pg_shdescription", 2396L),
      Map.entry("pg_shseclabel", 3592L),
      Map.entry("pg_statistic", 2619L),
      Map.entry("pg_statistic_ext", 3381L),
      Map.entry("pg_statistic_ext_data", 3429L),
      Map.entry("pg_subscription", 6100L),
      Map.entry("pg_subscription_rel", 6102L),
      Map.entry("pg_tablespace", 1213L),
      Map.entry("pg_transform", 3576L),
      Map.entry("pg_trigger", 2620L),
      Map.entry("pg_ts_config", 3602L),
      Map.entry("pg_ts_config_map", 3603L),
      Map.entry("pg_ts_dict", 3600L),
      Map.entry("pg_ts_parser", 3601L),
      Map.entry("pg_ts_template", 3764L),
      Map.entry("pg_type", 1247L),
      Map.entry("pg_user_mapping", 1418L));

  private SystemTableOids() {
  }

  /** PostgreSQL's OID of the catalog named {@code name}, or null when it has no fixed one. */
  static Long of(String name) {
    return FIXED.get(name);
  }
}
