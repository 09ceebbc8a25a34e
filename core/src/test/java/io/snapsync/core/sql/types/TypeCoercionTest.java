package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeCoercionTest {

  @Test
  void implicitCastsFollowPgCast() {
    assertTrue(PgValues.implicitCastAllowed(DataType.INT4, DataType.INT8));
    assertTrue(PgValues.implicitCastAllowed(DataType.INT8, DataType.NUMERIC));
    assertTrue(PgValues.implicitCastAllowed(DataType.NUMERIC, DataType.FLOAT8));
    assertTrue(PgValues.implicitCastAllowed(DataType.DATE, DataType.TIMESTAMPTZ));
    assertTrue(PgValues.implicitCastAllowed(DataType.UNKNOWN, DataType.UUID));
    assertTrue(PgValues.implicitCastAllowed(DataType.INT2_ARRAY, DataType.INT8_ARRAY));
    assertFalse(PgValues.implicitCastAllowed(DataType.INT8, DataType.INT4));
    assertFalse(PgValues.implicitCastAllowed(DataType.FLOAT8, DataType.NUMERIC));
    assertFalse(PgValues.implicitCastAllowed(DataType.INT4, DataType.TEXT));
    assertFalse(PgValues.implicitCastAllowed(DataType.TEXT, DataType.INT4));
  }

  @Test
  void assignmentCastsAddNarrowingAndOutputToText() {
    assertTrue(PgValues.assignmentCastAllowed(DataType.INT8, DataType.INT4));
    assertTrue(PgValues.assignmentCastAllowed(DataType.FLOAT8, DataType.NUMERIC));
    assertTrue(PgValues.assignmentCastAllowed(DataType.TIMESTAMPTZ, DataType.DATE));
    assertTrue(PgValues.assignmentCastAllowed(DataType.INT4, DataType.TEXT));
    assertTrue(PgValues.assignmentCastAllowed(DataType.UUID, DataType.VARCHAR));
    assertFalse(PgValues.assignmentCastAllowed(DataType.TEXT, DataType.INT4));
    assertFalse(PgValues.assignmentCastAllowed(DataType.INT4, DataType.BOOL));
  }

  @Test
  void commonTypeUsesCategoriesAndPreferredTypes() {
    assertEquals(DataType.INT8, PgValues.commonType(List.of(DataType.INT4, DataType.INT8), "UNION"));
    assertEquals(DataType.NUMERIC,
        PgValues.commonType(List.of(DataType.INT4, DataType.NUMERIC), "CASE"));
    assertEquals(DataType.FLOAT8,
        PgValues.commonType(List.of(DataType.NUMERIC, DataType.FLOAT8, DataType.INT2), "CASE"));
    assertEquals(DataType.TEXT,
        PgValues.commonType(List.of(DataType.UNKNOWN, DataType.UNKNOWN), "UNION"));
    assertEquals(DataType.INT4,
        PgValues.commonType(List.of(DataType.UNKNOWN, DataType.INT4), "COALESCE"));
    // both directions are implicit between varchar and text: the first wins, as in PostgreSQL
    assertEquals(DataType.VARCHAR,
        PgValues.commonType(List.of(DataType.VARCHAR, DataType.TEXT), "UNION"));
    assertEquals(DataType.TEXT,
        PgValues.commonType(List.of(DataType.TEXT, DataType.BPCHAR), "UNION"));
    assertEquals(DataType.TIMESTAMPTZ,
        PgValues.commonType(List.of(DataType.DATE, DataType.TIMESTAMPTZ), "UNION"));
    fails("42804", "UNION types integer and text cannot be matched",
        () -> PgValues.commonType(List.of(DataType.INT4, DataType.TEXT), "UNION"));
    fails("42804", "CASE types uuid and bytea cannot be matched",
        () -> PgValues.commonType(List.of(DataType.UUID, DataType.BYTEA), "CASE"));
  }
}
