package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.storage.StoreTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The partitions and INHERITS children of a table as a store transaction sees them (so a
 * partition created after a snapshot is invisible to it), in PostgreSQL's order (range and
 * list partitions by bound, hash by modulus and remainder, the default last), and the routing
 * of a row to its leaf partition. Blocking (store reads); stateless.
 */
public final class PartitionTree {

  private PartitionTree() {
  }

  /** The direct partitions of partitioned table {@code parent}. */
  public static List<TableDef> partitions(StoreTransaction t, TableDef parent) {
    List<TableDef> out = new ArrayList<>();
    for (TableDef d : TableCatalog.all(t)) {
      if (d.partitioning() != null && parent.name().equals(d.partitioning().parent())) {
        out.add(d);
      }
    }
    List<Column> cols = PartitionBounds.keyColumns(parent);
    out.sort(order(cols));
    return out;
  }

  /** The tables created with (or altered to) INHERITS {@code parent}, by name. */
  public static List<TableDef> inheritors(StoreTransaction t, String parent) {
    List<TableDef> out = new ArrayList<>();
    for (TableDef d : TableCatalog.all(t)) {
      if (d.partitioning() != null && d.partitioning().inherits().contains(parent)) {
        out.add(d);
      }
    }
    out.sort(Comparator.comparing(TableDef::name));
    return out;
  }

  /** The tables a scan of {@code def} reads besides it: partitions or INHERITS children. */
  public static List<TableDef> children(StoreTransaction t, TableDef def) {
    if (def.partitioning() == null || !def.partitioning().appends()) {
      return List.of();
    }
    return def.partitioned() ? partitions(t, def) : inheritors(t, def.name());
  }

  /** Every table holding rows for a scan of {@code def}: itself (unless partitioned), then its descendants. */
  public static List<TableDef> leaves(StoreTransaction t, TableDef def) {
    List<TableDef> out = new ArrayList<>();
    collect(t, def, out, new java.util.HashSet<>());
    return out;
  }

  private static void collect(StoreTransaction t, TableDef def, List<TableDef> out,
      java.util.Set<String> seen) {
    if (!seen.add(def.name())) {
      return;
    }
    if (!def.partitioned()) {
      out.add(def);
    }
    for (TableDef c : children(t, def)) {
      collect(t, c, out, seen);
    }
  }

  /**
   * The leaf partition of partitioned {@code parent} for {@code row} (parent's column order);
   * 23514 {@code no partition of relation ... found for row} when none admits it.
   */
  public static TableDef route(StoreTransaction t, TableDef parent, List<Object> row) {
    List<Object> key = PartitionBounds.key(parent, row);
    List<Column> cols = PartitionBounds.keyColumns(parent);
    TableDef fallback = null;
    for (TableDef p : partitions(t, parent)) {
      PartitionBound b = p.partitioning().bound();
      if (b.kind() == PartitionBound.Kind.DEFAULT) {
        fallback = p;
      } else if (PartitionBounds.admits(cols, b, key)) {
        return descend(t, p, parent, row);
      }
    }
    if (fallback != null) {
      return descend(t, fallback, parent, row);
    }
    throw SnapsyncException.error(DdlStates.CHECK_VIOLATION, "ddl.partition.no_partition",
        parent.name()).withDetail("ddl.partition.no_partition.detail",
            String.join(", ", parent.partitioning().keys()), text(key, cols));
  }

  private static TableDef descend(StoreTransaction t, TableDef p, TableDef parent,
      List<Object> row) {
    return p.partitioned() ? route(t, p, PartitionRows.toChild(parent, p, row)) : p;
  }

  /** True when partition {@code p} (of {@code parent}) admits {@code row} (p's column order). */
  public static boolean fits(StoreTransaction t, TableDef parent, TableDef p, List<Object> row) {
    List<Column> cols = PartitionBounds.keyColumns(parent);
    List<Object> rowInParent = PartitionRows.toParent(parent, p, row);
    List<Object> key = PartitionBounds.key(parent, rowInParent);
    PartitionBound b = p.partitioning().bound();
    if (b.kind() != PartitionBound.Kind.DEFAULT) {
      return PartitionBounds.admits(cols, b, key);
    }
    for (TableDef s : partitions(t, parent)) {
      PartitionBound sb = s.partitioning().bound();
      if (sb.kind() != PartitionBound.Kind.DEFAULT && PartitionBounds.admits(cols, sb, key)) {
        return false;
      }
    }
    return true;
  }

  /** Key values as PostgreSQL prints them in a DETAIL: {@code 1, abc}. */
  static String text(List<Object> key, List<Column> cols) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      out.add(key.get(i) == null ? "null"
          : PgValues.toText(key.get(i), cols.get(i).type(), ZoneOffset.UTC));
    }
    return String.join(", ", out);
  }

  private static Comparator<TableDef> order(List<Column> cols) {
    return (a, b) -> {
      PartitionBound x = a.partitioning().bound();
      PartitionBound y = b.partitioning().bound();
      boolean dx = x.kind() == PartitionBound.Kind.DEFAULT;
      boolean dy = y.kind() == PartitionBound.Kind.DEFAULT;
      if (dx || dy) {
        return Boolean.compare(dx, dy);
      }
      return switch (x.kind()) {
        case RANGE -> PartitionBounds.compareBounds(cols, x.from(), y.from());
        case HASH -> x.modulus() != y.modulus() ? Long.compare(x.modulus(), y.modulus())
            : Long.compare(x.remainder(), y.remainder());
        default -> compareLists(cols, x, y);
      };
    };
  }

  private static int compareLists(List<Column> cols, PartitionBound x, PartitionBound y) {
    PartitionBound.Value mx = least(cols, x);
    PartitionBound.Value my = least(cols, y);
    if (mx == null || my == null) {
      return mx == null ? (my == null ? 0 : 1) : -1;
    }
    return PartitionBounds.compareBounds(cols, List.of(mx), List.of(my));
  }

  private static PartitionBound.Value least(List<Column> cols, PartitionBound b) {
    PartitionBound.Value best = null;
    for (PartitionBound.Value v : b.values()) {
      if (v.text() != null && (best == null
          || PartitionBounds.compareBounds(cols, List.of(v), List.of(best)) < 0)) {
        best = v;
      }
    }
    return best;
  }
}
