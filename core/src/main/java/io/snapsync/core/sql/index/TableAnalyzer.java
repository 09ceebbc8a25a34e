package io.snapsync.core.sql.index;

import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowCodec;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * ANALYZE: reads each table under the statement's snapshot, counts its rows and keeps a
 * reservoir sample of {@link #SAMPLE} rows (PostgreSQL's 300 x default_statistics_target),
 * from which it estimates per column the distinct values (Haas and Stokes' estimator, as
 * PostgreSQL's {@code analyze.c}) and the NULL fraction, into {@link TableStats}.
 */
final class TableAnalyzer {

  static final int SAMPLE = 30_000;

  private TableAnalyzer() {
  }

  static Future<StatementResult> run(Database db, IndexStmt.Analyze a, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      List<TableDef> tables = new ArrayList<>();
      if (a.tables().isEmpty()) {
        tables.addAll(TableCatalog.all(t));
      } else {
        for (String name : a.tables()) {
          tables.add(TableCatalog.require(t, name));
        }
      }
      for (TableDef def : tables) {
        TableStats.put(def.id(), analyze(t, def, ctx::checkCanceled));
      }
      return StatementResult.command("ANALYZE");
    });
  }

  /** The statistics of {@code def} as {@code t} sees it. Blocking. */
  static TableStats analyze(StoreTransaction t, TableDef def, Runnable checkCanceled) {
    int width = def.columns().size();
    Random random = new Random(def.id());
    List<List<Object>> sample = new ArrayList<>();
    long rows = 0;
    try (CloseableIterator<KeyValue> it = t.scan(Keys.rowsFrom(def.id()), Keys.rowsTo(def.id()))) {
      while (it.hasNext()) {
        KeyValue kv = it.next();
        rows++;
        if ((rows & 1023) == 0) {
          checkCanceled.run();
        }
        if (sample.size() < SAMPLE) {
          sample.add(RowCodec.decode(kv.value(), width));
        } else {
          long j = (long) (random.nextDouble() * rows);
          if (j < SAMPLE) {
            sample.set((int) j, RowCodec.decode(kv.value(), width));
          }
        }
      }
    }
    List<Double> distinct = new ArrayList<>(width);
    List<Double> nulls = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      Map<Object, Integer> counts = new HashMap<>();
      int nullCount = 0;
      for (List<Object> row : sample) {
        Object v = row.get(c);
        if (v == null) {
          nullCount++;
        } else {
          counts.merge(v instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : v, 1, Integer::sum);
        }
      }
      nulls.add(sample.isEmpty() ? 0.0 : (double) nullCount / sample.size());
      distinct.add(estimateDistinct(counts, sample.size() - nullCount, rows));
    }
    return new TableStats(rows, distinct, nulls);
  }

  /** Haas-Stokes: n*d / (n - f1 + f1*n/N), exact when the sample is the whole table. */
  private static double estimateDistinct(Map<Object, Integer> counts, int n, long total) {
    int d = counts.size();
    if (n == 0) {
      return 1;
    }
    if (n >= total) {
      return Math.max(1, d);
    }
    long f1 = counts.values().stream().filter(x -> x == 1).count();
    if (f1 == n) {
      return Math.max(1, (double) d / n * total);
    }
    double est = (double) n * d / (n - f1 + (double) f1 * n / total);
    return Math.max(1, Math.min(est, total));
  }
}
