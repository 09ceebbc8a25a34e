package io.snapsync.core.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A result with one column of every type (and typmods) and PostgreSQL text inputs for it. */
public final class AllTypesRow {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final Object[][] CELLS = {
      {DataType.BOOL, -1, "t"}, {DataType.INT2, -1, "-3"}, {DataType.INT4, -1, "7"},
      {DataType.INT8, -1, "-9223372036854775808"}, {DataType.OID, -1, "4294967295"},
      {DataType.NUMERIC, ((6 << 16) | 2) + 4, "1234.50"}, {DataType.NUMERIC, -1, "NaN"},
      {DataType.NUMERIC, -1, "-Infinity"}, {DataType.FLOAT4, -1, "1.5e-07"},
      {DataType.FLOAT8, -1, "NaN"}, {DataType.FLOAT8, -1, "-0"}, {DataType.FLOAT8, -1, "0.1"},
      {DataType.TEXT, -1, "héllo"}, {DataType.VARCHAR, 8, "abcd"}, {DataType.BPCHAR, 7, "ab"},
      {DataType.NAME, -1, "pg_class"}, {DataType.BYTEA, -1, "\\x00ff"},
      {DataType.DATE, -1, "0044-03-15 BC"}, {DataType.DATE, -1, "infinity"},
      {DataType.TIME, -1, "24:00:00"}, {DataType.TIMESTAMP, 3, "2024-01-02 03:04:05.123"},
      {DataType.TIMESTAMPTZ, -1, "2024-01-02 03:04:05.123456+05:30"},
      {DataType.TIMESTAMPTZ, -1, "-infinity"}, {DataType.INTERVAL, -1, "1 year -2 days 03:00"},
      {DataType.UUID, -1, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
      {DataType.JSON, -1, "{\"b\": 1,\"a\":[1, 2]}"}, {DataType.JSONB, -1, "{\"b\": 1,\"a\":2}"},
      {DataType.INT4_ARRAY, -1, "{{1,NULL},{3,4}}"}, {DataType.TEXT_ARRAY, -1, "{\"a b\",\"\"}"},
      {DataType.TIMESTAMPTZ_ARRAY, -1, "{\"2024-01-02 03:04:05+00\"}"},
      {DataType.NUMERIC_ARRAY, -1, "{1.50,NaN}"}, {DataType.BYTEA_ARRAY, -1, "{\"\\\\x01\"}"},
      {DataType.VOID, -1, null},
  };

  private AllTypesRow() {
  }

  public static StatementResult result() {
    List<Column> cols = new ArrayList<>();
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < CELLS.length; i++) {
      DataType t = (DataType) CELLS[i][0];
      int typmod = (Integer) CELLS[i][1];
      cols.add(new Column("c" + i, t, typmod));
      row.add(PgValues.fromText((String) CELLS[i][2], t, typmod, UTC));
    }
    return new StatementResult(cols, List.of(row, nulls(row.size())), "SELECT 2", List.of());
  }

  private static List<Object> nulls(int n) {
    List<Object> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(null);
    }
    return l;
  }

  /** Asserts that {@code back} has the columns, typmods, value classes and values of {@code r}. */
  public static void assertSame(StatementResult r, StatementResult back) {
    assertEquals(r.columns(), back.columns());
    assertEquals(r.rows().size(), back.rows().size());
    for (int k = 0; k < r.rows().size(); k++) {
      for (int i = 0; i < r.columns().size(); i++) {
        Object a = r.rows().get(k).get(i);
        Object b = back.rows().get(k).get(i);
        DataType t = r.columns().get(i).type();
        String what = "row " + k + " column " + i + " " + t;
        if (a == null) {
          assertEquals(null, b, what);
          continue;
        }
        assertEquals(a.getClass(), b.getClass(), what);
        assertTrue(PgValues.equals(a, b, t), what + ": " + a + " vs " + b);
        assertEquals(PgValues.toText(a, t, UTC), PgValues.toText(b, t, UTC), what);
      }
    }
  }
}
