package io.snapsync.storage.impl;

import java.util.Arrays;

/** A byte array with value equality, for hash maps. The array must not change. */
record ByteKey(byte[] bytes) {

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return java.util.HexFormat.of().formatHex(bytes);
  }
}
