package io.snapsync.console;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A console test node in a child JVM ({@link ConsoleKill9BrowserTest}): args[0] its directory,
 * args[1] the configuration overrides as JSON. Prints {@code READY} once started and ends at
 * stdin EOF (or when killed).
 */
public final class ConsoleChildNode {

  private ConsoleChildNode() {
  }

  public static void main(String[] args) throws Exception {
    ConsoleTestNode node = ConsoleTestNode.start(Path.of(args[0]), null,
        java.time.Clock.systemUTC(), new JsonObject(args[1]));
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // nothing to do until stdin closes
    }
    node.close();
    System.exit(0);
  }
}
