package io.snapsync.core.sql.exec;

import io.snapsync.core.sql.BoundedMemo;
import java.util.Arrays;

/**
 * The last decoded {@link TableDef} of each table name, with the bytes it was decoded from: a
 * read whose stored bytes are the same returns that (immutable) definition instead of parsing
 * the JSON again, and a different version (DDL, or another snapshot's view) is decoded and
 * remembered in its place. Bounded ({@link BoundedMemo}). Thread-safe.
 */
final class DecodedDefinitions {

  private record Decoded(byte[] bytes, TableDef def) {
  }

  private final BoundedMemo<String, Decoded> byName = new BoundedMemo<>(4096);

  /** The definition stored as {@code bytes} under {@code name}. */
  TableDef decode(String name, byte[] bytes) {
    Decoded d = byName.get(name);
    if (d != null && Arrays.equals(d.bytes(), bytes)) {
      return d.def();
    }
    TableDef def = TableDef.fromBytes(bytes);
    byName.put(name, new Decoded(bytes.clone(), def));
    return def;
  }
}
