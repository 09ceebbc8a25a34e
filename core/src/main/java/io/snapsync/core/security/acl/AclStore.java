package io.snapsync.core.security.acl;

import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access control lists and the owners of objects other than tables (whose owner is in their
 * definition), stored in the MVCC store like the schema so that GRANT and REVOKE are
 * transactional. Key {@code 'G' kind name}; value {@code {"owner": ..., "acl": ["bob=r/alice",
 * ...]}} ({@code acl} absent: the default list). Stateless; blocking (store reads).
 */
public final class AclStore {

  private static final byte PREFIX = 'G';

  /** What is stored for one object: its owner (null: none recorded) and list (null: default). */
  public record Entry(String owner, Acl acl) {
  }

  private AclStore() {
  }

  /** The entry of object {@code name} of {@code kind} as {@code t} sees it, or null. */
  public static Entry find(StoreTransaction t, ObjectKind kind, String name) {
    byte[] b = t.get(key(kind, name));
    return b == null ? null : decode(b);
  }

  /**
   * The list in force for privilege checks: the newest committed one, regardless of the
   * transaction's snapshot (as PostgreSQL checks privileges against the current catalogs, so a
   * REVOKE takes effect for the next statement of every transaction). Null for the default.
   */
  public static Acl current(StoreTransaction t, ObjectKind kind, String name) {
    byte[] b = t.latestCommitted(key(kind, name));
    return b == null ? null : decode(b).acl();
  }

  /**
   * The key every change of privileges locks and writes, so that two concurrent GRANTs do not
   * lose one another's items (and a REPEATABLE READ one fails to serialize instead).
   */
  public static byte[] changeKey() {
    return new byte[] {PREFIX, (byte) 0xFF};
  }

  /** Records a change of privileges under {@link #changeKey()}. */
  public static void markChanged(StoreTransaction t) {
    t.put(changeKey(), new byte[] {1});
  }

  /** The stored list of the object as the transaction sees it, or null for its default. */
  public static Acl acl(StoreTransaction t, ObjectKind kind, String name) {
    Entry e = find(t, kind, name);
    return e == null ? null : e.acl();
  }

  public static void put(StoreTransaction t, ObjectKind kind, String name, Entry e) {
    JsonObject j = new JsonObject();
    if (e.owner() != null) {
      j.put("owner", e.owner());
    }
    if (e.acl() != null) {
      JsonArray a = new JsonArray();
      e.acl().items().forEach(i -> a.add(i.text()));
      j.put("acl", a);
    }
    t.put(key(kind, name), j.toBuffer().getBytes());
  }

  /** Forgets what is stored for a dropped object (a new one of that name starts afresh). */
  public static void forget(StoreTransaction t, ObjectKind kind, String name) {
    byte[] k = key(kind, name);
    if (t.get(k) != null) {
      t.delete(k);
    }
  }

  /** Every stored entry of {@code kind}, by object name. */
  public static Map<String, Entry> all(StoreTransaction t, ObjectKind kind) {
    Map<String, Entry> out = new LinkedHashMap<>();
    byte[] from = {PREFIX, (byte) kind.ordinal()};
    byte[] to = {PREFIX, (byte) (kind.ordinal() + 1)};
    try (CloseableIterator<KeyValue> it = t.scan(from, to)) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        String name = new String(kv.key(), 2, kv.key().length - 2, StandardCharsets.UTF_8);
        out.put(name, decode(kv.value()));
      }
    }
    return out;
  }

  private static byte[] key(ObjectKind kind, String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(2 + n.length).put(PREFIX).put((byte) kind.ordinal()).put(n)
        .array();
  }

  private static Entry decode(byte[] b) {
    JsonObject j = new JsonObject(Buffer.buffer(b));
    Acl acl = null;
    if (j.containsKey("acl")) {
      List<AclItem> items = new ArrayList<>();
      j.getJsonArray("acl").forEach(o -> items.add(AclItem.parse((String) o)));
      acl = new Acl(items);
    }
    return new Entry(j.getString("owner"), acl);
  }
}
