package io.snapsync.plugins.pgwire.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The listener runs one verticle per configured event loop on one port: connections are
 * spread over them, and sessions on different loops work at the same time on shared tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventLoopListenersTest {

  private Path dir;
  private SnapsyncFixture node;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("pgwire-loops");
    node = SnapsyncFixture.start(dir, new PgWireOptions("127.0.0.1", 0, PgWireOptions.SCRAM,
        1 << 20).withEventLoops(3));
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port()
        + "/snapsync", SnapsyncFixture.ADMIN, SnapsyncFixture.ADMIN_PASSWORD);
  }

  @Test
  void connectionsAreSpreadOverEveryListenerAndRunConcurrently() throws Exception {
    PgWireServerImpl server = (PgWireServerImpl) node.server();
    try (Connection setup = connect(); Statement st = setup.createStatement()) {
      st.execute("CREATE TABLE loops (k int PRIMARY KEY, v int)");
    }
    List<Connection> conns = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (int i = 0; i < 6; i++) {
        conns.add(connect());
      }
      assertEquals(List.of(2, 2, 2), server.connectionsPerListener());
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < conns.size(); i++) {
        int client = i;
        Connection c = conns.get(i);
        Callable<Integer> work = () -> {
          try (Statement st = c.createStatement()) {
            for (int k = 0; k < 20; k++) {
              st.executeUpdate("INSERT INTO loops VALUES (" + (client * 100 + k) + ", " + k + ")");
            }
            try (ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM loops WHERE k >= " + client * 100 + " AND k < "
                    + (client * 100 + 100))) {
              rs.next();
              return rs.getInt(1);
            }
          }
        };
        results.add(pool.submit(work));
      }
      for (Future<Integer> r : results) {
        assertEquals(20, r.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
      for (Connection c : conns) {
        c.close();
      }
    }
    try (Connection c = connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM loops")) {
      rs.next();
      assertEquals(120, rs.getInt(1));
    }
  }
}
