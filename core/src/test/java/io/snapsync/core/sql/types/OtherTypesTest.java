package io.snapsync.core.sql.types;

import static io.snapsync.core.sql.types.TypeAsserts.UTC;
import static io.snapsync.core.sql.types.TypeAsserts.fails;
import static io.snapsync.core.sql.types.TypeAsserts.inputFails;
import static io.snapsync.core.sql.types.TypeAsserts.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OtherTypesTest {

  @Test
  void byteaReadsHexAndEscapeForms() {
    roundTrip("\\x0a0B", DataType.BYTEA, "\\x0a0b");
    roundTrip("\\x 0a 0b", DataType.BYTEA, "\\x0a0b");
    roundTrip("abc", DataType.BYTEA, "\\x616263");
    roundTrip("a\\\\b", DataType.BYTEA, "\\x615c62");
    roundTrip("\\001\\377", DataType.BYTEA, "\\x01ff");
    roundTrip("", DataType.BYTEA, "\\x");
    inputFails("\\x0", DataType.BYTEA, "22023", "invalid hexadecimal data: odd number of digits");
    inputFails("\\xzz", DataType.BYTEA, "22023", "invalid hexadecimal digit: \"z\"");
    inputFails("a\\q", DataType.BYTEA, "22P02", "invalid input syntax for type bytea");
    assertTrue(PgValues.compare(new byte[] {(byte) 0x80}, new byte[] {1}, DataType.BYTEA) > 0);
  }

  @Test
  void uuidsReadWithOrWithoutHyphensAndBraces() {
    String u = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    roundTrip("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", DataType.UUID, u);
    roundTrip("{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}", DataType.UUID, u);
    roundTrip("a0eebc999c0b4ef8bb6d6bb9bd380a11", DataType.UUID, u);
    roundTrip("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", DataType.UUID, u);
    inputFails("x", DataType.UUID, "22P02", "invalid input syntax for type uuid: \"x\"");
    inputFails("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", DataType.UUID, "22P02",
        "invalid input syntax for type uuid: \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\"");
    inputFails("{a0eebc999c0b4ef8bb6d6bb9bd380a11", DataType.UUID, "22P02",
        "invalid input syntax for type uuid: \"{a0eebc999c0b4ef8bb6d6bb9bd380a11\"");
    assertTrue(PgValues.compare(UUID.fromString("ffffffff-0000-0000-0000-000000000000"),
        UUID.fromString("00000000-0000-0000-0000-000000000001"), DataType.UUID) > 0);
  }

  @Test
  void jsonKeepsItsTextAndJsonbNormalizes() {
    roundTrip("{\"b\":1,  \"a\":2}", DataType.JSON, "{\"b\":1,  \"a\":2}");
    roundTrip("{\"b\":1, \"a\":2}", DataType.JSONB, "{\"a\": 2, \"b\": 1}");
    roundTrip("{\"aa\":1,\"b\":2}", DataType.JSONB, "{\"b\": 2, \"aa\": 1}");
    roundTrip("{\"a\":1,\"a\":2}", DataType.JSONB, "{\"a\": 2}");
    roundTrip("[1, 2.50, 1e2, -0, \"x\\\"y\"]", DataType.JSONB,
        "[1, 2.50, 100, 0, \"x\\\"y\"]");
    roundTrip("{\"a\" : [1,2], \"b\": {}}", DataType.JSONB, "{\"a\": [1, 2], \"b\": {}}");
    roundTrip("\"\\u00e9\\n\"", DataType.JSONB, "\"é\\n\"");
    roundTrip(" null ", DataType.JSONB, "null");
    inputFails("{\"a\":}", DataType.JSON, "22P02", "invalid input syntax for type json");
    inputFails("{\"a\":}", DataType.JSONB, "22P02", "invalid input syntax for type json");
    inputFails("[1,]", DataType.JSONB, "22P02", "invalid input syntax for type json");
    inputFails("1 2", DataType.JSON, "22P02", "invalid input syntax for type json");
    inputFails("", DataType.JSON, "22P02", "invalid input syntax for type json");
  }

  @Test
  void jsonbComparesByValue() {
    Json a = (Json) PgValues.fromText("{\"a\": 1.0}", DataType.JSONB, -1, UTC);
    Json b = (Json) PgValues.fromText("{\"a\": 1.00}", DataType.JSONB, -1, UTC);
    assertEquals(0, PgValues.compare(a, b, DataType.JSONB));
    assertEquals(PgValues.hash(a, DataType.JSONB), PgValues.hash(b, DataType.JSONB));
    Json arr = (Json) PgValues.fromText("[1]", DataType.JSONB, -1, UTC);
    assertTrue(PgValues.compare(a, arr, DataType.JSONB) > 0);
    assertEquals("{\"a\": 1.0}", PgValues.toText(
        PgValues.cast(new Json("{\"a\":1.0}", false), DataType.JSON, DataType.JSONB, -1, UTC),
        DataType.JSONB, UTC));
  }

  @Test
  void arraysReadAndPrintWithPostgresqlQuoting() {
    roundTrip("{1,2,NULL}", DataType.INT4_ARRAY, "{1,2,NULL}");
    roundTrip(" { 1 , 2 } ", DataType.INT4_ARRAY, "{1,2}");
    roundTrip("{{1,2},{3,4}}", DataType.INT4_ARRAY, "{{1,2},{3,4}}");
    roundTrip("{}", DataType.INT4_ARRAY, "{}");
    roundTrip("[1:2]={1,2}", DataType.INT4_ARRAY, "{1,2}");
    roundTrip("{\"a b\",\"c\\\"d\"}", DataType.TEXT_ARRAY, "{\"a b\",\"c\\\"d\"}");
    roundTrip("{\"\",NULL,\"NULL\",a, b c ,\"{x}\",\\,}", DataType.TEXT_ARRAY,
        "{\"\",NULL,\"NULL\",a,\"b c\",\"{x}\",\",\"}");
    roundTrip("{\"2024-01-02 03:04:05\"}", DataType.TIMESTAMP_ARRAY,
        "{\"2024-01-02 03:04:05\"}");
    roundTrip("{t,false}", DataType.BOOL_ARRAY, "{t,f}");
    assertEquals(Arrays.asList(1, null), PgValues.fromText("{1,null}", DataType.INT4_ARRAY, -1,
        UTC));
  }

  @Test
  void malformedArraysFailAsPostgresql() {
    inputFails("1,2", DataType.INT4_ARRAY, "22P02", "malformed array literal: \"1,2\"");
    inputFails("{{1,2},{3}}", DataType.INT4_ARRAY, "22P02",
        "malformed array literal: \"{{1,2},{3}}\"");
    inputFails("{1,2}x", DataType.INT4_ARRAY, "22P02", "malformed array literal: \"{1,2}x\"");
    inputFails("{1,", DataType.INT4_ARRAY, "22P02", "malformed array literal: \"{1,\"");
    inputFails("{1,x}", DataType.INT4_ARRAY, "22P02", "invalid input syntax for type integer: \"x\"");
  }

  @Test
  void arrayCastsConvertEveryElement() {
    List<?> v = (List<?>) PgValues.cast(Arrays.asList(1.5, 2.5, null), DataType.FLOAT8_ARRAY,
        DataType.INT4_ARRAY, -1, UTC);
    assertEquals(Arrays.asList(2, 2, null), v);
    assertEquals(List.of(1, 2), PgValues.cast("{1,2}", DataType.TEXT, DataType.INT4_ARRAY, -1,
        UTC));
    assertEquals("{1,2}", PgValues.cast(List.of(1, 2), DataType.INT4_ARRAY, DataType.TEXT, -1,
        UTC));
    assertEquals(List.of("1", "2"), PgValues.cast(List.of(1, 2), DataType.INT4_ARRAY,
        DataType.TEXT_ARRAY, -1, UTC));
    assertTrue(PgValues.compare(List.of(1, 2), List.of(1, 2, 0), DataType.INT4_ARRAY) < 0);
    assertTrue(PgValues.compare(Arrays.asList(1, null), List.of(1, 2), DataType.INT4_ARRAY) > 0);
    fails("42846", "cannot cast type integer to uuid",
        () -> PgValues.cast(1, DataType.INT4, DataType.UUID, -1, UTC));
  }
}
