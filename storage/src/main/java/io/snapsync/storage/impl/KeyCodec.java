package io.snapsync.storage.impl;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Encoding of versioned rows in the {@code mvcc} column family.
 *
 * <p>Key: the user key with every 0x00 escaped as 0x00 0xFF, the terminator 0x00 0x01, then
 * 8 bytes big-endian {@code Long.MAX_VALUE - commitSeq}. Invariants: user keys keep their
 * unsigned bytewise order, and the versions of one user key are contiguous, newest first. The
 * terminator is always at {@code length - 10}, so the seq and the group prefix need no search.
 *
 * <p>Value: one type byte ({@link #PUT} or {@link #TOMBSTONE}) then the payload.
 */
final class KeyCodec {

  static final byte PUT = 1;
  static final byte TOMBSTONE = 2;
  static final int SEQ_BYTES = 8;
  static final int SUFFIX_BYTES = 2 + SEQ_BYTES;

  /** Unsigned bytewise order, the order of RocksDB's default comparator. */
  static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

  private KeyCodec() {
  }

  static byte[] escape(byte[] userKey) {
    int zeros = 0;
    for (byte b : userKey) {
      if (b == 0) {
        zeros++;
      }
    }
    if (zeros == 0) {
      return userKey.clone();
    }
    byte[] out = new byte[userKey.length + zeros];
    int j = 0;
    for (byte b : userKey) {
      out[j++] = b;
      if (b == 0) {
        out[j++] = (byte) 0xFF;
      }
    }
    return out;
  }

  /** Escaped user key + terminator: the common prefix of all versions of {@code userKey}. */
  static byte[] groupPrefix(byte[] userKey) {
    byte[] esc = escape(userKey);
    byte[] out = Arrays.copyOf(esc, esc.length + 2);
    out[esc.length] = 0;
    out[esc.length + 1] = 1;
    return out;
  }

  /** The versioned key of {@code userKey} at {@code commitSeq}. */
  static byte[] encode(byte[] userKey, long commitSeq) {
    byte[] esc = escape(userKey);
    byte[] out = Arrays.copyOf(esc, esc.length + SUFFIX_BYTES);
    out[esc.length] = 0;
    out[esc.length + 1] = 1;
    putLong(out, esc.length + 2, Long.MAX_VALUE - commitSeq);
    return out;
  }

  /** The lower bound (inclusive) in encoded space of all versions of keys {@code >= userKey}. */
  static byte[] lowerBound(byte[] userKey) {
    return escape(userKey);
  }

  /** The upper bound (exclusive) in encoded space of all versions of keys {@code < userKey}. */
  static byte[] upperBound(byte[] userKey) {
    return escape(userKey);
  }

  static long seqOf(byte[] encoded) {
    return Long.MAX_VALUE - getLong(encoded, encoded.length - SEQ_BYTES);
  }

  /** Length of the group prefix (escaped key + terminator) of an encoded key. */
  static int prefixLength(byte[] encoded) {
    return encoded.length - SEQ_BYTES;
  }

  static boolean samePrefix(byte[] a, byte[] b) {
    int n = a.length - SEQ_BYTES;
    return b.length == a.length && Arrays.equals(a, 0, n, b, 0, n);
  }

  /** The user key of an encoded versioned key. */
  static byte[] userKey(byte[] encoded) {
    return unescape(encoded, encoded.length - SUFFIX_BYTES);
  }

  /** The user key whose escaped form is {@code b[0..end)}. */
  static byte[] unescape(byte[] b, int end) {
    int zeros = 0;
    for (int i = 0; i < end; i++) {
      if (b[i] == 0) {
        zeros++;
        i++;
      }
    }
    if (zeros == 0) {
      return Arrays.copyOf(b, end);
    }
    byte[] out = new byte[end - zeros];
    int j = 0;
    for (int i = 0; i < end; i++) {
      out[j++] = b[i];
      if (b[i] == 0) {
        i++;
      }
    }
    return out;
  }

  /** The commit seq of the encoded key held in {@code b[0..len)}. */
  static long seqOf(byte[] b, int len) {
    return Long.MAX_VALUE - getLong(b, len - SEQ_BYTES);
  }

  static byte[] putValue(byte[] payload) {
    byte[] out = new byte[payload.length + 1];
    out[0] = PUT;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  static byte[] tombstoneValue() {
    return new byte[] {TOMBSTONE};
  }

  static boolean isTombstone(byte[] value) {
    return value[0] == TOMBSTONE;
  }

  static byte[] payload(byte[] value) {
    return Arrays.copyOfRange(value, 1, value.length);
  }

  static byte[] longBytes(long v) {
    byte[] out = new byte[8];
    putLong(out, 0, v);
    return out;
  }

  static void putLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
