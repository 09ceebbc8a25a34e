package io.snapsync.core.sql.catalog;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog functions clients call, with PostgreSQL 15's answers (taken from psql). */
class ClientFunctionsTest {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, name text)");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static Object value(String sql) {
    return EngineFixture.value(s, sql);
  }

  @Test
  void acldefaultGivesPostgresDefaultPrivileges() {
    assertEquals(List.of("admin=arwdDxt/admin"), value("SELECT acldefault('r', 10)"));
    assertEquals(List.of("=X/admin", "admin=X/admin"), value("SELECT acldefault('f', 10)"));
    assertEquals(List.of("=Tc/admin", "admin=CTc/admin"), value("SELECT acldefault('d', 10)"));
    assertEquals(List.of("admin=UC/admin"), value("SELECT acldefault('n', 10)"));
    assertEquals(List.of("admin=rwU/admin"), value("SELECT acldefault('s', 10)"));
  }

  @Test
  void lookupsOfObjectsSnapsyncLacksAreNull() {
    assertEquals(null, value("SELECT pg_get_serial_sequence('t', 'id')"));
    assertEquals(null, value("SELECT pg_get_viewdef('t'::regclass)"));
    assertEquals(null, value("SELECT pg_catalog.obj_description('t'::regclass, 'pg_class')"));
  }

  @Test
  void privilegeTestsAnswerTrue() {
    assertEquals(List.of(Arrays.asList(true, true, true)), exec(s,
        "SELECT has_column_privilege('t', 'id', 'SELECT'), has_schema_privilege('public',"
            + " 'USAGE'), has_any_column_privilege('t', 'SELECT')").rows());
  }
}
