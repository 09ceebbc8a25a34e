package io.snapsync.core.sql.copy;

import io.snapsync.core.session.Column;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One COPY TO: rows encoded in chunks of {@value #ROWS} and written to the sink as they are
 * produced. A table is scanned in key order under the statement's snapshot, one chunk per
 * worker call (each resumes after the last key), so a table of any size streams in bounded
 * memory; a query's rows (already computed by the engine) are encoded chunk by chunk.
 */
final class CopyTo {

  static final int ROWS = 2000;

  private final Database db;
  private final SessionContext ctx;
  private final ChunkSink sink;
  private final RowEncoder encoder;
  private final ZoneId zone;
  private final Promise<Long> done = Promise.promise();
  private long count;

  CopyTo(Database db, SessionContext ctx, ChunkSink sink, RowEncoder encoder, ZoneId zone) {
    this.db = db;
    this.ctx = ctx;
    this.sink = sink;
    this.encoder = encoder;
    this.zone = zone;
  }

  /** A chunk of rows and whether more may follow. */
  private record Chunk(Buffer data, boolean last, byte[] resume) {
  }

  /** Copies the {@code targets} columns of table {@code def}. */
  Future<Long> table(TableDef def, int[] targets, Buffer header) {
    Chunk first = new Chunk(header, false, Keys.rowsFrom(def.id()));
    send(first, from -> db.blocking(() -> scan(def, targets, from)));
    return done.future();
  }

  /** Copies rows already computed (a query's result). */
  Future<Long> rows(List<Column> cols, List<List<Object>> rows, Buffer header) {
    int[] at = {0};
    send(new Chunk(header, rows.isEmpty(), null), ignored -> db.blocking(() -> {
      Buffer out = Buffer.buffer();
      int end = Math.min(rows.size(), at[0] + ROWS);
      for (; at[0] < end; at[0]++) {
        ctx.checkCanceled();
        encoder.row(texts(cols, rows.get(at[0])), out);
        count++;
      }
      return new Chunk(out, at[0] == rows.size(), null);
    }));
    return done.future();
  }

  private interface Producer {
    Future<Chunk> next(byte[] resume);
  }

  private void send(Chunk c, Producer producer) {
    Future<Void> written = c.data() == null || c.data().length() == 0
        ? Future.succeededFuture() : sink.write(c.data());
    written.onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
      } else if (c.last()) {
        done.tryComplete(count);
      } else {
        producer.next(c.resume()).onComplete(n -> {
          if (n.failed()) {
            done.tryFail(n.cause());
          } else {
            send(n.result(), producer);
          }
        });
      }
    });
  }

  private Chunk scan(TableDef def, int[] targets, byte[] from) {
    StoreTransaction t = ctx.txn().storeTxn();
    Buffer out = Buffer.buffer(64 * 1024);
    List<Column> cols = def.columns();
    int n = 0;
    byte[] last = null;
    try (CloseableIterator<KeyValue> it = t.scan(from, Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        ctx.checkCanceled();
        KeyValue kv = it.next();
        List<Object> row = RowCodec.decode(kv.value(), cols.size());
        List<String> f = new ArrayList<>(targets.length);
        for (int c : targets) {
          f.add(CopyValues.toText(row.get(c), cols.get(c), zone));
        }
        encoder.row(f, out);
        count++;
        last = kv.key();
        if (++n == ROWS) {
          return new Chunk(out, false, Keys.successor(last));
        }
      }
    }
    return new Chunk(out, true, null);
  }

  private List<String> texts(List<Column> cols, List<Object> row) {
    List<String> f = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      f.add(CopyValues.toText(row.get(i), cols.get(i), zone));
    }
    return f;
  }
}
