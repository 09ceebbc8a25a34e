package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** CREATE SEQUENCE, DROP SEQUENCE and ALTER SEQUENCE ... RESTART. */
final class SequenceDdl {

  private final Database db;
  private final RowLocks locks;
  private final Sequences sequences;

  SequenceDdl(Database db, RowLocks locks, Sequences sequences) {
    this.db = db;
    this.locks = locks;
    this.sequences = sequences;
  }

  Future<StatementResult> create(DdlStatement.CreateSequence c, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    return prepare(txn, c.tag()).compose(v -> locks.lockAll(ctx,
        List.of(Sequences.key(c.name()), Keys.table(c.name())), false))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          if (sequences.find(t, c.name()) != null || TableCatalog.find(t, c.name()) != null) {
            if (c.ifNotExists()) {
              return new StatementResult(List.of(), List.of(), c.tag(), List.of(
                  Notice.of(Severity.NOTICE, SqlState.DUPLICATE_TABLE,
                      "ddl.relation_exists_skipping", c.name())));
            }
            throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.relation_exists",
                c.name());
          }
          sequences.put(t, SequenceDef.of(Sequences.newId(), c.name(), DataType.INT8,
              c.increment(), c.min(), c.max(), c.start(), c.cache(), c.cycle(), null, null));
          return StatementResult.command(c.tag());
        }));
  }

  Future<StatementResult> drop(DdlStatement.Drop d, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    List<byte[]> keys = d.names().stream().map(Sequences::key).toList();
    return prepare(txn, d.tag()).compose(v -> locks.lockAll(ctx, keys,
        txn.isolation().snapshotPerTransaction())).compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          List<Notice> notices = new ArrayList<>();
          List<SequenceDef> found = new ArrayList<>();
          for (String name : d.names()) {
            SequenceDef s = sequences.find(t, name);
            if (s == null) {
              if (TableCatalog.find(t, name) != null) {
                throw SnapsyncException.error(DdlStates.WRONG_OBJECT_TYPE, "ddl.not_a_sequence",
                    name).withHint("ddl.not_a_sequence.hint");
              }
              if (!d.ifExists()) {
                throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.sequence_not_exist",
                    name);
              }
              notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION,
                  "ddl.sequence_not_exist_skipping", name));
            } else if (s.ownerTable() != null && !d.cascade()
                && TableCatalog.find(t, s.ownerTable()) != null) {
              throw SnapsyncException.error(DdlStates.DEPENDENT_OBJECTS_STILL_EXIST,
                  "ddl.seq_has_dependents", name).withDetail("ddl.seq_has_dependents.detail",
                  s.ownerTable(), s.ownerColumn(), name).withHint("ddl.cascade.hint");
            } else {
              found.add(s);
            }
          }
          found.forEach(s -> sequences.delete(t, txn, s));
          return new StatementResult(List.of(), List.of(), d.tag(), notices);
        }));
  }

  Future<StatementResult> alter(DdlStatement.AlterSequence a, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    return prepare(txn, a.tag()).compose(v -> db.blocking(() -> {
      StoreTransaction t = txn.storeTxn();
      SequenceDef s = sequences.find(t, a.name());
      if (s == null) {
        if (a.ifExists()) {
          return new StatementResult(List.of(), List.of(), a.tag(), List.of(
              Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.relation_not_exist_skipping",
                  a.name())));
        }
        throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.relation_not_exist",
            a.name());
      }
      if (a.restart()) {
        long to = a.restartWith() == null ? s.start() : a.restartWith();
        if (to < s.min() || to > s.max()) {
          throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE,
              to < s.min() ? "ddl.seq_restart_min" : "ddl.seq_restart_max", to,
              to < s.min() ? s.min() : s.max());
        }
        sequences.counter(s).set(s, to, false);
      }
      return StatementResult.command(a.tag());
    }));
  }

  private Future<Void> prepare(TransactionBlock txn, String tag) {
    return db.blocking(() -> {
      txn.checkWritable(tag);
      txn.startQuery();
      txn.storeTxn();
      return null;
    });
  }
}
