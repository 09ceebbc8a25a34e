package io.snapsync.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.node.Node;
import io.snapsync.core.testing.PluginJars;
import io.snapsync.core.testing.TestNodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles docs/examples/EventBusClientExample.java and runs its conversation from a plain
 * clustered Vert.x against a clustered node, as the README describes.
 */
class ExampleClientTest {

  @Test
  void exampleClientTalksToAClusteredNode(@TempDir Path dir) throws Exception {
    Path source = Path.of("..", "docs", "examples", "EventBusClientExample.java");
    assertTrue(Files.isRegularFile(source), source.toAbsolutePath().toString());
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        "-classpath", PluginJars.classPath(), "--release", "17", "-proc:none",
        source.toString());
    assertEquals(0, rc, "the example compiles");

    String cluster = TestNodes.clusterName();
    int nodePort = TestNodes.freePort();
    int clientPort = TestNodes.freePort();
    List<Integer> members = List.of(nodePort, clientPort);
    Node node = Node.start(TestNodes.clusterConfig(dir, "node1", "embedded", cluster, nodePort,
        members)).await();
    Vertx service = null;
    try {
      service = TestNodes.service(cluster, clientPort, members);
      try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()},
          getClass().getClassLoader())) {
        Method demo = cl.loadClass("EventBusClientExample").getMethod("demo", Vertx.class,
            String.class, String.class, String.class);
        @SuppressWarnings("unchecked")
        List<String> lines = ((Future<List<String>>) demo.invoke(null, service,
            TestNodes.ADMIN, TestNodes.ADMIN_PASSWORD, null)).await();
        assertEquals("opened session on node node1", lines.get(0));
        assertTrue(lines.get(1).startsWith("SHOW enable_wdr_snapshot -> "), lines.get(1));
        assertEquals("SET lc_messages = 'zh_CN.UTF-8' -> [] SET", lines.get(2));
        assertTrue(lines.get(3).startsWith("SELECT * FROM no_such_table -> ERROR 42P01: "),
            lines.get(3));
        assertTrue(lines.get(3).contains("不存在"), "Chinese text: " + lines.get(3));
        assertEquals("closed session", lines.get(4));
      }
    } finally {
      if (service != null) {
        service.close().await();
      }
      node.close().await();
    }
  }
}
