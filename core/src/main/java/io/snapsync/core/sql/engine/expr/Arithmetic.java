package io.snapsync.core.sql.engine.expr;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Fallback for PostgreSQL's arithmetic operators on integers, numeric and floats (22003 on
 * integer overflow, 22012 on division by zero), used when the {@code FunctionLibrary} has no
 * overload yet. Operands arrive already cast to the result type by Calcite's coercion, or as
 * mixed numbers which are widened to {@code type}.
 */
public final class Arithmetic {

  private Arithmetic() {
  }

  /** {@code a + b} in {@code type}. */
  public static Object add(Object a, Object b, DataType type) {
    return apply("+", a, b, type);
  }

  static Object apply(String op, Object a, Object b, DataType type) {
    switch (type) {
      case INT2, INT4, INT8 -> {
        long x = ((Number) a).longValue();
        long y = ((Number) b).longValue();
        long r;
        try {
          r = switch (op) {
            case "+" -> Math.addExact(x, y);
            case "-" -> Math.subtractExact(x, y);
            case "*" -> Math.multiplyExact(x, y);
            case "/" -> {
              if (y == 0) {
                throw divisionByZero();
              }
              yield x / y;
            }
            case "%" -> {
              if (y == 0) {
                throw divisionByZero();
              }
              yield x % y;
            }
            default -> throw new IllegalArgumentException(op);
          };
        } catch (ArithmeticException e) {
          throw outOfRange(type);
        }
        return narrow(r, type);
      }
      case FLOAT4, FLOAT8 -> {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        if ((op.equals("/") || op.equals("%")) && y == 0) {
          throw divisionByZero();
        }
        double r = switch (op) {
          case "+" -> x + y;
          case "-" -> x - y;
          case "*" -> x * y;
          case "/" -> x / y;
          default -> x % y;
        };
        return type == DataType.FLOAT4 ? (Object) (float) r : (Object) r;
      }
      default -> {
        BigDecimal x = ValueOps.decimal((Number) a);
        BigDecimal y = ValueOps.decimal((Number) b);
        return switch (op) {
          case "+" -> x.add(y);
          case "-" -> x.subtract(y);
          case "*" -> x.multiply(y);
          case "/" -> {
            if (y.signum() == 0) {
              throw divisionByZero();
            }
            yield divide(x, y);
          }
          default -> {
            if (y.signum() == 0) {
              throw divisionByZero();
            }
            yield x.remainder(y);
          }
        };
      }
    }
  }

  /** Numeric division with PostgreSQL's result scale ({@code select_div_scale}). */
  public static BigDecimal divide(BigDecimal x, BigDecimal y) {
    if (y.signum() == 0) {
      throw divisionByZero();
    }
    int scale = 16;
    if (x.signum() != 0) {
      int w1 = weight(x);
      int w2 = weight(y);
      int qweight = w1 - w2;
      if (firstDigit(x, w1) <= firstDigit(y, w2)) {
        qweight--;
      }
      scale = 16 - qweight * 4;
    }
    scale = Math.min(1000, Math.max(Math.max(scale, 0), Math.max(x.scale(), y.scale())));
    return x.divide(y, scale, RoundingMode.HALF_UP);
  }

  /** The weight of the leading base-10000 digit. */
  private static int weight(BigDecimal v) {
    int e = v.precision() - v.scale() - 1;
    return Math.floorDiv(e, 4);
  }

  private static int firstDigit(BigDecimal v, int weight) {
    return v.abs().movePointLeft(4 * weight).toBigInteger().mod(java.math.BigInteger.valueOf(10000))
        .intValue();
  }

  static Object negate(Object a, DataType type) {
    return switch (type) {
      case INT2, INT4, INT8 -> {
        try {
          yield narrow(Math.negateExact(((Number) a).longValue()), type);
        } catch (ArithmeticException e) {
          throw outOfRange(type);
        }
      }
      case FLOAT4 -> -((Number) a).floatValue();
      case FLOAT8 -> -((Number) a).doubleValue();
      default -> ValueOps.decimal((Number) a).negate();
    };
  }

  private static Object narrow(long r, DataType type) {
    if (type == DataType.INT4) {
      if (r != (int) r) {
        throw outOfRange(type);
      }
      return (int) r;
    }
    if (type == DataType.INT2) {
      if (r != (short) r) {
        throw outOfRange(type);
      }
      return (short) r;
    }
    return r;
  }

  private static SnapsyncException outOfRange(DataType type) {
    return SnapsyncException.error(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
        type == DataType.INT8 ? "engine.bigint_out_of_range"
            : type == DataType.INT2 ? "engine.smallint_out_of_range"
            : "engine.integer_out_of_range");
  }

  static SnapsyncException divisionByZero() {
    return SnapsyncException.error(SqlState.DIVISION_BY_ZERO, "engine.division_by_zero");
  }
}
