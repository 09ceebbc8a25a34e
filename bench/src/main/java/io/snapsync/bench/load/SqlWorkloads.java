package io.snapsync.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The workloads that run against both systems through pgjdbc: snapshot export, export plus
 * import, and a statement round trip.
 */
final class SqlWorkloads {

  static final String KV_TABLE = "bench_kv";
  static final int KV_ROWS = 1000;

  private SqlWorkloads() {
  }

  /** (1) BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT pg_export_snapshot(); COMMIT. */
  static ClosedLoop.ClientFactory export(Target target) {
    return i -> {
      Connection c = target.connect();
      Statement st = c.createStatement();
      return new ClosedLoop.Client() {
        @Override
        public void op() throws SQLException {
          st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
          try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
            rs.next();
            rs.getString(1);
          }
          st.execute("COMMIT");
        }

        @Override
        public void close() throws SQLException {
          c.close();
        }
      };
    };
  }

  /**
   * (2) N clients import the snapshot {@code snapshotId} (held by one exporting session) and
   * read one row under it.
   */
  static ClosedLoop.ClientFactory importAndRead(Target target, String snapshotId) {
    String set = "SET TRANSACTION SNAPSHOT '" + snapshotId + "'";
    return i -> {
      Connection c = target.connect();
      Statement st = c.createStatement();
      PreparedStatement read = c.prepareStatement("SELECT v FROM " + KV_TABLE + " WHERE k = ?");
      return new ClosedLoop.Client() {
        @Override
        public void op() throws SQLException {
          st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
          st.execute(set);
          read.setInt(1, ThreadLocalRandom.current().nextInt(KV_ROWS));
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
              throw new SQLException("row missing under the imported snapshot");
            }
          }
          st.execute("COMMIT");
        }

        @Override
        public void close() throws SQLException {
          c.close();
        }
      };
    };
  }

  /** (4) SELECT 1 over the wire protocol. */
  static ClosedLoop.ClientFactory selectOne(Target target) {
    return i -> {
      Connection c = target.connect();
      Statement st = c.createStatement();
      return new ClosedLoop.Client() {
        @Override
        public void op() throws SQLException {
          try (ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
          }
        }

        @Override
        public void close() throws SQLException {
          c.close();
        }
      };
    };
  }

  /** Creates and fills the small key-value table read by the import workload. */
  static void createKv(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + KV_TABLE);
      st.execute("CREATE TABLE " + KV_TABLE + " (k int PRIMARY KEY, v int)");
      StringBuilder sb = new StringBuilder("INSERT INTO " + KV_TABLE + " VALUES ");
      for (int k = 0; k < KV_ROWS; k++) {
        sb.append(k == 0 ? "" : ",").append('(').append(k).append(',').append(k).append(')');
      }
      st.execute(sb.toString());
    }
  }

  /** An exporting session: a REPEATABLE READ transaction kept open, and its snapshot id. */
  record Exporter(Connection connection, String snapshotId) implements AutoCloseable {
    static Exporter open(Target target) throws SQLException {
      Connection c = target.connect();
      try (Statement st = c.createStatement()) {
        st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
        try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          return new Exporter(c, rs.getString(1));
        }
      }
    }

    @Override
    public void close() throws SQLException {
      try (Statement st = connection.createStatement()) {
        st.execute("COMMIT");
      } finally {
        connection.close();
      }
    }
  }
}
