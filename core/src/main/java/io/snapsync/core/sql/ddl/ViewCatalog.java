package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * View definitions, read and written through a store transaction (transactional DDL, visible
 * through snapshots). Key layout: {@code 'V' name}. Blocking; stateless.
 */
public final class ViewCatalog {

  private static final byte VIEW = 'V';

  private ViewCatalog() {
  }

  /** The key of view {@code name}'s definition (locked by DDL on the view). */
  public static byte[] key(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(VIEW).put(n).array();
  }

  /** The view as {@code t} sees it, or null. */
  public static ViewDef find(StoreTransaction t, String name) {
    byte[] b = t.get(key(name));
    return b == null ? null : ViewDef.fromBytes(b);
  }

  /**
   * The relation named {@code name} as a query's dependency map records it: the table's
   * definition, else the view's {@link ViewDef#asRelation()}, else null.
   */
  public static TableDef relation(StoreTransaction t, String key) {
    String name = io.snapsync.core.sql.engine.analyze.ViewExpansion.relationOf(key);
    TableDef d = TableCatalog.find(t, name);
    if (d != null) {
      return d;
    }
    ViewDef v = find(t, name);
    return v == null ? null : v.asRelation();
  }

  /** Every view {@code t} sees, by name. */
  public static List<ViewDef> all(StoreTransaction t) {
    List<ViewDef> out = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(new byte[] {VIEW}, new byte[] {VIEW + 1})) {
      while (it.hasNext()) {
        out.add(ViewDef.fromBytes(it.next().value()));
      }
    }
    return out;
  }

  /** The views whose query reads relation {@code name} directly. */
  public static List<ViewDef> dependents(StoreTransaction t, String name) {
    return all(t).stream().filter(v -> v.dependsOn().contains(name)).toList();
  }

  /**
   * 0A000 {@code cannot insert into view "v"} when the target of INSERT, UPDATE or DELETE
   * ({@code verb}: {@code insert into}, {@code update}, {@code delete from}) is a view: views
   * are not updatable in snapsync yet. {@code target} is a name or a parsed identifier.
   */
  public static void refuseWrite(StoreTransaction t, Object target, String verb) {
    String name;
    if (target instanceof org.apache.calcite.sql.SqlIdentifier id) {
      if (id.names.size() > 2 || (id.names.size() == 2 && !id.names.get(0).equals("public"))) {
        return;
      }
      name = id.names.get(id.names.size() - 1);
    } else if (target instanceof String s) {
      name = s;
    } else {
      return;
    }
    if (find(t, name) != null) {
      throw io.snapsync.core.error.SnapsyncException.error(
          io.snapsync.core.error.SqlState.FEATURE_NOT_SUPPORTED, "ddl.view_not_updatable", verb,
          name).withDetail("ddl.view_not_updatable.detail");
    }
  }

  /** Writes (creates or replaces) view {@code v}. */
  public static void put(StoreTransaction t, ViewDef v) {
    t.put(key(v.name()), v.toBytes());
  }

  /** Deletes view {@code name}. */
  public static void delete(StoreTransaction t, String name) {
    t.delete(key(name));
  }
}
