package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT4_ARRAY;
import static io.snapsync.core.session.DataType.TEXT;
import static io.snapsync.core.session.DataType.TEXT_ARRAY;
import static io.snapsync.core.session.DataType.UNKNOWN;
import static io.snapsync.core.sql.func.Calls.call;
import static io.snapsync.core.sql.func.Calls.fails;
import static io.snapsync.core.sql.func.Calls.resolve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Array functions and operators; expected values from PostgreSQL 15. */
class ArrayFunctionsTest {

  private static final List<Object> EMPTY = List.of();
  private static final List<List<Integer>> TWO_BY_THREE = List.of(List.of(1, 2, 3),
      List.of(4, 5, 6));

  @Test
  void dimensions() {
    assertNull(call("array_length", List.of(INT4_ARRAY, INT4), EMPTY, 1));
    assertEquals(0, call("cardinality", List.of(INT4_ARRAY), EMPTY));
    assertNull(call("array_ndims", List.of(INT4_ARRAY), EMPTY));
    assertEquals("[1:2][1:3]", call("array_dims", List.of(INT4_ARRAY), TWO_BY_THREE));
    assertEquals(3, call("array_upper", List.of(INT4_ARRAY, INT4), TWO_BY_THREE, 2));
    assertEquals(6, call("cardinality", List.of(INT4_ARRAY), TWO_BY_THREE));
    assertNull(call("array_lower", List.of(INT4_ARRAY, INT4), List.of(1), 2));
  }

  @Test
  void buildingArrays() {
    assertEquals(List.of(1), call("array_append", List.of(INT4_ARRAY, INT4), null, 1));
    assertEquals(List.of(List.of(1, 2), List.of(3, 4)), call("array_cat",
        List.of(INT4_ARRAY, INT4_ARRAY), List.of(1, 2), List.of(List.of(3, 4))));
    assertEquals(List.of(List.of(1, 2), List.of(3, 4)), call("||",
        List.of(INT4_ARRAY, INT4_ARRAY), List.of(List.of(1, 2)), List.of(3, 4)));
    assertEquals(List.of(1, 2, 3), call("||", List.of(INT4_ARRAY, INT4), List.of(1, 2), 3));
    assertEquals(List.of(INT4_ARRAY, INT4_ARRAY), resolve("||", INT4_ARRAY, UNKNOWN).argTypes());
    fails("2202E", "cannot concatenate incompatible arrays", "||",
        List.of(INT4_ARRAY, INT4_ARRAY), List.of(1, 2), List.of(List.of(List.of(3))));
  }

  @Test
  void searchingAndEditing() {
    assertEquals(Arrays.asList(2, null), call("array_remove", List.of(INT4_ARRAY, INT4),
        Arrays.asList(1, 2, 1, null), 1));
    assertEquals(List.of(1), call("array_remove", List.of(INT4_ARRAY, INT4),
        Arrays.asList(1, null), null));
    assertEquals(List.of(9, 2, 9), call("array_replace", List.of(INT4_ARRAY, INT4, INT4),
        List.of(1, 2, 1), 1, 9));
    List<String> abcb = List.of("a", "b", "c", "b");
    assertEquals(2, call("array_position", List.of(TEXT_ARRAY, TEXT), abcb, "b"));
    assertEquals(4, call("array_position", List.of(TEXT_ARRAY, TEXT, INT4), abcb, "b", 3));
    assertEquals(List.of(2, 4), call("array_positions", List.of(TEXT_ARRAY, TEXT), abcb, "b"));
    fails("0A000", "removing elements from multidimensional arrays is not supported",
        "array_remove", List.of(INT4_ARRAY, INT4), List.of(List.of(1)), 1);
  }

  @Test
  void textConversionAndSetOperators() {
    assertEquals("1,3", call("array_to_string", List.of(INT4_ARRAY, TEXT),
        Arrays.asList(1, null, 3), ","));
    assertEquals("1,*,3", call("array_to_string", List.of(INT4_ARRAY, TEXT, TEXT),
        Arrays.asList(1, null, 3), ",", "*"));
    assertEquals(List.of("a", "b", "", "c"), call("string_to_array", List.of(TEXT, TEXT),
        "a,b,,c", ","));
    assertEquals(List.of("a", "b", "c"), call("string_to_array", List.of(TEXT, TEXT), "abc",
        null));
    assertEquals(Arrays.asList("a", null, "b"), call("string_to_array",
        List.of(TEXT, TEXT, TEXT), "a,x,b", ",", "x"));
    assertEquals(List.of(), call("string_to_array", List.of(TEXT, TEXT), "", ","));
    assertEquals(true, call("@>", List.of(INT4_ARRAY, INT4_ARRAY), List.of(1, 2, 3),
        List.of(3, 1)));
    assertEquals(true, call("&&", List.of(INT4_ARRAY, INT4_ARRAY), List.of(1, 2), List.of(2, 5)));
    assertEquals(false, call("@>", List.of(INT4_ARRAY, INT4_ARRAY), Arrays.asList(1, null),
        Arrays.asList((Object) null)));
  }
}
