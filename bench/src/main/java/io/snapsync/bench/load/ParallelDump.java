package io.snapsync.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * (3) Parallel consistent dump: one session exports a snapshot of a table of {@code rows} rows
 * (all {@code v = 0}); writers start setting random rows to {@code v > 0} (autocommit);
 * importers import the snapshot and scan disjoint primary-key ranges. Every importer must see
 * exactly its range with {@code v = 0} (the snapshot, not the writers' commits).
 */
final class ParallelDump {

  static final String TABLE = "bench_dump";
  private static final String PAD = "snapshot-synchronization-bench-padding";

  /** The outcome: load rate, dump rate, writer commits during the dump. */
  record Result(long rows, double loadSeconds, double dumpSeconds, long writerCommits,
      long writerErrors, String firstWriterError, boolean consistent) {
    double loadRowsPerSecond() {
      return rows / loadSeconds;
    }

    double dumpRowsPerSecond() {
      return rows / dumpSeconds;
    }

    double writerCommitsPerSecond() {
      return writerCommits / dumpSeconds;
    }
  }

  private ParallelDump() {
  }

  static Result run(Target target, long rows, int importers, int writers) throws Exception {
    double loadSeconds = load(target, rows);
    ExecutorService pool = Executors.newFixedThreadPool(importers + writers);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong commits = new AtomicLong();
    AtomicLong writerErrors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    try (SqlWorkloads.Exporter exporter = SqlWorkloads.Exporter.open(target)) {
      // Importer connections first, so that connection set-up is not part of the dump time.
      List<Connection> conns = new ArrayList<>();
      for (int i = 0; i < importers; i++) {
        conns.add(target.connect());
      }
      List<Future<?>> writerFutures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        writerFutures.add(pool.submit(() -> write(target, rows, stop, commits, writerErrors, firstError)));
      }
      long t0 = System.nanoTime();
      List<Future<long[]>> scans = new ArrayList<>();
      long per = (rows + importers - 1) / importers;
      for (int i = 0; i < importers; i++) {
        Connection c = conns.get(i);
        long from = i * per;
        long to = Math.min(rows, from + per);
        scans.add(pool.submit(() -> scan(c, exporter.snapshotId(), from, to)));
      }
      long seen = 0;
      boolean consistent = true;
      for (int i = 0; i < importers; i++) {
        long[] r = scans.get(i).get();
        long expected = Math.min(rows, (i + 1) * per) - i * per;
        seen += r[0];
        consistent &= r[0] == expected && r[1] == 0;
      }
      double dumpSeconds = (System.nanoTime() - t0) / 1e9;
      stop.set(true);
      for (Future<?> f : writerFutures) {
        f.get();
      }
      for (Connection c : conns) {
        c.close();
      }
      consistent &= seen == rows;
      return new Result(rows, loadSeconds, dumpSeconds, commits.get(), writerErrors.get(),
          firstError.get(), consistent);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  /** Creates the table and fills it with multi-row INSERTs of 1,000 rows; returns seconds. */
  private static double load(Target target, long rows) throws SQLException {
    try (Connection c = target.connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + TABLE);
      st.execute("CREATE TABLE " + TABLE + " (k bigint PRIMARY KEY, v bigint, pad text)");
      long t0 = System.nanoTime();
      for (long k = 0; k < rows; k += 1000) {
        StringBuilder sb = new StringBuilder(64 * 1000).append("INSERT INTO ").append(TABLE)
            .append(" VALUES ");
        for (long j = k; j < Math.min(rows, k + 1000); j++) {
          sb.append(j == k ? "" : ",").append('(').append(j).append(",0,'").append(PAD)
              .append("')");
        }
        st.execute(sb.toString());
      }
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /** Imports the snapshot and reads [from, to); returns {rows, sum of v}. */
  private static long[] scan(Connection c, String snapshotId, long from, long to)
      throws SQLException {
    try (Statement st = c.createStatement();
        PreparedStatement q = c.prepareStatement(
            "SELECT k, v, pad FROM " + TABLE + " WHERE k >= ? AND k < ?")) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
      st.execute("SET TRANSACTION SNAPSHOT '" + snapshotId + "'");
      q.setLong(1, from);
      q.setLong(2, to);
      long n = 0;
      long sum = 0;
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          n++;
          sum += rs.getLong(2);
          rs.getString(3);
        }
      }
      st.execute("COMMIT");
      return new long[] {n, sum};
    }
  }

  private static Void write(Target target, long rows, AtomicBoolean stop, AtomicLong commits,
      AtomicLong errors, AtomicReference<String> firstError) throws SQLException {
    try (Connection c = target.connect();
        PreparedStatement up = c.prepareStatement(
            "UPDATE " + TABLE + " SET v = ? WHERE k = ?")) {
      while (!stop.get()) {
        up.setLong(1, 1 + ThreadLocalRandom.current().nextLong(1_000_000));
        up.setLong(2, ThreadLocalRandom.current().nextLong(rows));
        try {
          up.executeUpdate();
          commits.incrementAndGet();
        } catch (SQLException e) {
          errors.incrementAndGet();
          firstError.compareAndSet(null, e.getSQLState() + " " + e.getMessage());
        }
      }
    }
    return null;
  }
}
