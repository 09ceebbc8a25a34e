package io.snapsync.core.sql.ddl;

import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;

/**
 * Runs analyzed DDL ({@link DdlStatement}) in the session's transaction: definitions are MVCC
 * data, so DDL commits and rolls back with the transaction. Store work runs on the database's
 * worker pool; lock waits are futures. Thread-safe; one per database.
 */
public final class DdlEngine {

  private final Sequences sequences;
  private final TableDdl tables;
  private final SequenceDdl sequenceDdl;
  private final AlterTableDdl alterTable;
  private final ViewDdl views;
  private final PartitionDdl partitions;
  private final SchemaDdl schemas;
  private final Database db;

  public DdlEngine(Database db) {
    RowLocks locks = new RowLocks(db);
    this.sequences = new Sequences(db.store().space(Database.SYSTEM_SPACE));
    this.tables = new TableDdl(db, locks, sequences);
    this.sequenceDdl = new SequenceDdl(db, locks, sequences);
    this.alterTable = new AlterTableDdl(db, locks, sequences);
    this.views = new ViewDdl(db, locks);
    this.partitions = new PartitionDdl(db, locks);
    this.schemas = new SchemaDdl(db, locks);
    this.db = db;
  }

  /** The database's sequences ({@code nextval} and friends). */
  public Sequences sequences() {
    return sequences;
  }

  /**
   * Runs {@code s} in the session's current transaction, its relation names resolved through
   * the session's search_path first ({@link DdlNames}).
   */
  public Future<StatementResult> run(DdlStatement s, SessionContext ctx) {
    return db.blocking(() -> {
      try (SearchPath.Scope scope = SearchPath.enter(ctx)) {
        ctx.txn().startQuery();
        DdlStatement resolved = DdlNames.resolve(s, ctx.txn().storeTxn(), sequences);
        String created = DdlNames.created(resolved);
        if (created != null) {
          io.snapsync.core.sql.access.SchemaAccess.requireCreate(db, ctx, ctx.txn().storeTxn(),
              created);
        }
        return resolved;
      }
    }).compose(r -> runResolved(r, ctx));
  }

  /** Runs {@code s}, whose relation names are key names already. */
  Future<StatementResult> runResolved(DdlStatement s, SessionContext ctx) {
    if (s instanceof DdlStatement.CreateSchema c) {
      return schemas.create(c, ctx);
    } else if (s instanceof DdlStatement.DropSchema d) {
      return schemas.drop(d, ctx, this);
    } else if (s instanceof DdlStatement.AlterSchema a) {
      return schemas.alter(a, ctx);
    }
    if (s instanceof DdlStatement.CreateTable c) {
      return tables.create(c, ctx);
    } else if (s instanceof DdlStatement.Drop d) {
      return d.kind() == DdlStatement.Drop.Kind.TABLE ? tables.drop(d, ctx)
          : d.kind() == DdlStatement.Drop.Kind.VIEW ? views.drop(d, ctx)
          : sequenceDdl.drop(d, ctx);
    } else if (s instanceof DdlStatement.CreateView c) {
      return views.create(c, ctx);
    } else if (s instanceof DdlStatement.AlterView a) {
      return views.alter(a, ctx);
    } else if (s instanceof DdlStatement.Truncate t) {
      return tables.truncate(t, ctx);
    } else if (s instanceof DdlStatement.CreateSequence c) {
      return sequenceDdl.create(c, ctx);
    } else if (s instanceof DdlStatement.AlterTable a) {
      return alterTable.alter(a, ctx);
    } else if (s instanceof DdlStatement.CreatePlaced p) {
      return tables.create(p, ctx);
    } else if (s instanceof DdlStatement.AlterPlacement a) {
      return partitions.alter(a, ctx);
    } else if (s instanceof DdlStatement.AlterSequence a) {
      return sequenceDdl.alter(a, ctx);
    }
    return Future.failedFuture(new IllegalArgumentException("not DDL: " + s));
  }

  /** READ COMMITTED: a fresh snapshot for the re-check (the keys are locked now). */
  static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }
}
