package io.snapsync.bench.ssi;

import io.snapsync.bench.regress.Server;
import io.snapsync.core.error.SqlState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mixed SERIALIZABLE (or, for comparison, REPEATABLE READ) workload over {@code ssi_acc (id int PRIMARY KEY, bal int)}, one JDBC
 * connection per client, each transaction retried never (an abort, 40001 or a 40P01
 * deadlock between two transfers, is counted and the next transaction drawn): 70 % transfers (read two balances, update both), 20 % read-only reports
 * ({@code SELECT sum(bal)}), 10 % guarded withdrawals (read a pair, withdraw from one if the
 * pair's sum stays positive: the write-skew shape).
 */
final class SsiWorkload {

  record Outcome(long commits, long aborts, long attempts) {
  }

  private final Server server;
  private final int accounts;
  private final int isolation;

  SsiWorkload(Server server, int accounts, int isolation) {
    this.server = server;
    this.accounts = accounts;
    this.isolation = isolation;
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", server.user());
    p.setProperty("password", server.password());
    p.setProperty("sslmode", "disable");
    Connection c = DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":"
        + server.port() + "/" + server.database(), p);
    return c;
  }

  void setUp() throws SQLException {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS ssi_acc");
      st.execute("CREATE TABLE ssi_acc (id int PRIMARY KEY, bal int)");
      StringBuilder sb = new StringBuilder("INSERT INTO ssi_acc VALUES ");
      for (int i = 1; i <= accounts; i++) {
        sb.append(i > 1 ? ", " : "").append('(').append(i).append(", 1000)");
      }
      st.execute(sb.toString());
    }
  }

  Outcome run(int clients, long millis) throws Exception {
    AtomicLong commits = new AtomicLong();
    AtomicLong aborts = new AtomicLong();
    AtomicLong attempts = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> threads = new ArrayList<>();
    List<Exception> errors = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> {
        try (Connection c = connect()) {
          c.setAutoCommit(false);
          c.setTransactionIsolation(isolation);
          while (System.nanoTime() < end) {
            attempts.incrementAndGet();
            try {
              one(c);
              c.commit();
              commits.incrementAndGet();
            } catch (SQLException e) {
              c.rollback();
              if (!SqlState.SERIALIZATION_FAILURE.equals(e.getSQLState())
                  && !SqlState.DEADLOCK_DETECTED.equals(e.getSQLState())) {
                throw e;
              }
              aborts.incrementAndGet();
            }
          }
        } catch (Exception e) {
          synchronized (errors) {
            errors.add(e);
          }
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    return new Outcome(commits.get(), aborts.get(), attempts.get());
  }

  private void one(Connection c) throws SQLException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int kind = r.nextInt(10);
    int x = 1 + r.nextInt(accounts);
    int y = 1 + (x + r.nextInt(accounts - 1)) % accounts;
    if (kind < 7) {
      int amount = 1 + r.nextInt(10);
      balance(c, x);
      balance(c, y);
      update(c, x, -amount);
      update(c, y, amount);
    } else if (kind < 9) {
      try (Statement st = c.createStatement(); ResultSet rs =
          st.executeQuery("SELECT sum(bal) FROM ssi_acc")) {
        rs.next();
      }
    } else {
      int sum = balance(c, x) + balance(c, y);
      if (sum - 100 > 0) {
        update(c, x, -100);
      }
    }
  }

  private static int balance(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT bal FROM ssi_acc WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static void update(Connection c, int id, int delta) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ssi_acc SET bal = bal + ? WHERE id = ?")) {
      ps.setInt(1, delta);
      ps.setInt(2, id);
      ps.executeUpdate();
    }
  }
}
