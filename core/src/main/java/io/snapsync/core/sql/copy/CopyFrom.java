package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One COPY FROM: reads chunks from its source, splits and converts rows on the database's
 * workers, and inserts them in batches of {@value #BATCH} through {@link RowModifier} (the
 * INSERT write path: row locks, 23505, NOT NULL) after the left-out columns' defaults
 * ({@link CopyDefaults}) and the CHECK constraints, in the session's transaction, so an error
 * anywhere fails the statement and nothing of it stays. Memory is bounded by one chunk and one
 * batch. Runs as a loop of callbacks, never blocking and never recursing on the stack.
 */
final class CopyFrom {

  static final int BATCH = 5000;

  private final Database db;
  private final RowModifier modifier;
  private final SessionContext ctx;
  private final TableDef def;
  private final int[] targets;
  private final CopyDefaults defaults;
  private final ChunkSource source;
  private final RecordSplitter records;
  private final FieldSplitter fields;
  private final boolean header;
  private final ZoneId zone;
  private final Promise<Long> done = Promise.promise();
  private List<List<Object>> batch = new ArrayList<>();
  private long count;

  CopyFrom(Database db, RowModifier modifier, SessionContext ctx, TableDef def, int[] targets,
      CopyOptions o, ChunkSource source, ZoneId zone) {
    this.db = db;
    this.modifier = modifier;
    this.ctx = ctx;
    this.def = def;
    this.targets = targets;
    this.defaults = new CopyDefaults(def, targets);
    this.source = source;
    this.records = new RecordSplitter(o);
    this.fields = new FieldSplitter(o, flags(def, targets, o.forceNotNull()),
        flags(def, targets, o.forceNull()));
    this.header = o.header();
    this.zone = zone;
  }

  /** Per target field: named in {@code names}. */
  static boolean[] flags(TableDef def, int[] targets, List<String> names) {
    boolean[] f = new boolean[targets.length];
    for (String n : names) {
      int c = CopyRunner.column(def, n);
      boolean found = false;
      for (int k = 0; k < targets.length; k++) {
        if (targets[k] == c) {
          f[k] = true;
          found = true;
        }
      }
      if (!found) {
        throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
            "copy.force_column_not_listed", n);
      }
    }
    return f;
  }

  /** Runs the copy; the number of rows inserted. */
  Future<Long> run() {
    step();
    return done.future().onComplete(ar -> source.close());
  }

  private void step() {
    source.next().onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
        return;
      }
      Buffer chunk = ar.result();
      Future<Void> work = db.blocking(() -> {
        ctx.checkCanceled();
        if (chunk == null) {
          records.finish(this::record);
        } else {
          records.feed(chunk, this::record);
        }
        return null;
      });
      boolean last = chunk == null;
      work.compose(v -> last || batch.size() >= BATCH ? flush() : Future.succeededFuture())
          .onComplete(w -> {
            if (w.failed()) {
              done.tryFail(w.cause());
            } else if (last) {
              done.tryComplete(count);
            } else {
              step();
            }
          });
    });
  }

  private Future<Void> flush() {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<List<Object>> rows = batch;
    batch = new ArrayList<>();
    count += rows.size();
    io.snapsync.core.sql.engine.QueryEngine queries = db.executor().queries();
    if (io.snapsync.core.sql.exec.PartitionInserts.involved(def)) {
      return defaults.apply(queries, ctx, rows).compose(v -> new io.snapsync.core.sql.exec
          .PartitionInserts(db, modifier).insert(def, rows, ctx)).mapEmpty();
    }
    return defaults.apply(queries, ctx, rows)
        .compose(v -> io.snapsync.core.sql.ddl.RowChecks.verify(queries, def, rows, ctx))
        .compose(v -> modifier.insert(def, rows, ctx)).mapEmpty();
  }

  private void record(byte[] data, int length) {
    if (header && records.records() == 1) {
      return;
    }
    try {
      convert(data, length);
    } catch (SnapsyncException e) {
      throw e.context() != null ? e : e.withContext("copy.context_line", def.name(),
          records.records(), CopyContext.shown(data, length));
    }
  }

  private void convert(byte[] data, int length) {
    List<String> f = fields.split(data, length);
    List<Column> cols = def.columns();
    if (f.size() > targets.length) {
      throw SnapsyncException.error(CopyErrors.BAD_COPY_FORMAT, "copy.extra_data");
    }
    if (f.size() < targets.length) {
      throw SnapsyncException.error(CopyErrors.BAD_COPY_FORMAT, "copy.missing_data",
          cols.get(targets[f.size()]).name());
    }
    List<Object> row = new ArrayList<>(cols.size());
    for (int c = 0; c < cols.size(); c++) {
      row.add(null);
    }
    for (int k = 0; k < targets.length; k++) {
      Column col = cols.get(targets[k]);
      try {
        row.set(targets[k], CopyValues.fromText(f.get(k), col, zone));
      } catch (SnapsyncException e) {
        throw e.withContext("copy.context_column", def.name(), records.records(), col.name(),
            CopyContext.shown(f.get(k)));
      }
    }
    for (int c = 0; c < row.size(); c++) {
      if (row.get(c) == null && def.isNotNull(c) && !defaults.fills(c)) {
        RowModifier.checkNotNull(def, row);
      }
    }
    batch.add(row);
  }

  /** The line being read, for the error's context. */
  long line() {
    return records.records();
  }
}
