/*
 * A Vert.x service that reaches a snapsync node over the clustered event bus.
 *
 * Run against the node started by `bin/snapsync` (from the repository root, after the node
 * printed its initial admin password file):
 *
 *   java -cp launcher/target/snapsync.jar docs/examples/EventBusClientExample.java \
 *        --password-file data/initial-admin-password
 *
 * Options: --cluster NAME (snapsync), --members host:port,... (127.0.0.1:5701),
 * --port N (first Hazelcast port for this client, 5702), --user NAME (admin),
 * --password-file FILE, --node NAME (any coordinator when omitted), --trust DIR (data/trust:
 * the node's key material directory; the client uses its CA certificate and the service
 * certificate service.pem / service-key.pem, never the cluster secret - docs/cluster.md).
 *
 * It joins the node's Hazelcast cluster, opens a session (snapsync.session.open), runs
 * SHOW enable_wdr_snapshot, SET lc_messages = 'zh_CN.UTF-8' and a failing statement whose
 * error text comes back in Chinese, then closes the session. Only plain Vert.x event-bus
 * calls are used; ClusterConfigs just builds the same Hazelcast settings the node uses and
 * turns on the event bus's TLS with the service certificate.
 */

import io.snapsync.core.cluster.ClusterConfigs;
import io.snapsync.core.cluster.TrustMaterial;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class EventBusClientExample {

  public static void main(String[] args) throws Exception {
    String cluster = arg(args, "--cluster", "snapsync");
    List<String> members = Arrays.asList(arg(args, "--members", "127.0.0.1:5701").split(","));
    int port = Integer.parseInt(arg(args, "--port", "5702"));
    String user = arg(args, "--user", "admin");
    String password = Files.readString(Path.of(arg(args, "--password-file",
        "data/initial-admin-password"))).trim();
    String node = arg(args, "--node", null);
    Path trust = Path.of(arg(args, "--trust", "data/trust"));

    Vertx vertx = ClusterConfigs.clusteredVertx(
        ClusterConfigs.hazelcast(cluster, "127.0.0.1", port, members),
        TrustMaterial.service(trust)).await();
    try {
      for (String line : demo(vertx, user, password, node).await()) {
        System.out.println(line);
      }
    } finally {
      vertx.close().await();
    }
  }

  /** The demo conversation; returns what it printed. */
  public static Future<List<String>> demo(Vertx vertx, String user, String password,
      String node) {
    List<String> out = new ArrayList<>();
    DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(30_000);
    String open = node == null ? "snapsync.session.open" : "snapsync." + node + ".session.open";
    JsonObject login = new JsonObject().put("user", user).put("password", password);
    return vertx.eventBus().<JsonObject>request(open, login, timeout).compose(reply -> {
      String sessionId = reply.body().getString("sessionId");
      String owner = reply.body().getString("node");
      out.add("opened session on node " + owner);
      String execute = "snapsync." + owner + ".session.execute";
      return run(vertx, execute, sessionId, "SHOW enable_wdr_snapshot", out, timeout)
          .compose(v -> run(vertx, execute, sessionId, "SET lc_messages = 'zh_CN.UTF-8'", out,
              timeout))
          .compose(v -> run(vertx, execute, sessionId, "SELECT * FROM no_such_table", out,
              timeout))
          .compose(v -> vertx.eventBus().request("snapsync." + owner + ".session.close",
              new JsonObject().put("sessionId", sessionId), timeout))
          .map(v -> {
            out.add("closed session");
            return out;
          });
    });
  }

  /** Runs one statement; prints its rows and tag, or its typed error. */
  private static Future<Void> run(Vertx vertx, String address, String sessionId, String sql,
      List<String> out, DeliveryOptions timeout) {
    JsonObject req = new JsonObject().put("sessionId", sessionId).put("sql", sql);
    return vertx.eventBus().<JsonObject>request(address, req, timeout)
        .map(reply -> {
          for (Object o : reply.body().getJsonArray("results")) {
            JsonObject r = (JsonObject) o;
            out.add(sql + " -> " + r.getJsonArray("rows").encode() + " "
                + r.getString("commandTag"));
          }
          return (Void) null;
        })
        .recover(err -> {
          if (err instanceof ReplyException re && re.getMessage().startsWith("{")) {
            JsonObject e = new JsonObject(re.getMessage());
            out.add(sql + " -> ERROR " + e.getString("sqlState") + ": " + e.getString("message"));
            return Future.succeededFuture();
          }
          return Future.failedFuture(err);
        });
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
