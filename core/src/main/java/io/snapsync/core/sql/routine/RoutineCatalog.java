package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Function and procedure definitions, read and written through a store transaction (DDL is
 * transactional and visible through snapshots, like views). Key layout: {@code "Fn" name 0x00
 * input type oids}, so the overloads of one name are one key range. Blocking; stateless.
 */
public final class RoutineCatalog {

  private static final byte[] PREFIX = {'F', 'n'};

  private RoutineCatalog() {
  }

  /** The key of the routine {@code name(types)} (locked by DDL on it). */
  public static byte[] key(String name, List<DataType> types) {
    String sig = types.stream().map(t -> String.valueOf(t.oid())).collect(Collectors.joining(","));
    return concat(namePrefix(name), sig.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of {@code def}. */
  public static byte[] key(RoutineDef def) {
    return key(def.name(), def.inputTypes());
  }

  /** The routine {@code name(types)} as {@code t} sees it, or null. */
  public static RoutineDef find(StoreTransaction t, String name, List<DataType> types) {
    byte[] b = t.get(key(name, types));
    return b == null ? null : RoutineDef.fromBytes(b);
  }

  /** Every overload named {@code name} that {@code t} sees. */
  public static List<RoutineDef> overloads(StoreTransaction t, String name) {
    byte[] from = namePrefix(name);
    byte[] to = from.clone();
    to[to.length - 1]++;
    return scan(t, from, to);
  }

  /** Every routine {@code t} sees. */
  public static List<RoutineDef> all(StoreTransaction t) {
    return scan(t, PREFIX, new byte[] {'F', 'n' + 1});
  }

  /** Writes (creates or replaces) {@code def}. */
  public static void put(StoreTransaction t, RoutineDef def) {
    t.put(key(def), def.toBytes());
  }

  /** Deletes {@code def}. */
  public static void delete(StoreTransaction t, RoutineDef def) {
    t.delete(key(def));
  }

  private static List<RoutineDef> scan(StoreTransaction t, byte[] from, byte[] to) {
    List<RoutineDef> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(from, to)) {
      while (it.hasNext()) {
        out.add(RoutineDef.fromBytes(it.next().value()));
      }
    }
    return out;
  }

  private static byte[] namePrefix(String name) {
    return concat(PREFIX, (name + "\0").getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
