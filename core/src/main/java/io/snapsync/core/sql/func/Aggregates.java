package io.snapsync.core.sql.func;

import static io.snapsync.core.session.DataType.*;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.func.AggregateFunction.Accumulator;
import io.snapsync.core.sql.types.Interval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * count, sum, avg, min, max, bool_and/bool_or/every, bit_and/bit_or/bit_xor, string_agg and
 * array_agg with PostgreSQL's result types (sum(int4) is int8, avg(int4) numeric, ...).
 */
final class Aggregates {

  /** The types with a btree order, hence min and max (besides every array type). */
  static final List<DataType> ORDERED = List.of(INT2, INT4, INT8, OID, NUMERIC, FLOAT4, FLOAT8,
      TEXT, BPCHAR, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL);

  private Aggregates() {
  }

  static void register(Registry r) {
    r.add(new Agg("count", List.of(), INT8, false, c -> new Count()));
    for (DataType t : DataType.values()) {
      if (t != VOID) {
        r.add(Agg.of("count", INT8, c -> new Count(), t));
      }
    }
    sums(r);
    for (DataType t : DataType.values()) {
      if (ORDERED.contains(t) || t.isArray()) {
        r.add(Agg.of("min", t, c -> fold((a, b) -> ValueOrder.compare(a, b, t) <= 0 ? a : b),
            t));
        r.add(Agg.of("max", t, c -> fold((a, b) -> ValueOrder.compare(a, b, t) >= 0 ? a : b),
            t));
      }
    }
    for (String and : new String[] {"bool_and", "every"}) {
      r.add(Agg.of(and, BOOL, c -> fold((a, b) -> (Boolean) a && (Boolean) b), BOOL));
    }
    r.add(Agg.of("bool_or", BOOL, c -> fold((a, b) -> (Boolean) a || (Boolean) b), BOOL));
    for (DataType t : ArithmeticOperators.INTS) {
      r.add(Agg.of("bit_and", t, c -> fold((a, b) -> Numbers.box(l(a) & l(b), t)), t));
      r.add(Agg.of("bit_or", t, c -> fold((a, b) -> Numbers.box(l(a) | l(b), t)), t));
      r.add(Agg.of("bit_xor", t, c -> fold((a, b) -> Numbers.box(l(a) ^ l(b), t)), t));
    }
    r.add(new Agg("string_agg", List.of(TEXT, TEXT), TEXT, false, c -> new StringAgg()));
    for (DataType t : DataType.values()) {
      if (t.isArray()) {
        r.add(new Agg("array_agg", List.of(t), t, false, c -> new ArrayAgg(true)));
      } else if (t.arrayType() != null) {
        r.add(new Agg("array_agg", List.of(t), t.arrayType(), false, c -> new ArrayAgg(false)));
      }
    }
    for (DataType t : DataType.values()) {
      if (t != VOID) {
        r.add(new Agg("jsonb_agg", List.of(t), JSONB, false, c -> new JsonAgg(t, true, c)));
        r.add(new Agg("json_agg", List.of(t), JSON, false, c -> new JsonAgg(t, false, c)));
      }
    }
    StatAggregates.register(r);
    JsonObjectAgg.register(r);
  }

  private static void sums(Registry r) {
    for (DataType t : List.of(INT2, INT4)) {
      r.add(Agg.of("sum", INT8, c -> fold(x -> ((Number) x).longValue(),
          (a, b) -> Numbers.exact(Math::addExact, l(a), l(b), INT8)), t));
      r.add(Agg.of("avg", NUMERIC, c -> new Avg(), t));
    }
    for (DataType t : List.of(INT8, NUMERIC)) {
      r.add(Agg.of("sum", NUMERIC, c -> fold(Numbers::big, Aggregates::addNumeric), t));
      r.add(Agg.of("avg", NUMERIC, c -> new Avg(), t));
    }
    for (DataType t : List.of(FLOAT4, FLOAT8)) {
      r.add(Agg.of("avg", FLOAT8, c -> new FloatAvg(), t));
    }
    r.add(Agg.of("sum", FLOAT4, c -> fold((a, b) -> (float) a + (float) b), FLOAT4));
    r.add(Agg.of("sum", FLOAT8, c -> fold((a, b) -> (double) a + (double) b), FLOAT8));
    r.add(Agg.of("sum", INTERVAL, c -> fold((a, b) -> Intervals.add((Interval) a,
        (Interval) b)), INTERVAL));
    r.add(Agg.of("avg", INTERVAL, c -> new IntervalAvg(), INTERVAL));
  }

  private static Object addNumeric(Object a, Object b) {
    if (Numbers.isNaN(a) || Numbers.isNaN(b)) {
      return Numbers.NAN;
    }
    return ((BigDecimal) a).add(Numbers.big(b));
  }

  private static long l(Object v) {
    return ((Number) v).longValue();
  }

  static Accumulator fold(BinaryOperator<Object> step) {
    return fold(Function.identity(), step);
  }

  /** An accumulator that keeps {@code first(x)} of the first row and folds the rest in. */
  static Accumulator fold(Function<Object, Object> first, BinaryOperator<Object> step) {
    return new Accumulator() {
      private Object state;

      @Override
      public void add(Object[] args) {
        state = state == null ? first.apply(args[0]) : step.apply(state, args[0]);
      }

      @Override
      public Object result() {
        return state;
      }
    };
  }

  private static final class Count implements Accumulator {
    private long n;

    @Override
    public void add(Object[] args) {
      n++;
    }

    @Override
    public Object result() {
      return n;
    }
  }

  /** avg over integers and numeric: the numeric sum divided by the count, PostgreSQL's scale. */
  private static final class Avg implements Accumulator {
    private BigDecimal sum = BigDecimal.ZERO;
    private long n;
    private boolean nan;

    @Override
    public void add(Object[] args) {
      if (Numbers.isNaN(args[0])) {
        nan = true;
      } else {
        sum = sum.add(Numbers.big(args[0]));
      }
      n++;
    }

    @Override
    public Object result() {
      return n == 0 ? null : nan ? Numbers.NAN : Numbers.divide(sum, BigDecimal.valueOf(n));
    }
  }

  private static final class FloatAvg implements Accumulator {
    private double sum;
    private long n;

    @Override
    public void add(Object[] args) {
      sum += ((Number) args[0]).doubleValue();
      n++;
    }

    @Override
    public Object result() {
      return n == 0 ? null : sum / n;
    }
  }

  private static final class IntervalAvg implements Accumulator {
    private Interval sum = Interval.ZERO;
    private long n;

    @Override
    public void add(Object[] args) {
      sum = Intervals.add(sum, (Interval) args[0]);
      n++;
    }

    @Override
    public Object result() {
      return n == 0 ? null : Intervals.divide(sum, n);
    }
  }

  /** string_agg: NULL values are skipped, a NULL delimiter counts as empty. */
  private static final class StringAgg implements Accumulator {
    private StringBuilder text;

    @Override
    public void add(Object[] args) {
      if (args[0] == null) {
        return;
      }
      if (text == null) {
        text = new StringBuilder();
      } else if (args[1] != null) {
        text.append((String) args[1]);
      }
      text.append((String) args[0]);
    }

    @Override
    public Object result() {
      return text == null ? null : text.toString();
    }
  }

  /** jsonb_agg / json_agg: every row's value as JSON (NULL as null), in input order. */
  private static final class JsonAgg implements Accumulator {
    private final DataType type;
    private final boolean binary;
    private final EvalContext ctx;
    private List<Object> items;

    JsonAgg(DataType type, boolean binary, EvalContext ctx) {
      this.type = type;
      this.binary = binary;
      this.ctx = ctx;
    }

    @Override
    public void add(Object[] args) {
      if (items == null) {
        items = new ArrayList<>();
      }
      items.add(JsonValues.toTree(args[0], type, binary, ctx));
    }

    @Override
    public Object result() {
      return items == null ? null : JsonTree.json(items, binary);
    }
  }

  /** array_agg: NULL elements kept; arrays of arrays must agree in dimensions. */
  private static final class ArrayAgg implements Accumulator {
    private final boolean ofArrays;
    private List<Object> items;

    ArrayAgg(boolean ofArrays) {
      this.ofArrays = ofArrays;
    }

    @Override
    public void add(Object[] args) {
      if (items == null) {
        items = new ArrayList<>();
      }
      if (ofArrays) {
        if (args[0] == null) {
          throw SnapsyncException.error(io.snapsync.core.error.SqlState.NULL_VALUE_NOT_ALLOWED, "functions.array_agg_null_array");
        }
        List<?> a = (List<?>) args[0];
        if (a.isEmpty()) {
          throw SnapsyncException.error(FuncErrors.ARRAY_SUBSCRIPT,
              "functions.array_agg_empty_array");
        }
        if (!items.isEmpty() && !ArrayFunctions.sameShape((List<?>) items.get(0), a)) {
          throw SnapsyncException.error(FuncErrors.ARRAY_SUBSCRIPT,
              "functions.array_agg_dimensions");
        }
      }
      items.add(args[0]);
    }

    @Override
    public Object result() {
      return items == null ? null : java.util.Collections.unmodifiableList(items);
    }
  }
}
