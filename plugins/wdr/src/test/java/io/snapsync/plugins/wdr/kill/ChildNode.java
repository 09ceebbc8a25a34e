package io.snapsync.plugins.wdr.kill;

import io.snapsync.core.config.NodeConfig;
import io.snapsync.core.node.Node;
import io.snapsync.core.plugin.Collectors;
import io.snapsync.plugins.wdr.api.WdrService;
import io.snapsync.plugins.wdr.testing.GateCollector;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A node in a child JVM for {@link KillSnapshotMultiProcessTest}: args[0] is the node
 * configuration as JSON. Prints {@code READY} once started; on the stdin line {@code hang} it
 * makes its worker take a snapshot that blocks in a collector and prints {@code HUNG}; ends
 * at stdin EOF.
 */
public final class ChildNode {

  private ChildNode() {
  }

  public static void main(String[] args) throws Exception {
    NodeConfig config = NodeConfig.of(new JsonObject(args[0]), "child");
    Node node = Node.start(config).await();
    GateCollector gate = new GateCollector("child_gate");
    node.services().service(Collectors.class).orElseThrow().add(gate);
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.trim().equals("hang")) {
        gate.close();
        node.services().service(WdrService.class).orElseThrow().requestSnapshot("child")
            .await();
        Future.fromCompletionStage(gate.entered()).await();
        System.out.println("HUNG");
        System.out.flush();
      }
    }
    gate.open();
    node.close().await();
    System.exit(0);
  }
}
