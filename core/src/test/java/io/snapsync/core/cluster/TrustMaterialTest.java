package io.snapsync.core.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.config.ConfigException;
import io.snapsync.core.node.Node;
import io.snapsync.core.testing.TestNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-start generation of the cluster's key material. */
class TrustMaterialTest {

  @Test
  void generatedFilesAreOwnerOnlyAndConcurrentStartersShareOneSet(@TempDir Path dir)
      throws Exception {
    Path trust = dir.resolve("trust");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<TrustMaterial>> all = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Callable<TrustMaterial> start = () -> TrustMaterial.member(trust, "c",
            List.of("127.0.0.1"), true);
        all.add(pool.submit(start));
      }
      byte[] first = all.get(0).get().secret().orElseThrow();
      for (Future<TrustMaterial> f : all) {
        assertArrayEquals(first, f.get().secret().orElseThrow());
      }
    } finally {
      pool.shutdownNow();
    }
    try (var files = Files.list(trust)) {
      List<Path> list = files.toList();
      assertEquals(7, list.size(), list.toString());
      for (Path f : list) {
        assertEquals("rw-------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(f)), f.toString());
      }
    }
    try (var siblings = Files.list(dir)) {
      assertEquals(List.of(trust), siblings.toList(), "no temporary directory left");
    }
    assertTrue(TrustMaterial.service(trust).secret().isEmpty(), "a service holds no secret");
  }

  @Test
  void coordinatorWithoutMaterialStopsNamingTheFile(@TempDir Path dir) {
    var config = TestNodes.clusterConfig(dir, "cn1", "coordinator", TestNodes.clusterName(),
        TestNodes.freePort(), List.of()).with(new io.vertx.core.json.JsonObject()
            .put("cluster", new io.vertx.core.json.JsonObject().put("trust",
                new io.vertx.core.json.JsonObject().put("directory",
                    dir.resolve("none").toString()))));
    ConfigException e = assertThrows(ConfigException.class, () -> Node.start(config).await());
    assertEquals("cluster.trust", e.key());
    assertTrue(e.getMessage().contains("ca.pem"), e.getMessage());
  }
}
