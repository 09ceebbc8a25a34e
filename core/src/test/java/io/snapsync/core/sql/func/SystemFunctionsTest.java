package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.BOOL;
import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.FLOAT8;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TIMESTAMP;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static io.snapsync.core.sql.func.Calls.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Session and system functions, and the comparison operators. */
class SystemFunctionsTest {

  @Test
  void sessionInformation() {
    assertTrue(((String) call("version", List.of())).startsWith("PostgreSQL 15.0 (snapsync "));
    assertEquals("snapsync", call("current_database", List.of()));
    assertEquals("alice", call("current_user", List.of()));
    assertEquals("alice", call("session_user", List.of()));
    assertEquals("public", call("current_schema", List.of()));
    assertEquals(List.of("pg_catalog", "public"), call("current_schemas", List.of(BOOL), true));
    assertEquals(List.of("public"), call("current_schemas", List.of(BOOL), false));
  }

  @Test
  void settings() {
    assertEquals("Europe/Berlin", call("current_setting", List.of(TEXT), "TimeZone"));
    assertNull(call("current_setting", List.of(TEXT, BOOL), "nope", true));
    fails("42704", "unrecognized configuration parameter \"nope\"", "current_setting",
        List.of(TEXT, BOOL), "nope", false);
    fails("0A000", "set_config is not supported here", "set_config", List.of(TEXT, TEXT, BOOL),
        "work_mem", "1MB", false);
    fails("22004", "SET requires parameter name", "set_config", List.of(TEXT, TEXT, BOOL),
        null, "1MB", false);
    assertTrue(resolve("set_config", TEXT, TEXT, BOOL).volatile_());
  }

  @Test
  void randomUuidsDiffer() {
    Object a = call("gen_random_uuid", List.of());
    assertTrue(a instanceof UUID);
    assertNotEquals(a, call("gen_random_uuid", List.of()));
  }

  @Test
  void comparisonsResolveThroughImplicitCasts() {
    assertEquals(List.of(INT8, INT8), resolve("=", INT4, INT8).argTypes());
    assertEquals(List.of(FLOAT8, FLOAT8), resolve("<", NUMERIC, FLOAT8).argTypes());
    assertEquals(List.of(TIMESTAMP, TIMESTAMP), resolve("=", DATE, TIMESTAMP).argTypes());
    assertEquals(true, call("<", List.of(INT4, INT4), 1, 2));
    assertEquals(false, call("<>", List.of(TEXT, TEXT), "a", "a"));
    assertEquals(true, call(">=", List.of(INT8, INT8), 3L, 3L));
  }
}
