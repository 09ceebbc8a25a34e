package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.types.PgValues;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's checks of a partitioned table's key and of a new partition's bound: the key
 * columns exist (42703) and every PRIMARY KEY / UNIQUE includes them (0A000); the bound has
 * the parent's strategy (42P16), one value per key column, is not empty and overlaps no
 * sibling (42P17); a new partition admits no row of the default partition (23514). Bound
 * values are converted to the key columns' types and kept in their text form. Blocking;
 * stateless.
 */
final class PartitionPlacement {

  /** 42P17 {@code partition "b" would overlap partition "a"}. */
  static final String INVALID_OBJECT_DEFINITION = SqlState.INVALID_OBJECT_DEFINITION;

  private PartitionPlacement() {
  }

  /** {@code def} placed by {@code p} (bounds normalized) after the checks. */
  static TableDef place(StoreTransaction t, TableDef def, Partitioning p,
      List<DdlStatement.UniqueSpec> uniques) {
    if (p.partitioned()) {
      checkKey(def, p, uniques);
    }
    Partitioning placed = p;
    if (p.partition()) {
      TableDef parent = TableCatalog.require(t, p.parent());
      PartitionBound b = normalize(parent, def.name(), p.bound());
      checkSiblings(t, parent, def.name(), b);
      placed = p.withParent(parent.name(), b);
    }
    return def.withPartitioning(placed);
  }

  private static void checkKey(TableDef def, Partitioning p,
      List<DdlStatement.UniqueSpec> uniques) {
    if (p.strategy().equals("LIST") && p.keys().size() > 1) {
      throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
          "ddl.partition.list_one_column");
    }
    for (String k : p.keys()) {
      if (def.indexOf(k) < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN,
            "ddl.partition.key_column_not_exist", k);
      }
    }
    List<String> pk = def.key().stream().map(i -> def.columns().get(i).name()).toList();
    requireKeys(def, p, pk, "PRIMARY KEY");
    for (DdlStatement.UniqueSpec u : uniques) {
      requireKeys(def, p, u.columns(), "UNIQUE");
    }
  }

  private static void requireKeys(TableDef def, Partitioning p, List<String> cols,
      String kind) {
    if (cols.isEmpty()) {
      return;
    }
    for (String k : p.keys()) {
      if (!cols.contains(k)) {
        throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
            "ddl.partition.unique_lacks_key").withDetail("ddl.partition.unique_lacks_key.detail",
                kind, def.name(), k);
      }
    }
  }

  /** {@code b} (as written) checked against {@code parent}'s strategy, values converted. */
  static PartitionBound normalize(TableDef parent, String name, PartitionBound b) {
    String strategy = parent.partitioning().strategy();
    List<Column> cols = PartitionBounds.keyColumns(parent);
    if (b.kind() == PartitionBound.Kind.DEFAULT) {
      if (strategy.equals("HASH")) {
        throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
            "ddl.partition.hash_default");
      }
      return b;
    }
    if (!b.kind().name().equals(strategy)) {
      throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
          "ddl.partition.bad_bound", strategy.toLowerCase(java.util.Locale.ROOT));
    }
    return switch (b.kind()) {
      case HASH -> b;
      case LIST -> {
        List<PartitionBound.Value> vs = new ArrayList<>();
        for (PartitionBound.Value v : b.values()) {
          if (v.infinity() != 0) {
            throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "ddl.partition.list_infinity");
          }
          PartitionBound.Value n = convert(v, cols.get(0));
          if (!vs.contains(n)) {
            vs.add(n);
          }
        }
        yield new PartitionBound(PartitionBound.Kind.LIST, null, null, vs, 0, 0);
      }
      default -> {
        List<PartitionBound.Value> from = range(b.from(), cols, "FROM");
        List<PartitionBound.Value> to = range(b.to(), cols, "TO");
        if (PartitionBounds.compareBounds(cols, from, to) >= 0) {
          List<Boolean> q = cols.stream().map(c -> PartitionBounds.quoted(c.type())).toList();
          PartitionBound shown = new PartitionBound(PartitionBound.Kind.RANGE, from, to, null,
              0, 0);
          String text = shown.text(q);
          String lower = text.substring(text.indexOf("FROM ") + 5, text.indexOf(" TO "));
          String upper = text.substring(text.indexOf(" TO ") + 4);
          throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
              "ddl.partition.empty_range", name).withDetail("ddl.partition.empty_range.detail",
                  lower, upper);
        }
        yield new PartitionBound(PartitionBound.Kind.RANGE, from, to, null, 0, 0);
      }
    };
  }

  private static List<PartitionBound.Value> range(List<PartitionBound.Value> vs,
      List<Column> cols, String which) {
    if (vs.size() != cols.size()) {
      throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
          "ddl.partition.range_arity", which);
    }
    List<PartitionBound.Value> out = new ArrayList<>();
    for (int i = 0; i < vs.size(); i++) {
      PartitionBound.Value v = vs.get(i);
      if (v.infinity() == 0 && v.text() == null) {
        throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
            "ddl.partition.range_null");
      }
      out.add(v.infinity() != 0 ? v : convert(v, cols.get(i)));
    }
    return out;
  }

  private static PartitionBound.Value convert(PartitionBound.Value v, Column col) {
    if (v.text() == null) {
      return v;
    }
    Object x = PgValues.fromText(v.text(), col.type(), col.typmod(), ZoneOffset.UTC);
    return new PartitionBound.Value(PgValues.toText(x, col.type(), ZoneOffset.UTC), 0);
  }

  /** 42P17 on an overlap or a second default; 23514 when the default holds admitted rows. */
  static void checkSiblings(StoreTransaction t, TableDef parent, String name, PartitionBound b) {
    List<Column> cols = PartitionBounds.keyColumns(parent);
    for (TableDef s : PartitionTree.partitions(t, parent)) {
      if (s.name().equals(name)) {
        continue;
      }
      PartitionBound sb = s.partitioning().bound();
      if (sb.kind() == PartitionBound.Kind.DEFAULT) {
        if (b.kind() == PartitionBound.Kind.DEFAULT) {
          throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
              "ddl.partition.default_exists", name, s.name());
        }
        checkDefaultRows(t, parent, s, cols, b);
        continue;
      }
      if (b.kind() == PartitionBound.Kind.DEFAULT) {
        continue;
      }
      if (b.kind() == PartitionBound.Kind.HASH) {
        checkHash(b, s, sb);
      }
      if (overlaps(cols, b, sb)) {
        throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
            "ddl.partition.overlap", name, s.name());
      }
    }
  }

  private static void checkHash(PartitionBound b, TableDef s, PartitionBound sb) {
    long m = b.modulus();
    long o = sb.modulus();
    if (m < o && o % m != 0) {
      throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
          "ddl.partition.hash_factor").withDetail("ddl.partition.hash_factor.detail", m, o,
              s.name());
    }
    if (m > o && m % o != 0) {
      throw SnapsyncException.error(INVALID_OBJECT_DEFINITION,
          "ddl.partition.hash_factor").withDetail("ddl.partition.hash_divisible.detail", m, o,
              s.name());
    }
  }

  private static boolean overlaps(List<Column> cols, PartitionBound a, PartitionBound b) {
    return switch (a.kind()) {
      case HASH -> a.remainder() % Math.min(a.modulus(), b.modulus())
          == b.remainder() % Math.min(a.modulus(), b.modulus());
      case LIST -> {
        for (PartitionBound.Value v : a.values()) {
          List<Object> key = new ArrayList<>();
          key.add(PartitionBounds.value(v, cols.get(0)));
          if (PartitionBounds.admits(cols, b, key)) {
            yield true;
          }
        }
        yield false;
      }
      default -> PartitionBounds.compareBounds(cols, a.from(), b.to()) < 0
          && PartitionBounds.compareBounds(cols, b.from(), a.to()) < 0;
    };
  }

  private static void checkDefaultRows(StoreTransaction t, TableDef parent, TableDef def,
      List<Column> cols, PartitionBound b) {
    for (TableDef leaf : PartitionTree.leaves(t, def)) {
      try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(leaf.id()),
          Keys.rowsTo(leaf.id()))) {
        while (it.hasNext()) {
          List<Object> row = RowCodec.decode(it.next().value(), leaf.columns().size());
          List<Object> key = PartitionBounds.key(parent, PartitionRows.toParent(parent, leaf,
              row));
          if (PartitionBounds.admits(cols, b, key)) {
            throw SnapsyncException.error(DdlStates.CHECK_VIOLATION,
                "ddl.partition.default_violated", def.name());
          }
        }
      }
    }
  }
}
