package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.storage.StoreTransaction;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Resolves the relation names of an analyzed DDL statement (as parsed: unqualified or
 * qualified) into key names ({@link Names}) through the session's {@link SearchPath}, once,
 * before the statement runs; everything after works on key names only. Statements are copied
 * component by component (records), so components added later are carried over unchanged.
 * Blocking (catalog reads); stateless.
 */
final class DdlNames {

  /** Components that name an existing relation. */
  private static final Set<String> EXISTING = Set.of("table", "names", "tables", "source",
      "refTable");

  private DdlNames() {
  }

  /** {@code s} with every relation name resolved for {@code t}. */
  static DdlStatement resolve(DdlStatement s, StoreTransaction t, Sequences sequences) {
    SearchPath path = SearchPath.current();
    UnaryOperator<String> existing = n -> n == null ? null : path.resolve(t, n,
        k -> TableCatalog.find(t, k) != null || ViewCatalog.find(t, k) != null
            || sequences.find(t, k) != null);
    if (s instanceof DdlStatement.CreateTable c) {
      String table = path.forCreate(t, c.table());
      // a FOREIGN KEY is resolved as if the new table existed: a self-reference finds it
      UnaryOperator<String> referenced = n -> n == null ? null : path.resolve(t, n,
          k -> k.equals(table) || TableCatalog.find(t, k) != null
              || ViewCatalog.find(t, k) != null || sequences.find(t, k) != null);
      return copy(c, (name, v) -> switch (name) {
        case "table" -> table;
        case "likes" -> ((List<?>) v).stream()
            .map(x -> copy((Record) x, (n2, v2) -> EXISTING.contains(n2) ? existing.apply(
                (String) v2) : v2)).toList();
        case "foreignKeys" -> ((List<?>) v).stream()
            .map(x -> copy((Record) x, (n2, v2) -> EXISTING.contains(n2) ? referenced.apply(
                (String) v2) : v2)).toList();
        default -> v;
      });
    }
    if (s instanceof DdlStatement.CreateSequence c) {
      return copy(c, (name, v) -> name.equals("name") ? path.forCreate(t, c.name()) : v);
    }
    if (s instanceof DdlStatement.CreateView c) {
      String view = path.forCreate(t, c.view());
      return copy(c, (name, v) -> name.equals("view") ? view : v);
    }
    if (s instanceof DdlStatement.AlterView a) {
      String view = existing.apply(a.view());
      return copy(a, (name, v) -> switch (name) {
        case "view" -> view;
        case "newName" -> Names.key(Names.schemaOf(view), (String) v);
        default -> v;
      });
    }
    if (s instanceof DdlStatement.AlterTable a) {
      String table = existing.apply(a.table());
      boolean rename = a.action() == DdlStatement.AlterTable.Action.RENAME_TABLE;
      return copy(a, (name, v) -> switch (name) {
        case "table" -> table;
        case "newName" -> rename && v != null ? Names.key(Names.schemaOf(table), (String) v) : v;
        case "foreignKey" -> v == null ? null : copy((Record) v, (n2, v2) -> n2.equals("refTable")
            ? existing.apply((String) v2) : v2);
        default -> v;
      });
    }
    if (s instanceof DdlStatement.Drop || s instanceof DdlStatement.Truncate
        || s instanceof DdlStatement.AlterSequence) {
      return (DdlStatement) copy((Record) s, (name, v) -> resolveComponent(name, v, existing));
    }
    return s;
  }

  /** The key name of the relation a resolved CREATE statement makes, or null. */
  static String created(DdlStatement s) {
    if (s instanceof DdlStatement.CreateTable c) {
      return c.table();
    } else if (s instanceof DdlStatement.CreateSequence c) {
      return c.name();
    } else if (s instanceof DdlStatement.CreateView c) {
      return c.view();
    }
    return null;
  }

  private static Object resolveComponent(String name, Object v, UnaryOperator<String> existing) {
    if (name.equals("name") || EXISTING.contains(name)) {
      if (v instanceof String str) {
        return existing.apply(str);
      }
      if (v instanceof List<?> list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(existing.apply((String) x)));
        return out;
      }
    }
    return v;
  }

  /** A component's new value from its name and old value. */
  private interface Change {
    Object apply(String name, Object value);
  }

  @SuppressWarnings("unchecked")
  private static <R extends Record> R copy(R r, Change change) {
    RecordComponent[] parts = r.getClass().getRecordComponents();
    Object[] values = new Object[parts.length];
    Class<?>[] types = new Class<?>[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        types[i] = parts[i].getType();
        values[i] = change.apply(parts[i].getName(), parts[i].getAccessor().invoke(r));
      }
      Constructor<?> c = r.getClass().getDeclaredConstructor(types);
      c.setAccessible(true);
      return (R) c.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + r.getClass().getSimpleName(), e);
    }
  }
}
