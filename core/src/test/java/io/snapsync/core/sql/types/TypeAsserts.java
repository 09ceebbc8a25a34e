package io.snapsync.core.sql.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import java.time.ZoneId;
import org.junit.jupiter.api.function.Executable;

/** Shared assertions of the type tests: text round trips and PostgreSQL error texts. */
final class TypeAsserts {

  static final ZoneId UTC = ZoneId.of("UTC");

  private TypeAsserts() {
  }

  /** {@code 'in'::type::text} is {@code out}. */
  static void roundTrip(String in, DataType type, String out) {
    assertEquals(out, PgValues.toText(PgValues.fromText(in, type, -1, UTC), type, UTC),
        "'" + in + "'::" + type.sqlName());
  }

  static void roundTrip(String in, DataType type, int typmod, String out) {
    assertEquals(out, PgValues.toText(PgValues.fromText(in, type, typmod, UTC), type, UTC),
        "'" + in + "'::" + type.sqlName() + "(" + typmod + ")");
  }

  /** {@code run} fails with SQLSTATE {@code state} and the English text {@code message}. */
  static SnapsyncException fails(String state, String message, Executable run) {
    SnapsyncException e = assertThrows(SnapsyncException.class, run);
    assertEquals(state, e.sqlState(), "SQLSTATE of " + MessageCatalog.english(e.message()));
    assertEquals(message, MessageCatalog.english(e.message()));
    return e;
  }

  static SnapsyncException inputFails(String in, DataType type, String state, String message) {
    return fails(state, message, () -> PgValues.fromText(in, type, -1, UTC));
  }
}
