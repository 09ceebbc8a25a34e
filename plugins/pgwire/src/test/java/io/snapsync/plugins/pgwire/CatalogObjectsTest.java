package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * pg_class, pg_index, pg_constraint, pg_attrdef, pg_attribute, pg_sequence and pg_depend over
 * the real schema (primary keys, UNIQUE constraints, secondary indexes with DESC / NULLS, CHECKs,
 * defaults, serial and free-standing sequences), with pg_get_indexdef, pg_get_constraintdef,
 * pg_get_expr and pg_get_serial_sequence, compared row for row with a real PostgreSQL 15 that
 * holds the same schema (OIDs are compared through the relation names they stand for), with
 * information_schema's constraints, key columns, sequences and column defaults; and the
 * catalog queries and settings of pg_dump 15's start-up, run as it sends them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CatalogObjectsTest {

  private static final String[] SCHEMA = {
      "CREATE TABLE items (id serial PRIMARY KEY, sku text NOT NULL UNIQUE,"
          + " qty int DEFAULT 0 CHECK (qty >= 0), price numeric(10,2), note varchar(40),"
          + " created timestamptz DEFAULT now())",
      "CREATE INDEX items_qty_idx ON items (qty)",
      "CREATE INDEX items_note_idx ON items (note DESC NULLS LAST, price)",
      "CREATE TABLE pairs (a int, b int, v text, PRIMARY KEY (a, b))",
      "CREATE UNIQUE INDEX pairs_v_idx ON pairs (v)",
      "CREATE TABLE nokey (x int, y text)",
      "CREATE SEQUENCE counter START 100 INCREMENT 5"};

  private SnapsyncFixture snapsync;
  private RealPostgres postgres;
  private Connection ours;
  private Connection theirs;

  @BeforeAll
  void start() throws Exception {
    PgTools.serverBin("initdb");
    Path dir = Files.createTempDirectory("pgwire-catalog-objects");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
    ours = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + snapsync.port()
        + "/snapsync", SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
    theirs = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port()
        + "/snapsync", RealPostgres.USER, "");
    for (Connection c : List.of(ours, theirs)) {
      try (Statement st = c.createStatement()) {
        for (String ddl : SCHEMA) {
          st.execute(ddl);
        }
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c : new AutoCloseable[] {ours, theirs, postgres, snapsync}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void relationsOfTheSchemaAreListedWithTheirKinds() throws Exception {
    same("SELECT relname, relkind, relchecks, relhasindex FROM pg_class"
        + " WHERE relnamespace = 2200 ORDER BY 1");
  }

  @Test
  void indexesShowTheirDefinitionsAndFlags() throws Exception {
    same("SELECT c.relname, t.relname, pg_get_indexdef(i.indexrelid), i.indisunique,"
        + " i.indisprimary, i.indnatts, pg_get_indexdef(i.indexrelid, 1, true)"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " JOIN pg_class t ON t.oid = i.indrelid WHERE t.relnamespace = 2200 ORDER BY 1");
  }

  @Test
  void keyUniqueAndCheckConstraintsShowTheirDefinitions() throws Exception {
    same("SELECT k.conname, k.contype, t.relname, pg_get_constraintdef(k.oid),"
        + " pg_get_constraintdef(k.oid, true) FROM pg_constraint k"
        + " JOIN pg_class t ON t.oid = k.conrelid WHERE k.connamespace = 2200 ORDER BY 1");
    same("SELECT k.conname, k.conkey, c.relname FROM pg_constraint k"
        + " JOIN pg_class c ON c.oid = k.conindid WHERE k.contype IN ('p', 'u')"
        + " AND k.connamespace = 2200 ORDER BY 1");
  }

  @Test
  void columnDefaultsReadBackAsPostgresPrintsThem() throws Exception {
    same("SELECT c.relname, d.adnum, pg_get_expr(d.adbin, d.adrelid),"
        + " pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d"
        + " JOIN pg_class c ON c.oid = d.adrelid ORDER BY 1, 2");
    same("SELECT a.attname, a.atthasdef, a.attnotnull FROM pg_attribute a"
        + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relname = 'items' AND a.attnum > 0"
        + " ORDER BY a.attnum");
  }

  @Test
  void sequencesShowTheirOptionsAndOwningColumn() throws Exception {
    same("SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
        + " s.seqmax, s.seqmin, s.seqcache, s.seqcycle FROM pg_sequence s"
        + " JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1");
    same("SELECT pg_get_serial_sequence('items', 'id'), pg_get_serial_sequence('public.items',"
        + " 'qty'), pg_get_serial_sequence('pairs', 'a')");
    same("SELECT s.relname, t.relname, d.refobjsubid, d.deptype FROM pg_depend d"
        + " JOIN pg_class s ON s.oid = d.objid JOIN pg_class t ON t.oid = d.refobjid"
        + " WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
        + " AND s.relkind = 'S' AND d.deptype = 'a' ORDER BY 1");
    same("SELECT sequencename, data_type, start_value, min_value, max_value, increment_by,"
        + " cycle, cache_size FROM pg_sequences ORDER BY 1");
  }

  @Test
  void informationSchemaShowsConstraintsSequencesAndDefaults() throws Exception {
    same("SELECT constraint_name, table_name, constraint_type, is_deferrable,"
        + " initially_deferred, enforced, nulls_distinct FROM information_schema.table_constraints"
        + " WHERE table_schema = 'public' AND (constraint_type <> 'CHECK'"
        + " OR constraint_name = 'items_qty_check') ORDER BY 1");
    same("SELECT constraint_name, table_name, column_name, ordinal_position"
        + " FROM information_schema.key_column_usage WHERE table_schema = 'public'"
        + " ORDER BY 1, 4");
    same("SELECT sequence_name, data_type, numeric_precision, numeric_precision_radix,"
        + " numeric_scale, start_value, minimum_value, maximum_value, increment, cycle_option"
        + " FROM information_schema.sequences ORDER BY 1");
    same("SELECT table_name, column_name, column_default FROM information_schema.columns"
        + " WHERE table_schema = 'public' ORDER BY 1, ordinal_position");
  }

  /** pg_dump's first statement is {@code set_config(name, value, false)}. */
  @Test
  void setConfigSetsTheSessionValue() throws Exception {
    try {
      same("SELECT pg_catalog.set_config('extra_float_digits', '3', false)");
      same("SELECT current_setting('extra_float_digits')");
    } finally {
      for (Connection c : List.of(ours, theirs)) {
        try (Statement st = c.createStatement()) {
          st.execute("RESET extra_float_digits");
        }
      }
    }
  }

  @Test
  void catalogRowsCarryTheirTableOid() throws Exception {
    same("SELECT DISTINCT tableoid = 'pg_namespace'::regclass FROM pg_namespace");
    same("SELECT count(*) FROM pg_class WHERE tableoid <> 'pg_class'::regclass");
  }

  /** pg_dump 15's session set-up and the catalog queries it sends for an empty catalog. */
  @Test
  void pgDumpStartupStatementsRun() throws Exception {
    String[] statements = {
        "SELECT pg_catalog.pg_is_in_recovery()",
        "SET DATESTYLE = ISO",
        "SET INTERVALSTYLE = POSTGRES",
        "SET extra_float_digits TO 3",
        "SET synchronize_seqscans TO off",
        "SET statement_timeout = 0",
        "SET lock_timeout = 0",
        "SET idle_in_transaction_session_timeout = 0",
        "SET row_security = off",
        "SELECT oid, rolname FROM pg_catalog.pg_roles ORDER BY 1",
        "SELECT x.tableoid, x.oid, x.extname, n.nspname, x.extrelocatable, x.extversion,"
            + " x.extconfig, x.extcondition FROM pg_extension x"
            + " JOIN pg_namespace n ON n.oid = x.extnamespace",
        "SELECT tableoid, oid, lanname, lanpltrusted, lanplcallfoid, laninline, lanvalidator,"
            + " lanacl, acldefault('l', lanowner) AS acldefault, lanowner FROM pg_language"
            + " WHERE lanispl ORDER BY oid",
        "SELECT tableoid, oid, oprname, oprnamespace, oprowner, oprkind, oprleft, oprright,"
            + " oprcode::oid AS oprcode FROM pg_operator",
        "SELECT tableoid, oid, amname, amtype, amhandler::pg_catalog.regproc AS amhandler"
            + " FROM pg_am",
        "SELECT tableoid, oid, opcmethod, opcname, opcnamespace, opcowner FROM pg_opclass",
        "SELECT tableoid, oid, opfmethod, opfname, opfnamespace, opfowner FROM pg_opfamily",
        "SELECT tableoid, oid, prsname, prsnamespace, prsstart::oid, prstoken::oid,"
            + " prsend::oid, prsheadline::oid, prslextype::oid FROM pg_ts_parser",
        "SELECT tableoid, oid, tmplname, tmplnamespace, tmplinit::oid, tmpllexize::oid"
            + " FROM pg_ts_template",
        "SELECT tableoid, oid, dictname, dictnamespace, dictowner, dicttemplate,"
            + " dictinitoption FROM pg_ts_dict",
        "SELECT tableoid, oid, cfgname, cfgnamespace, cfgowner, cfgparser FROM pg_ts_config",
        "SELECT tableoid, oid, collname, collnamespace, collowner, collencoding"
            + " FROM pg_collation",
        "SELECT tableoid, oid, conname, connamespace, conowner FROM pg_conversion",
        "SELECT tableoid, oid, castsource, casttarget, castfunc, castcontext, castmethod"
            + " FROM pg_cast c WHERE NOT EXISTS ( SELECT 1 FROM pg_range r"
            + " WHERE c.castsource = r.rngtypid AND c.casttarget = r.rngmultitypid )"
            + " ORDER BY 3,4",
        "SELECT tableoid, oid, trftype, trflang, trffromsql::oid, trftosql::oid"
            + " FROM pg_transform ORDER BY 3,4",
        "SELECT inhrelid, inhparent FROM pg_inherits",
        "SELECT tableoid, oid, stxname, stxnamespace, stxowner, stxrelid, stxstattarget"
            + " FROM pg_catalog.pg_statistic_ext",
        "SELECT tableoid, oid, rulename, ev_class AS ruletable, ev_type, is_instead,"
            + " ev_enabled FROM pg_rewrite ORDER BY oid",
        "SELECT p.tableoid, p.oid, p.pubname, p.pubowner, p.puballtables, p.pubinsert,"
            + " p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot FROM pg_publication p",
        "SELECT tableoid, oid, pnpubid, pnnspid FROM pg_catalog.pg_publication_namespace",
        "SELECT s.tableoid, s.oid, s.subname, s.subowner, s.subconninfo, s.subslotname,"
            + " s.subsynccommit, s.subpublications, s.subbinary, s.substream,"
            + " s.subtwophasestate, s.subdisableonerr FROM pg_subscription s"
            + " WHERE s.subdbid = (SELECT oid FROM pg_database"
            + " WHERE datname = current_database())",
        "SELECT oid, lomowner, lomacl, acldefault('L', lomowner) AS acldefault"
            + " FROM pg_largeobject_metadata",
        "SELECT DISTINCT attrelid FROM pg_attribute WHERE attacl IS NOT NULL",
        "SELECT objoid, classoid, objsubid, privtype, initprivs FROM pg_init_privs",
        "SELECT description, classoid, objoid, objsubid FROM pg_catalog.pg_description"
            + " ORDER BY classoid, objoid, objsubid",
        "SELECT label, provider, classoid, objoid, objsubid FROM pg_catalog.pg_seclabels"
            + " ORDER BY classoid, objoid, objsubid",
        "SELECT format_type(seqtypid, NULL), seqstart, seqincrement, seqmax, seqmin, seqcache,"
            + " seqcycle FROM pg_catalog.pg_sequence WHERE seqrelid = 'counter'::regclass"};
    for (String sql : statements) {
      for (Connection c : List.of(ours, theirs)) {
        try (Statement st = c.createStatement()) {
          st.execute(sql);
        } catch (SQLException e) {
          throw new AssertionError(sql + " failed: " + e.getMessage(), e);
        }
      }
    }
    same("SELECT format_type(seqtypid, NULL), seqstart, seqincrement, seqmax, seqmin, seqcache,"
        + " seqcycle FROM pg_catalog.pg_sequence WHERE seqrelid = 'counter'::regclass");
    same("SELECT amname, amtype, amhandler::pg_catalog.regproc::text FROM pg_am"
        + " WHERE amname IN ('heap', 'btree') ORDER BY 1");
  }

  private void same(String sql) throws Exception {
    List<List<String>> expected = rows(theirs, sql);
    assertFalse(expected.isEmpty(), sql);
    assertEquals(expected, rows(ours, sql), sql);
  }

  private static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }
}
