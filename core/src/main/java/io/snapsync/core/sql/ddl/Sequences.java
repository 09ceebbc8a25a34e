package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.KvSpace;
import io.snapsync.storage.StoreTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database's sequences: definitions as MVCC data (created and dropped transactionally,
 * read through the statement's transaction) and one {@link SequenceCounter} per sequence
 * (outside transactions). {@code nextval}/{@code currval}/{@code setval}/{@code lastval} go
 * through {@link #forSession}. Thread-safe; one per database.
 */
public final class Sequences {

  private static final byte SEQUENCE = 'Q';

  private final KvSpace counters;
  private final Map<Long, SequenceCounter> byId = new ConcurrentHashMap<>();
  private final Map<String, SequenceSession> sessions = new ConcurrentHashMap<>();

  Sequences(KvSpace counters) {
    this.counters = counters;
  }

  static byte[] key(String name) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + n.length).put(SEQUENCE).put(n).array();
  }

  /** The sequence as {@code t} sees it, or null. Blocking. */
  public SequenceDef find(StoreTransaction t, String name) {
    byte[] b = t.get(key(name));
    return b == null ? null : SequenceDef.fromBytes(b);
  }

  /** Every sequence as {@code t} sees it, in name order (the catalog's pg_sequence). Blocking. */
  public static java.util.List<SequenceDef> all(StoreTransaction t) {
    java.util.List<SequenceDef> out = new java.util.ArrayList<>();
    try (io.snapsync.storage.CloseableIterator<io.snapsync.storage.KeyValue> it =
        t.scan(new byte[] {SEQUENCE}, new byte[] {SEQUENCE + 1})) {
      while (it.hasNext()) {
        out.add(SequenceDef.fromBytes(it.next().value()));
      }
    }
    return out;
  }

  /** The sequence, or 42P01 {@code relation "s" does not exist}. Blocking. */
  SequenceDef require(StoreTransaction t, String name) {
    SequenceDef d = find(t, name);
    if (d == null) {
      throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.relation_not_exist", name);
    }
    return d;
  }

  void put(StoreTransaction t, SequenceDef def) {
    t.put(key(def.name()), def.toBytes());
  }

  void delete(StoreTransaction t, TransactionBlock txn, SequenceDef def) {
    byte[] k = key(def.name());
    t.delete(k);
    txn.markDeleted(k);
  }

  static long newId() {
    return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
  }

  /**
   * Creates the sequence {@code table_column_seq} owned by a serial or identity column and
   * returns the column's DEFAULT text. Blocking.
   */
  String createOwned(StoreTransaction t, String table, String column, DataType type) {
    String base = table + "_" + column + "_seq";
    String name = base;
    for (int n = 1; find(t, name) != null || t.get(io.snapsync.core.sql.exec.Keys.table(name))
        != null; n++) {
      name = base + n;
    }
    put(t, SequenceDef.of(newId(), name, type, null, null, null, null, null, null, table,
        column));
    return "nextval('" + name.replace("'", "''") + "')";
  }

  /** Drops the sequences {@code def}'s columns own. Blocking. */
  void dropOwned(StoreTransaction t, TransactionBlock txn, TableDef def) {
    for (SequenceDef s : owned(t, def)) {
      delete(t, txn, s);
    }
  }

  /** ALTER TABLE ... RENAME TO: the owned sequences follow the table. Blocking. */
  void renameOwner(StoreTransaction t, TableDef def, String newName) {
    for (SequenceDef s : owned(t, def)) {
      put(t, new SequenceDef(s.id(), s.name(), s.increment(), s.min(), s.max(), s.start(),
          s.cache(), s.cycle(), newName, s.ownerColumn()));
    }
  }

  /** TRUNCATE ... RESTART IDENTITY: the owned sequences start over. Blocking. */
  void restartOwned(StoreTransaction t, TableDef def) {
    for (SequenceDef s : owned(t, def)) {
      counter(s).set(s, s.start(), false);
    }
  }

  private java.util.List<SequenceDef> owned(StoreTransaction t, TableDef def) {
    java.util.List<SequenceDef> out = new java.util.ArrayList<>();
    for (int i = 0; i < def.columns().size(); i++) {
      String d = def.defaultOf(i);
      if (d != null && d.startsWith("nextval('") && d.endsWith("')")) {
        SequenceDef s = find(t, d.substring(9, d.length() - 2).replace("''", "'"));
        if (s != null && def.name().equals(s.ownerTable())) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** A sequence's {@code last_value} and {@code is_called}. */
  public record State(long lastValue, boolean called) {
  }

  /** The state of {@code def} as {@code SELECT last_value, is_called FROM seq} reads it. */
  public State state(SequenceDef def) {
    return counter(def).state(def);
  }

  SequenceCounter counter(SequenceDef def) {
    return byId.computeIfAbsent(def.id(), id -> new SequenceCounter(counters, id));
  }

  /** The sequence functions as session {@code sessionId} calls them in transaction {@code t}. */
  public SequenceSession forSession(String sessionId, StoreTransaction t) {
    SequenceSession s = sessions.computeIfAbsent(sessionId, id -> new SequenceSession(this));
    return s.in(t);
  }

  /** Forgets a closed session's {@code currval} values. */
  public void sessionClosed(String sessionId) {
    sessions.remove(sessionId);
  }
}
