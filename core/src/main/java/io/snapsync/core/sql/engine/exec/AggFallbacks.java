package io.snapsync.core.sql.engine.exec;

import io.snapsync.core.session.DataType;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.sql.engine.expr.Arithmetic;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.func.AggregateFunction;
import io.snapsync.core.sql.func.EvalContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's own aggregates, used when the {@code FunctionLibrary} has no overload (until the
 * functions work lands, and for {@code single_value}, the planner's scalar-subquery check).
 */
public final class AggFallbacks {

  private AggFallbacks() {
  }

  /** The fallback aggregate {@code name} producing {@code type}, or null. */
  public static AggregateFunction of(String name, DataType argType, DataType type, boolean star) {
    return switch (name) {
      case "count" -> agg(name, !star, type, () -> new Acc() {
        long n;

        public void add(Object[] a) {
          n++;
        }

        public Object result() {
          return n;
        }
      });
      case "sum", "$sum0" -> agg(name, true, type, () -> new Acc() {
        Object s = name.equals("$sum0") ? ValueOps.cast(0, DataType.INT4, type, -1, null) : null;

        public void add(Object[] a) {
          Object v = ValueOps.cast(a[0], argType, type, -1, null);
          s = s == null ? v : Arithmetic.add(s, v, type);
        }

        public Object result() {
          return s;
        }
      });
      case "avg" -> agg(name, true, type, () -> new Acc() {
        BigDecimal s = BigDecimal.ZERO;
        double d;
        long n;

        public void add(Object[] a) {
          n++;
          if (type == DataType.NUMERIC) {
            s = s.add((BigDecimal) ValueOps.cast(a[0], argType, DataType.NUMERIC, -1, null));
          } else {
            d += ((Number) a[0]).doubleValue();
          }
        }

        public Object result() {
          return n == 0 ? null : type == DataType.NUMERIC
              ? Arithmetic.divide(s, BigDecimal.valueOf(n)) : (Object) (d / n);
        }
      });
      case "min", "max" -> agg(name, true, type, () -> new Acc() {
        Object best;

        public void add(Object[] a) {
          int c = best == null ? 0 : ValueOps.compare(a[0], best, argType);
          if (best == null || (name.equals("min") ? c < 0 : c > 0)) {
            best = a[0];
          }
        }

        public Object result() {
          return best;
        }
      });
      case "bool_and", "every", "bool_or", "some" -> agg(name, true, type, () -> new Acc() {
        Boolean r;
        final boolean and = name.equals("bool_and") || name.equals("every");

        public void add(Object[] a) {
          boolean v = (Boolean) a[0];
          r = r == null ? v : and ? r && v : r || v;
        }

        public Object result() {
          return r;
        }
      });
      case "single_value" -> agg(name, false, type, () -> new Acc() {
        Object v;
        boolean any;

        public void add(Object[] a) {
          if (any) {
            throw SnapsyncException.error("21000", "engine.subquery_more_than_one_row");
          }
          any = true;
          v = a[0];
        }

        public Object result() {
          return v;
        }
      });
      case "string_agg" -> agg(name, true, type, () -> new Acc() {
        StringBuilder sb;

        public void add(Object[] a) {
          if (sb == null) {
            sb = new StringBuilder();
          } else if (a.length > 1 && a[1] != null) {
            sb.append(a[1]);
          }
          sb.append(a[0]);
        }

        public Object result() {
          return sb == null ? null : sb.toString();
        }
      });
      case "array_agg" -> agg(name, false, type, () -> new Acc() {
        List<Object> l;

        public void add(Object[] a) {
          if (l == null) {
            l = new ArrayList<>();
          }
          l.add(a[0]);
        }

        public Object result() {
          return l;
        }
      });
      default -> null;
    };
  }

  private interface Acc extends AggregateFunction.Accumulator {
  }

  private static AggregateFunction agg(String name, boolean strict, DataType type,
      java.util.function.Supplier<AggregateFunction.Accumulator> make) {
    return new AggregateFunction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<DataType> argTypes() {
        return List.of();
      }

      @Override
      public DataType returnType() {
        return type;
      }

      @Override
      public boolean strict() {
        return strict;
      }

      @Override
      public Accumulator newAccumulator(EvalContext ctx) {
        return make.get();
      }
    };
  }
}
