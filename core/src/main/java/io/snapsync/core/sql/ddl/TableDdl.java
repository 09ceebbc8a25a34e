package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.security.acl.AclStore;
import io.snapsync.core.security.acl.ObjectKind;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.TableLockWaits;
import io.snapsync.core.txn.TableLockMode;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.index.IndexMaintenance;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CREATE TABLE, DROP TABLE and TRUNCATE as MVCC writes of the table definitions and rows: each
 * locks the definitions' keys (as futures, no thread waits), then re-checks and writes on a
 * worker, so concurrent DDL of one table waits and DDL stays transactional.
 */
final class TableDdl {

  private final Database db;
  private final RowLocks locks;
  private final TableLockWaits tableLocks;
  private final Sequences sequences;

  TableDdl(Database db, RowLocks locks, Sequences sequences) {
    this.db = db;
    this.locks = locks;
    this.tableLocks = new TableLockWaits(db);
    this.sequences = sequences;
  }

  Future<StatementResult> create(DdlStatement.CreateTable c, SessionContext ctx) {
    if (c.asQuery() == null) {
      return create(c, ctx, null, null);
    }
    // CREATE TABLE ... AS: the query's columns, then INSERT INTO t query
    return db.blocking(() -> {
      ctx.txn().checkWritable(c.tag());
      return db.executor().queries().describe(c.asQuery(), ctx);
    }).compose(cols -> create(c, ctx, cols, null)).compose(r -> {
      if (!r.notices().isEmpty()) {
        return Future.succeededFuture(r);
      }
      return db.executor().dml().run("INSERT INTO \"" + c.table().replace("\"", "\"\"")
          + "\" " + c.asQuery(), "INSERT", ctx, List.of()).map(ins -> StatementResult.command(
              "SELECT " + ins.commandTag().substring(ins.commandTag().lastIndexOf(' ') + 1)));
    });
  }

  /** CREATE TABLE ... PARTITION BY | PARTITION OF | INHERITS (see {@link PartitionShapes}). */
  Future<StatementResult> create(DdlStatement.CreatePlaced p, SessionContext ctx) {
    return create(p.table(), ctx, null, p.placement());
  }

  private Future<StatementResult> create(DdlStatement.CreateTable c, SessionContext ctx,
      List<Column> queryColumns, Partitioning placement) {
    TransactionBlock txn = ctx.txn();
    byte[] key = Keys.table(c.table());
    List<String> referenced = c.foreignKeys().stream().map(DdlStatement.ForeignKeySpec::refTable)
        .filter(n -> !n.equals(c.table())).distinct().toList();
    List<byte[]> keys = new ArrayList<>();
    keys.add(key);
    if (placement != null) {
      PartitionDdl.parents(placement).forEach(n -> keys.add(Keys.table(n)));
    }
    referenced.forEach(n -> keys.add(Keys.table(n)));
    return db.blocking(() -> {
      txn.checkWritable(c.tag());
      txn.startQuery();
      txn.storeTxn();
      return null;
    }).compose(v -> tableLocks.lockAll(ctx, referenced, TableLockMode.SHARE_ROW_EXCLUSIVE))
        .compose(v -> locks.lockAll(ctx, keys, false)).compose(v -> db.blocking(() -> {
      StoreTransaction t = DdlEngine.recheckSnapshot(txn);
      if (exists(t, txn, key) || sequences.find(t, c.table()) != null
          || ViewCatalog.find(t, c.table()) != null) {
        if (c.ifNotExists()) {
          return new StatementResult(List.of(), List.of(), c.tag(), List.of(
              Notice.of(Severity.NOTICE, SqlState.DUPLICATE_TABLE,
                  "ddl.relation_exists_skipping", c.table())));
        }
        throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.relation_exists",
            c.table());
      }
      List<Notice> notices = new ArrayList<>();
      DdlStatement.CreateTable shaped = placement == null ? c
          : PartitionShapes.shape(t, c, placement, notices);
      TableDef def = definition(queryColumns == null ? withLikes(shaped, t) : asQuery(c,
          queryColumns), t);
      if (placement != null) {
        def = PartitionDdl.placed(t, def, placement, c.uniques());
      }
      TableCatalog.put(t, def.withOwner(ctx.user()));
      for (DdlStatement.UniqueSpec u : c.uniques()) {
        io.snapsync.core.sql.index.UniqueConstraints.add(t, c.table(), u.name(), u.columns(),
            false);
      }
      if (!c.foreignKeys().isEmpty()) {
        ForeignKeys.create(t, TableCatalog.require(t, c.table()), c.foreignKeys());
      }
      return new StatementResult(List.of(), List.of(), c.tag(), notices);
    }));
  }

  /** CREATE TABLE AS: the query's columns. */
  private static DdlStatement.CreateTable asQuery(DdlStatement.CreateTable c, List<Column> cols) {
    List<DdlStatement.ColumnSpec> specs = new ArrayList<>();
    for (Column col : cols) {
      specs.add(new DdlStatement.ColumnSpec(col.name(), col.type(), col.typmod(), false, null,
          false));
    }
    CreateTableAnalyzer.checkDistinct(specs);
    return new DdlStatement.CreateTable(c.table(), specs, List.of(), List.of(), c.ifNotExists());
  }

  /** The columns (and constraints) of {@code LIKE} sources merged in. Blocking. */
  private static DdlStatement.CreateTable withLikes(DdlStatement.CreateTable c,
      StoreTransaction t) {
    if (c.likes().isEmpty()) {
      return c;
    }
    List<DdlStatement.ColumnSpec> cols = new ArrayList<>();
    List<DdlStatement.CheckSpec> checks = new ArrayList<>(c.checks());
    int own = 0;
    for (DdlStatement.LikeSpec like : c.likes()) {
      while (own < like.position()) {
        cols.add(c.columns().get(own++));
      }
      TableDef src = TableCatalog.require(t, like.source());
      for (int i = 0; i < src.columns().size(); i++) {
        Column col = src.columns().get(i);
        cols.add(new DdlStatement.ColumnSpec(col.name(), col.type(), col.typmod(),
            src.isNotNull(i), like.defaults() ? src.defaultOf(i) : null, false));
      }
      if (like.constraints()) {
        src.checks().forEach(ch -> checks.add(new DdlStatement.CheckSpec(ch.name(), null,
            ch.sql())));
      }
    }
    while (own < c.columns().size()) {
      cols.add(c.columns().get(own++));
    }
    CreateTableAnalyzer.checkDistinct(cols);
    return new DdlStatement.CreateTable(c.table(), cols, c.key(), checks, c.ifNotExists(),
        List.of(), null, c.uniques(), c.foreignKeys());
  }

  /** The new table's definition; creates the sequences of its serial columns. Blocking. */
  private TableDef definition(DdlStatement.CreateTable c, StoreTransaction t) {
    List<Column> cols = new ArrayList<>();
    List<Boolean> notNull = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    for (DdlStatement.ColumnSpec s : c.columns()) {
      cols.add(new Column(s.name(), s.type(), s.typmod()));
      notNull.add(s.notNull());
      defaults.add(s.serial() ? sequences.createOwned(t, c.table(), s.name(), s.type())
          : s.defaultSql());
    }
    List<Integer> key = new ArrayList<>();
    for (String k : c.key()) {
      int i = cols.stream().map(Column::name).toList().indexOf(k);
      if (i < 0) {
        throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "ddl.key_column_not_exist", k);
      }
      key.add(i);
    }
    List<TableDef.Check> checks = new ArrayList<>();
    List<String> taken = new ArrayList<>();
    for (DdlStatement.CheckSpec s : c.checks()) {
      String name = CheckNames.choose(c.table(), s, taken);
      if (taken.contains(name)) {
        throw SnapsyncException.error(SqlState.DUPLICATE_OBJECT, "ddl.constraint_exists", name,
            c.table());
      }
      taken.add(name);
      checks.add(new TableDef.Check(name, s.sql()));
    }
    long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
    return new TableDef(id, c.table(), cols, key.size() == 1 ? key.get(0) : -1, notNull, key,
        defaults, checks);
  }

  Future<StatementResult> drop(DdlStatement.Drop d, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = new ArrayList<>(d.names().stream().map(Keys::table).toList());
    return db.blocking(() -> {
      txn.checkWritable(d.tag());
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      // the tables joined to these by foreign keys: their definitions change too
      java.util.Set<String> related = new java.util.TreeSet<>();
      for (String name : d.names()) {
        TableDef def = TableCatalog.find(t, name);
        if (def != null) {
          related.addAll(ForeignKeys.related(def));
        }
      }
      related.removeAll(d.names());
      related.forEach(n -> keys.add(Keys.table(n)));
      return null;
    }).compose(v -> tableLocks.lockAll(ctx, d.names(), TableLockMode.ACCESS_EXCLUSIVE))
        .compose(v -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          List<Notice> notices = new ArrayList<>();
          List<TableDef> found = new ArrayList<>();
          for (String name : d.names()) {
            TableDef def = TableCatalog.find(t, name);
            if (def == null) {
              if (sequences.find(t, name) != null) {
                throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE, "ddl.not_a_table",
                    name).withHint("ddl.not_a_table.hint");
              }
              if (ViewCatalog.find(t, name) != null) {
                throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE, "ddl.not_a_table",
                    name).withHint("ddl.not_a_table.view_hint");
              }
              if (!d.ifExists()) {
                throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.table_not_exist",
                    name);
              }
              notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.table_not_exist_skipping",
                  name));
            } else {
              AccessCheck.requireOwner(db, ctx, def);
              found.add(def);
            }
          }
          PartitionDdl.withDescendants(t, found, d.cascade(), notices);
          notices.addAll(ForeignKeys.drop(t, found, d.cascade()));
          if (!found.isEmpty()) {
            notices.addAll(ViewDependents.dropFor(t, txn, "table",
                found.stream().map(TableDef::name).toList(), d.cascade()));
          }
          for (TableDef def : found) {
            deleteRows(t, txn, def, ctx);
            IndexMaintenance.clear(t, txn, def);
            byte[] key = Keys.table(def.name());
            t.delete(key);
            AclStore.forget(t, ObjectKind.TABLE, def.name());
            txn.markDeleted(key);
            sequences.dropOwned(t, txn, def);
          }
          return new StatementResult(List.of(), List.of(), d.tag(), notices);
        }));
  }

  /**
   * TRUNCATE: locks each table's definition (as DROP TABLE does, so concurrent DDL waits), then
   * deletes every row the re-check snapshot sees. Unlike PostgreSQL's, it is MVCC-safe: older
   * snapshots keep seeing the rows. RESTART IDENTITY restarts the tables' owned sequences.
   */
  Future<StatementResult> truncate(DdlStatement.Truncate tr, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = tr.tables().stream().map(Keys::table).toList();
    return db.blocking(() -> {
      txn.checkWritable(tr.tag());
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      for (String name : tr.tables()) {
        AccessCheck.require(db, ctx, t, TableCatalog.require(t, name), Privilege.TRUNCATE);
      }
      return null;
    }).compose(v -> tableLocks.lockAll(ctx, tr.tables(), TableLockMode.ACCESS_EXCLUSIVE))
        .compose(v -> locks.lockAll(ctx, keys, txn.isolation().snapshotPerTransaction()))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          for (String name : tr.tables()) {
            ForeignKeys.checkTruncate(TableCatalog.require(t, name), tr.tables(), tr.cascade());
          }
          for (String name : tr.tables()) {
            TableDef def = TableCatalog.require(t, name);
            deleteRows(t, txn, def, ctx);
            IndexMaintenance.clear(t, txn, def);
            if (tr.restartIdentity()) {
              sequences.restartOwned(t, def);
            }
          }
          return StatementResult.command(tr.tag());
        }));
  }

  private static boolean exists(StoreTransaction t, TransactionBlock txn, byte[] key) {
    return t.get(key) != null || (t.latestCommitted(key) != null && !txn.wasDeleted(key));
  }

  /** Deletes every row of {@code def} that {@code t} sees. Blocking. */
  static void deleteRows(StoreTransaction t, TransactionBlock txn, TableDef def,
      SessionContext ctx) {
    List<byte[]> rows = new ArrayList<>();
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()),
        Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        rows.add(it.next().key());
      }
    }
    for (byte[] row : rows) {
      t.delete(row);
      txn.markDeleted(row);
    }
  }
}
