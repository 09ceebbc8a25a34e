package io.snapsync.core.sql.types;

import io.snapsync.core.session.DataType;

/** smallint, integer, bigint and oid: PostgreSQL 15 input syntax, range checks and narrowing. */
final class Integers {

  private Integers() {
  }

  /**
   * PostgreSQL 15's {@code int2in}/{@code int4in}/{@code int8in}: optional surrounding
   * whitespace, an optional sign, decimal digits only ({@code '1e3'}, {@code '1.5'} and
   * {@code '0x10'} are syntax errors).
   */
  static Object parse(String text, DataType type) {
    int n = text.length();
    int i = 0;
    while (i < n && isSpace(text.charAt(i))) {
      i++;
    }
    int end = n;
    while (end > i && isSpace(text.charAt(end - 1))) {
      end--;
    }
    boolean negative = false;
    if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    if (i == end) {
      throw TypeErrors.syntax(type, text);
    }
    DataType range = type == DataType.OID ? DataType.INT8 : type;
    long limit = range == DataType.INT8 ? Long.MIN_VALUE : -max(range) - 1;
    // accumulate negatively so that the minimum value parses
    long acc = 0;
    boolean overflow = false;
    for (int k = i; k < end; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        throw TypeErrors.syntax(type, text);
      }
      int d = c - '0';
      if (!overflow) {
        try {
          long next = Math.subtractExact(Math.multiplyExact(acc, 10), d);
          if (next < limit) {
            overflow = true;
          } else {
            acc = next;
          }
        } catch (ArithmeticException e) {
          overflow = true;
        }
      }
    }
    if (!overflow && !negative) {
      if (acc == limit) {
        overflow = true;
      } else {
        acc = -acc;
      }
    }
    if (overflow) {
      throw TypeErrors.valueOutOfRange(text, TypeErrors.inputName(type));
    }
    if (type == DataType.OID) {
      if (acc < Integer.MIN_VALUE || acc > 4294967295L) {
        throw TypeErrors.valueOutOfRange(text, "oid");
      }
      return acc < 0 ? acc + 4294967296L : acc;
    }
    return box(acc, type);
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }

  /** The largest value of an integer type. */
  static long max(DataType type) {
    return switch (type) {
      case INT2 -> Short.MAX_VALUE;
      case INT4 -> Integer.MAX_VALUE;
      case OID -> 4294967295L;
      default -> Long.MAX_VALUE;
    };
  }

  static long min(DataType type) {
    return switch (type) {
      case INT2 -> Short.MIN_VALUE;
      case INT4 -> Integer.MIN_VALUE;
      case OID -> 0;
      default -> Long.MIN_VALUE;
    };
  }

  /** {@code v} as the Java class of {@code type}, 22003 {@code integer out of range} if not. */
  static Object narrow(long v, DataType type) {
    if (v < min(type) || v > max(type)) {
      throw TypeErrors.outOfRange(rangeName(type));
    }
    return box(v, type);
  }

  static Object box(long v, DataType type) {
    return switch (type) {
      case INT2 -> (short) v;
      case INT4 -> (int) v;
      default -> v;
    };
  }

  /** The type name in PostgreSQL's {@code integer out of range} messages. */
  static String rangeName(DataType type) {
    return switch (type) {
      case INT2 -> "smallint";
      case INT4 -> "integer";
      case OID -> "OID";
      default -> "bigint";
    };
  }

  static boolean isInteger(DataType t) {
    return t == DataType.INT2 || t == DataType.INT4 || t == DataType.INT8 || t == DataType.OID;
  }
}
