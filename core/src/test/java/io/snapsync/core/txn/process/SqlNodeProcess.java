package io.snapsync.core.txn.process;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.node.Node;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.SessionManager;
import io.snapsync.core.session.StatementResult;
import io.vertx.core.json.JsonArray;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapsync node in a child JVM for {@link DurableSnapshotProcessTest}: args[0] is the node
 * configuration as JSON. Prints {@code READY} once started. Each stdin line
 * {@code user<TAB>password<TAB>sql} runs in that user's session (one per user, kept open) and
 * prints {@code OK<TAB>rows as JSON} of the last statement or {@code ERR<TAB>sqlstate};
 * {@code CLOSE<TAB>user} closes that user's session and prints {@code CLOSED}. Ends
 * at stdin EOF (or by kill -9, which is the point).
 */
public final class SqlNodeProcess {

  private SqlNodeProcess() {
  }

  public static void main(String[] args) throws Exception {
    Node node = Node.start(NodeConfig.of(new io.vertx.core.json.JsonObject(args[0]), "child"))
        .await();
    System.out.println("READY");
    System.out.flush();
    Map<String, Session> sessions = new HashMap<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] p = line.split("\t", 3);
      if (p.length == 2 && p[0].equals("CLOSE")) {
        Session s = sessions.remove(p[1]);
        if (s != null) {
          s.close().await();
        }
        System.out.println("CLOSED");
        System.out.flush();
        continue;
      }
      if (p.length != 3) {
        continue;
      }
      try {
        Session s = sessions.get(p[0]);
        if (s == null) {
          s = node.services().service(SessionManager.class).orElseThrow().open(p[0], p[1], null)
              .await();
          sessions.put(p[0], s);
        }
        List<StatementResult> r = s.execute(p[2]).await();
        System.out.println("OK\t" + new JsonArray(r.get(r.size() - 1).rows()).encode());
      } catch (SnapsyncException e) {
        System.out.println("ERR\t" + e.sqlState());
      } catch (RuntimeException e) {
        System.out.println("ERR\t" + e);
      }
      System.out.flush();
    }
    for (Session s : sessions.values()) {
      s.close().await();
    }
    node.close().await();
    System.exit(0);
  }
}
