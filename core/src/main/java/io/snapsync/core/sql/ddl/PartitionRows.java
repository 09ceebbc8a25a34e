package io.snapsync.core.sql.ddl;

import io.snapsync.core.sql.exec.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows between a parent and a partition or INHERITS child whose columns may be in another
 * order (ATTACH of a table created apart) or more (a child's own columns): matched by name.
 * Stateless.
 */
public final class PartitionRows {

  private PartitionRows() {
  }

  /** True when {@code child} has exactly {@code parent}'s column names in its order. */
  public static boolean sameShape(TableDef parent, TableDef child) {
    if (parent.columns().size() != child.columns().size()) {
      return false;
    }
    for (int i = 0; i < parent.columns().size(); i++) {
      if (!parent.columns().get(i).name().equals(child.columns().get(i).name())) {
        return false;
      }
    }
    return true;
  }

  /** For each parent column, its index in {@code child} (-1: none). */
  public static int[] map(TableDef parent, TableDef child) {
    int[] m = new int[parent.columns().size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = child.indexOf(parent.columns().get(i).name());
    }
    return m;
  }

  /** {@code row} (parent's order) in {@code child}'s column order; its own columns null. */
  public static List<Object> toChild(TableDef parent, TableDef child, List<Object> row) {
    if (sameShape(parent, child)) {
      return row;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < child.columns().size(); i++) {
      out.add(null);
    }
    int[] m = map(parent, child);
    for (int i = 0; i < m.length; i++) {
      if (m[i] >= 0) {
        out.set(m[i], row.get(i));
      }
    }
    return out;
  }

  /** {@code row} ({@code child}'s order) in {@code parent}'s column order. */
  public static List<Object> toParent(TableDef parent, TableDef child, List<Object> row) {
    if (sameShape(parent, child)) {
      return row;
    }
    int[] m = map(parent, child);
    List<Object> out = new ArrayList<>(m.length);
    for (int i : m) {
      out.add(i < 0 ? null : row.get(i));
    }
    return out;
  }
}
