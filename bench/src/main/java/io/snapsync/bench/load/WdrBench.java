package io.snapsync.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.HdrHistogram.Histogram;

/**
 * snapsync-only WDR workloads over the wire protocol as SYSADMIN: the cost of a WDR snapshot
 * (from {@code create_wdr_snapshot()} until the snapshot is stored, and the worker's own
 * start-to-end time) and the time to generate a report between two snapshots.
 */
final class WdrBench {

  /** Both measurements plus the report size. */
  record Result(Measurement requestToStored, Measurement collectTime, Measurement report,
      int reportChars) {
  }

  private WdrBench() {
  }

  static Result run(Target admin, int snapshots, int reports) throws Exception {
    try (Connection c = admin.connect(); Statement st = c.createStatement()) {
      Histogram endToEnd = Measurement.newHistogram();
      Histogram collect = Measurement.newHistogram();
      long first = -1;
      long last = -1;
      long t0All = System.nanoTime();
      for (int i = 0; i < snapshots; i++) {
        long before = latest(st)[0];
        long t0 = System.nanoTime();
        try (ResultSet rs = st.executeQuery("SELECT create_wdr_snapshot()")) {
          rs.next();
        }
        long[] now;
        while ((now = latest(st))[0] <= before) {
          if (System.nanoTime() - t0 > 120_000_000_000L) {
            throw new IllegalStateException("no WDR snapshot stored within 120 s");
          }
          Thread.sleep(2); // polling a benchmark target, not synchronizing a test
        }
        endToEnd.recordValue(System.nanoTime() - t0);
        collect.recordValue(Math.max(0, now[1]) * 1_000_000L);
        first = first < 0 ? now[0] : first;
        last = now[0];
      }
      double snapSeconds = (System.nanoTime() - t0All) / 1e9;
      Histogram rep = Measurement.newHistogram();
      int chars = 0;
      long t0Rep = System.nanoTime();
      for (int i = 0; i < reports; i++) {
        long t0 = System.nanoTime();
        try (ResultSet rs = st.executeQuery("SELECT generate_wdr_report(" + first + ", " + last
            + ", 'all', 'cluster')")) {
          rs.next();
          chars = rs.getString(1).length();
        }
        rep.recordValue(System.nanoTime() - t0);
      }
      double repSeconds = (System.nanoTime() - t0Rep) / 1e9;
      return new Result(Measurement.of(endToEnd, snapSeconds, 0),
          Measurement.of(collect, snapSeconds, 0), Measurement.of(rep, repSeconds, 0), chars);
    }
  }

  /** {latest snapshot id, its end - start in ms}, or {-1, 0} when there is none. */
  private static long[] latest(Statement st) throws SQLException {
    long id = -1;
    long ms = 0;
    try (ResultSet rs = st.executeQuery("SELECT snapshot_id, start_ts, end_ts FROM snapshot")) {
      while (rs.next()) {
        long s = rs.getLong(1);
        if (s > id) {
          id = s;
          java.sql.Timestamp a = rs.getTimestamp(2);
          java.sql.Timestamp b = rs.getTimestamp(3);
          ms = a == null || b == null ? 0 : b.getTime() - a.getTime();
        }
      }
    }
    return new long[] {id, ms};
  }
}
