package io.snapsync.core.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cumulative per-table and per-index access counters of one node, as PostgreSQL's
 * {@code pg_stat_user_tables} and {@code pg_stat_user_indexes} count them: scans and the rows
 * they returned, rows inserted, updated and deleted. Fed by the engine's scan operators and its
 * row writer, read by those system tables and WDR. Thread-safe; one map lookup per scan or
 * write, a {@link LongAdder} increment per row.
 */
public final class ObjectStats {

  /** The counters of one table. */
  public static final class Table {
    public final LongAdder seqScan = new LongAdder();
    public final LongAdder seqTupRead = new LongAdder();
    public final LongAdder idxScan = new LongAdder();
    public final LongAdder idxTupFetch = new LongAdder();
    public final LongAdder inserted = new LongAdder();
    public final LongAdder updated = new LongAdder();
    public final LongAdder deleted = new LongAdder();
  }

  /** The counters of one index. */
  public static final class Index {
    public final LongAdder scans = new LongAdder();
    public final LongAdder tupRead = new LongAdder();
    public final LongAdder tupFetch = new LongAdder();
  }

  /** An index: its table's id and its name. */
  public record IndexKey(long tableId, String name) implements Comparable<IndexKey> {
    @Override
    public int compareTo(IndexKey o) {
      int c = Long.compare(tableId, o.tableId);
      return c != 0 ? c : name.compareTo(o.name);
    }
  }

  private final Map<Long, Table> tables = new ConcurrentHashMap<>();
  private final Map<IndexKey, Index> indexes = new ConcurrentHashMap<>();

  /** The counters of table {@code tableId}, created on first use. */
  public Table table(long tableId) {
    return tables.computeIfAbsent(tableId, k -> new Table());
  }

  /** The counters of index {@code name} of table {@code tableId}, created on first use. */
  public Index index(long tableId, String name) {
    return indexes.computeIfAbsent(new IndexKey(tableId, name), k -> new Index());
  }

  /** A sequential scan of the table starts. */
  public Table seqScan(long tableId) {
    Table t = table(tableId);
    t.seqScan.increment();
    return t;
  }

  /** A scan through index {@code name} starts; counts it for the index and its table. */
  public Index indexScan(long tableId, String name) {
    table(tableId).idxScan.increment();
    Index i = index(tableId, name);
    i.scans.increment();
    return i;
  }

  /** A row returned by an index scan: read from the index, fetched from the table when not index-only. */
  public void indexRow(long tableId, Index i, boolean fetched) {
    i.tupRead.increment();
    if (fetched) {
      i.tupFetch.increment();
      table(tableId).idxTupFetch.increment();
    }
  }

  /** Rows written by one statement. */
  public void written(long tableId, long inserted, long updated, long deleted) {
    if (inserted == 0 && updated == 0 && deleted == 0) {
      return;
    }
    Table t = table(tableId);
    t.inserted.add(inserted);
    t.updated.add(updated);
    t.deleted.add(deleted);
  }

  /** The tables counted so far, by id. */
  public Map<Long, Table> tables() {
    return new TreeMap<>(tables);
  }

  /** The indexes counted so far. */
  public Map<IndexKey, Index> indexes() {
    return new TreeMap<>(indexes);
  }

  /** Forgets every counter (pg_stat_reset). */
  public void reset() {
    tables.clear();
    indexes.clear();
  }
}
