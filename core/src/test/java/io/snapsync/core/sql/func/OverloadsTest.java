package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.*;
import static io.snapsync.core.sql.func.Calls.LIB;
import static io.snapsync.core.sql.func.Calls.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Overload choices as PostgreSQL 15 makes them (pg_typeof of the same expressions). */
class OverloadsTest {

  @Test
  void exactMatchWins() {
    assertEquals(List.of(INT2, INT2), resolve("+", INT2, INT2).argTypes());
    assertEquals(List.of(NUMERIC, NUMERIC), resolve("+", NUMERIC, NUMERIC).argTypes());
  }

  @Test
  void implicitCastsPreferTheCategorysPreferredType() {
    // float4 + int4 is float4 + float8 in PostgreSQL (float8 is numeric's preferred type)
    assertEquals(FLOAT8, resolve("+", FLOAT4, INT4).returnType());
    assertEquals(FLOAT8, resolve("+", FLOAT4, NUMERIC).returnType());
    assertEquals(NUMERIC, resolve("+", INT4, NUMERIC).returnType());
    assertEquals(FLOAT8, resolve("round", INT4).returnType());
    assertEquals(FLOAT8, resolve("sqrt", INT4).returnType());
    assertEquals(TEXT, resolve("length", VARCHAR).argTypes().get(0));
  }

  @Test
  void unknownLiteralsTakeTheOtherOperandsTypeOrText() {
    assertEquals(List.of(INT4, INT4), resolve("+", UNKNOWN, INT4).argTypes());
    assertEquals(List.of(TEXT), resolve("length", UNKNOWN).argTypes());
    assertEquals(List.of(TEXT, TEXT), resolve("strpos", UNKNOWN, UNKNOWN).argTypes());
  }

  @Test
  void noCandidateOrAmbiguityIsEmpty() {
    assertTrue(LIB.scalar("length", List.of(INT4)).isEmpty());
    assertTrue(LIB.scalar("no_such_function", List.of()).isEmpty());
    // PostgreSQL: operator is not unique: unknown + unknown
    assertTrue(LIB.scalar("+", List.of(UNKNOWN, UNKNOWN)).isEmpty());
  }

  @Test
  void aggregatesResolveToo() {
    assertEquals(INT8, LIB.aggregate("sum", List.of(INT4)).orElseThrow().returnType());
    assertEquals(NUMERIC, LIB.aggregate("sum", List.of(INT8)).orElseThrow().returnType());
    assertEquals(INT8, LIB.aggregate("count", List.of()).orElseThrow().returnType());
    assertEquals(TEXT, LIB.aggregate("max", List.of(VARCHAR)).orElseThrow().returnType());
  }
}
