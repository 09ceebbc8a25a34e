package io.snapsync.core.sql.catalog;

import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.NAME;
import static io.snapsync.core.session.DataType.VARCHAR;
import static io.snapsync.core.sql.catalog.CatalogTableDef.add;
import static io.snapsync.core.sql.catalog.CatalogTableDef.cols;

import io.snapsync.core.session.Column;
import io.snapsync.core.spi.SystemTableRegistry;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PostgreSQL 15's {@code information_schema} views that tools read (schemata, tables, columns,
 * views, table_constraints, key_column_usage, referential_constraints, sequences, routines),
 * registered as system tables named {@code information_schema.<view>} and reached through the
 * schema {@code information_schema} only. Column names and order are PostgreSQL's; its
 * domains map to plain types (sql_identifier: name, cardinal_number: integer,
 * character_data and yes_or_no: varchar). Views, sequences, foreign keys and user routines
 * do not exist in snapsync yet: those views are empty.
 */
final class InformationSchema {

  static final String PREFIX = "information_schema.";
  /** The one database (catalog, in SQL terms) a node serves. */
  private static final String CATALOG = "snapsync";

  private InformationSchema() {
  }

  static void register(Database db, SystemTableRegistry r) {
    add(db, r, PREFIX + "schemata", cols("catalog_name", NAME, "schema_name", NAME,
        "schema_owner", NAME, "default_character_set_catalog", NAME,
        "default_character_set_schema", NAME, "default_character_set_name", NAME,
        "sql_path", VARCHAR), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (String s : List.of("information_schema", "pg_catalog", "public")) {
            rows.add(Arrays.asList(CATALOG, s, CatalogOids.ADMIN, null, null, null,
                null));
          }
          return rows;
        });
    add(db, r, PREFIX + "tables", cols("table_catalog", NAME, "table_schema", NAME,
        "table_name", NAME, "table_type", VARCHAR, "self_referencing_column_name", NAME,
        "reference_generation", VARCHAR, "user_defined_type_catalog", NAME,
        "user_defined_type_schema", NAME, "user_defined_type_name", NAME,
        "is_insertable_into", VARCHAR, "is_typed", VARCHAR, "commit_action", VARCHAR), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (TableDef d : v.tables()) {
            rows.add(Arrays.asList(CATALOG, "public", d.name(), "BASE TABLE", null,
                null, null, null, null, "YES", "NO", null));
          }
          return rows;
        });
    add(db, r, PREFIX + "columns", cols("table_catalog", NAME, "table_schema", NAME,
        "table_name", NAME, "column_name", NAME, "ordinal_position", INT4,
        "column_default", VARCHAR, "is_nullable", VARCHAR, "data_type", VARCHAR,
        "character_maximum_length", INT4, "character_octet_length", INT4,
        "numeric_precision", INT4, "numeric_precision_radix", INT4, "numeric_scale", INT4,
        "datetime_precision", INT4, "interval_type", VARCHAR, "interval_precision", INT4,
        "character_set_catalog", NAME, "character_set_schema", NAME,
        "character_set_name", NAME, "collation_catalog", NAME, "collation_schema", NAME,
        "collation_name", NAME, "domain_catalog", NAME, "domain_schema", NAME,
        "domain_name", NAME, "udt_catalog", NAME, "udt_schema", NAME, "udt_name", NAME,
        "scope_catalog", NAME, "scope_schema", NAME, "scope_name", NAME,
        "maximum_cardinality", INT4, "dtd_identifier", NAME, "is_self_referencing", VARCHAR,
        "is_identity", VARCHAR, "identity_generation", VARCHAR, "identity_start", VARCHAR,
        "identity_increment", VARCHAR, "identity_maximum", VARCHAR, "identity_minimum",
        VARCHAR, "identity_cycle", VARCHAR, "is_generated", VARCHAR,
        "generation_expression", VARCHAR, "is_updatable", VARCHAR), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (TableDef d : v.tables()) {
            for (int i = 0; i < d.columns().size(); i++) {
              rows.add(columnRow(CATALOG, d, i));
            }
          }
          return rows;
        });
    add(db, r, PREFIX + "views", cols("table_catalog", NAME, "table_schema", NAME,
        "table_name", NAME, "view_definition", VARCHAR, "check_option", VARCHAR,
        "is_updatable", VARCHAR, "is_insertable_into", VARCHAR, "is_trigger_updatable",
        VARCHAR, "is_trigger_deletable", VARCHAR, "is_trigger_insertable_into", VARCHAR),
        v -> ViewRows.informationSchema(v, CATALOG));
    add(db, r, PREFIX + "table_constraints", cols("constraint_catalog", NAME,
        "constraint_schema", NAME, "constraint_name", NAME, "table_catalog", NAME,
        "table_schema", NAME, "table_name", NAME, "constraint_type", VARCHAR,
        "is_deferrable", VARCHAR, "initially_deferred", VARCHAR, "enforced", VARCHAR,
        "nulls_distinct", VARCHAR), v -> {
          List<List<Object>> rows = new ArrayList<>();
          String cat = CATALOG;
          for (TableDef d : v.tables()) {
            for (CatalogIndex i : CatalogIndex.of(d)) {
              if (i.constraint()) {
                rows.add(Arrays.asList(cat, "public", i.name(), cat, "public", d.name(),
                    i.primary() ? "PRIMARY KEY" : "UNIQUE", "NO", "NO", "YES",
                    i.primary() ? null : "YES"));
              }
            }
            for (TableDef.Check check : d.checks()) {
              rows.add(Arrays.asList(cat, "public", check.name(), cat, "public", d.name(),
                  "CHECK", "NO", "NO", "YES", null));
            }
            // PostgreSQL 15 lists each NOT NULL column as a CHECK constraint named by OIDs
            for (int c = 0; c < d.columns().size(); c++) {
              if (d.isNotNull(c)) {
                rows.add(Arrays.asList(cat, "public", CatalogOids.PUBLIC + "_"
                    + CatalogOids.table(d) + "_" + (c + 1) + "_not_null", cat, "public",
                    d.name(), "CHECK", "NO", "NO", "YES", null));
              }
            }
          }
          return rows;
        });
    add(db, r, PREFIX + "key_column_usage", cols("constraint_catalog", NAME,
        "constraint_schema", NAME, "constraint_name", NAME, "table_catalog", NAME,
        "table_schema", NAME, "table_name", NAME, "column_name", NAME, "ordinal_position",
        INT4, "position_in_unique_constraint", INT4), v -> {
          List<List<Object>> rows = new ArrayList<>();
          String cat = CATALOG;
          for (TableDef d : v.tables()) {
            for (CatalogIndex i : CatalogIndex.of(d)) {
              for (int k = 0; i.constraint() && k < i.columns().size(); k++) {
                rows.add(Arrays.asList(cat, "public", i.name(), cat, "public", d.name(),
                    d.columns().get(i.columns().get(k)).name(), k + 1, null));
              }
            }
          }
          return rows;
        });
    add(db, r, PREFIX + "referential_constraints", cols("constraint_catalog", NAME,
        "constraint_schema", NAME, "constraint_name", NAME, "unique_constraint_catalog", NAME,
        "unique_constraint_schema", NAME, "unique_constraint_name", NAME, "match_option",
        VARCHAR, "update_rule", VARCHAR, "delete_rule", VARCHAR), v -> List.of());
    add(db, r, PREFIX + "sequences", cols("sequence_catalog", NAME, "sequence_schema", NAME,
        "sequence_name", NAME, "data_type", VARCHAR, "numeric_precision", INT4,
        "numeric_precision_radix", INT4, "numeric_scale", INT4, "start_value", VARCHAR,
        "minimum_value", VARCHAR, "maximum_value", VARCHAR, "increment", VARCHAR,
        "cycle_option", VARCHAR), v -> {
          List<List<Object>> rows = new ArrayList<>();
          for (io.snapsync.core.sql.ddl.SequenceDef q : v.sequences()) {
            io.snapsync.core.session.DataType t = SequenceTables.type(v, q);
            int bits = t == io.snapsync.core.session.DataType.INT2 ? 16
                : t == io.snapsync.core.session.DataType.INT4 ? 32 : 64;
            rows.add(Arrays.asList(CATALOG, "public", q.name(), t.sqlName(), bits, 2, 0,
                Long.toString(q.start()), Long.toString(q.min()), Long.toString(q.max()),
                Long.toString(q.increment()), q.cycle() ? "YES" : "NO"));
          }
          return rows;
        });
    add(db, r, PREFIX + "routines", cols("specific_catalog", NAME, "specific_schema", NAME,
        "specific_name", NAME, "routine_catalog", NAME, "routine_schema", NAME,
        "routine_name", NAME, "routine_type", VARCHAR, "data_type", VARCHAR,
        "type_udt_catalog", NAME, "type_udt_schema", NAME, "type_udt_name", NAME,
        "routine_body", VARCHAR, "routine_definition", VARCHAR, "external_language", VARCHAR,
        "is_deterministic", VARCHAR, "security_type", VARCHAR), v -> List.of());
  }

  private static List<Object> columnRow(String cat, TableDef d, int i) {
    Column c = d.columns().get(i);
    ColumnFacts f = ColumnFacts.of(c);
    String dflt = d.defaultOf(i) == null ? null : CatalogText.defaultExpr(d.defaultOf(i));
    return Arrays.asList(cat, "public", d.name(), c.name(), i + 1, dflt,
        d.isNotNull(i) ? "NO" : "YES", f.dataType(), f.charMaxLength(), f.charOctetLength(),
        f.numericPrecision(), f.numericRadix(), f.numericScale(), f.datetimePrecision(), null,
        null, null, null, null, f.collated() ? cat : null, f.collated() ? "pg_catalog" : null,
        null, null, null, null, cat, "pg_catalog", CatalogText.typname(c.type()), null, null,
        null, null, Integer.toString(i + 1), "NO", "NO", null, null, null, null, null, "NO",
        "NEVER", null, "YES");
  }
}
