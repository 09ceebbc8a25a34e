package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PostgreSQL's hash of a row's partition key ({@code compute_partition_hash_value}): each
 * non-null key value hashed with its type's extended hash under the partition seed, combined
 * with {@code hash_combine64}; a row belongs to the HASH partition whose remainder is that
 * value modulo its modulus (unsigned). Integer keys hash exactly as PostgreSQL's do, so rows
 * land in the same partitions. Stateless.
 */
final class PartitionHash {

  private static final long SEED = 0x7A5B22367996DCFDL;

  private PartitionHash() {
  }

  /** The row hash of key values {@code values} of types {@code types}. */
  static long of(List<Object> values, List<DataType> types) {
    long row = 0;
    for (int i = 0; i < values.size(); i++) {
      Object v = values.get(i);
      if (v != null) {
        long h = hash(v, types.get(i));
        row ^= h + 0x49a0f4dd15e5a8e3L + (row << 54) + (row >>> 7);
      }
    }
    return row;
  }

  /** True when {@code hash} falls in the partition {@code modulus}/{@code remainder}. */
  static boolean matches(long hash, long modulus, long remainder) {
    return Long.remainderUnsigned(hash, modulus) == remainder;
  }

  private static long hash(Object v, DataType type) {
    return switch (type) {
      case INT2, INT4 -> uint32(((Number) v).intValue(), SEED);
      case INT8 -> {
        long x = ((Number) v).longValue();
        int lo = (int) x;
        int hi = (int) (x >> 32);
        lo ^= x >= 0 ? hi : ~hi;
        yield uint32(lo, SEED);
      }
      case BOOL -> uint32(Boolean.TRUE.equals(v) ? 1 : 0, SEED);
      default -> {
        long h = 0;
        for (byte b : String.valueOf(v).getBytes(StandardCharsets.UTF_8)) {
          h = uint32((int) (h ^ (b & 0xff)), SEED ^ h);
        }
        yield h;
      }
    };
  }

  /** {@code hash_uint32_extended}: Jenkins' lookup3 over one 32-bit word, seeded. */
  static long uint32(int k, long seed) {
    int a = 0x9e3779b9 + 4 + 3923095;
    int b = a;
    int c = a;
    if (seed != 0) {
      a += (int) (seed >>> 32);
      b += (int) seed;
      // mix(a, b, c)
      a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
      a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
      b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
      c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
    }
    a += k;
    // final(a, b, c)
    c ^= b; c -= Integer.rotateLeft(b, 14);
    a ^= c; a -= Integer.rotateLeft(c, 11);
    b ^= a; b -= Integer.rotateLeft(a, 25);
    c ^= b; c -= Integer.rotateLeft(b, 16);
    a ^= c; a -= Integer.rotateLeft(c, 4);
    b ^= a; b -= Integer.rotateLeft(a, 14);
    c ^= b; c -= Integer.rotateLeft(b, 24);
    return ((long) b << 32) | (c & 0xffffffffL);
  }
}
