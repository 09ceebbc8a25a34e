package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.DATE;
import static io.snapsync.core.session.DataType.INT4;
import static io.snapsync.core.session.DataType.INT8;
import static io.snapsync.core.session.DataType.NUMERIC;
import static io.snapsync.core.session.DataType.UNKNOWN;
import static io.snapsync.core.sql.func.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments passed uncast are cast to the overload's declared types. */
class ArgCoercionTest {

  @Test
  void uncastArgumentsAreCastToTheDeclaredTypes() {
    assertEquals(3, call("+", List.of(UNKNOWN, INT4), "1", 2));
    assertEquals(5L, call("+", List.of(INT4, INT8), 2, 3L));
    assertEquals(new BigDecimal("3.5"), call("+", List.of(INT4, NUMERIC), 2,
        new BigDecimal("1.5")));
    OffsetDateTime month = (OffsetDateTime) call("date_trunc", List.of(UNKNOWN, DATE), "month",
        LocalDate.parse("2024-03-10"));
    assertEquals(OffsetDateTime.parse("2024-03-01T00:00+01:00").toInstant(), month.toInstant());
  }

  @Test
  void badTextInputFailsAsPostgresInputDoes() {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> call("+", List.of(UNKNOWN, INT4), "x", 2));
    assertEquals("22P02", e.sqlState());
  }
}
