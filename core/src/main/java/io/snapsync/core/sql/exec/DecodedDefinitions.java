package io.snapsync.core.sql.exec;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last decoded {@link TableDef} of each table name, with the bytes it was decoded from: a
 * read whose stored bytes are the same returns that (immutable) definition instead of parsing
 * the JSON again, and a different version (DDL, or another snapshot's view) is decoded and
 * remembered in its place. Bounded: cleared past {@link #MAX} names. Thread-safe.
 */
final class DecodedDefinitions {

  private static final int MAX = 4096;

  private record Decoded(byte[] bytes, TableDef def) {
  }

  private final ConcurrentHashMap<String, Decoded> byName = new ConcurrentHashMap<>();

  /** The definition stored as {@code bytes} under {@code name}. */
  TableDef decode(String name, byte[] bytes) {
    Decoded d = byName.get(name);
    if (d != null && Arrays.equals(d.bytes(), bytes)) {
      return d.def();
    }
    TableDef def = TableDef.fromBytes(bytes);
    if (byName.size() >= MAX) {
      byName.clear();
    }
    byName.put(name, new Decoded(bytes.clone(), def));
    return def;
  }
}
