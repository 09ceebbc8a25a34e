package io.snapsync.core.sql.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.catalog.MessageCatalog;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls into the built-in library the way the executor does: resolve, then apply. */
final class Calls {

  static final FunctionLibrary LIB = FunctionLibrary.builtin();

  /** A statement context: zone Europe/Berlin, fixed clock, a few settings. */
  static final class Ctx implements EvalContext {
    ZoneId zone = ZoneId.of("Europe/Berlin");
    Instant txStart = Instant.parse("2024-03-10T12:34:56.789012Z");
    Instant stmtStart = Instant.parse("2024-03-10T12:35:00Z");
    final Map<String, String> settings = new HashMap<>(Map.of("search_path", "\"$user\", public",
        "timezone", "Europe/Berlin", "datestyle", "ISO, MDY"));

    @Override
    public ZoneId timeZone() {
      return zone;
    }

    @Override
    public Instant transactionStart() {
      return txStart;
    }

    @Override
    public Instant statementStart() {
      return stmtStart;
    }

    @Override
    public String user() {
      return "alice";
    }

    @Override
    public String setting(String name) {
      String v = settings.get(name);
      if (v == null) {
        throw SnapsyncException.error("42704", "settings.unrecognized", name);
      }
      return v;
    }

    @Override
    public void checkCanceled() {
    }
  }

  static final Ctx CTX = new Ctx();

  private Calls() {
  }

  /** Resolves {@code name(types)} (must exist) and applies it to {@code args}. */
  static Object call(String name, List<DataType> types, Object... args) {
    ScalarFunction f = LIB.scalar(name, types).orElseThrow(
        () -> new AssertionError("no overload " + name + types));
    return f.apply(args, CTX);
  }

  static ScalarFunction resolve(String name, DataType... types) {
    return LIB.scalar(name, List.of(types)).orElseThrow(
        () -> new AssertionError("no overload " + name + Arrays.toString(types)));
  }

  /** The function resolved for {@code types} fails with {@code sqlState} and English text. */
  static void fails(String sqlState, String text, String name, List<DataType> types,
      Object... args) {
    SnapsyncException e = assertThrows(SnapsyncException.class, () -> call(name, types, args));
    assertEquals(sqlState, e.sqlState(), e.getMessage());
    assertEquals(text, MessageCatalog.builtin().render("en", e.message()));
  }

  /** Feeds rows to the aggregate {@code name(types)} and returns its result. */
  static Object aggregate(String name, List<DataType> types, Object[]... rows) {
    AggregateFunction a = LIB.aggregate(name, types).orElseThrow(
        () -> new AssertionError("no aggregate " + name + types));
    AggregateFunction.Accumulator acc = a.newAccumulator(CTX);
    for (Object[] row : rows) {
      acc.add(row);
    }
    return acc.result();
  }

  static Object[] row(Object... values) {
    return values;
  }
}
