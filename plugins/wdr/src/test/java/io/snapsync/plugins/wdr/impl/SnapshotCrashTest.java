package io.snapsync.plugins.wdr.impl;

import io.snapsync.plugins.wdr.repository.WdrRepository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.plugins.wdr.api.Outcome;
import io.snapsync.plugins.wdr.api.RequestOutcome;
import io.snapsync.plugins.wdr.api.SnapshotInfo;
import io.snapsync.storage.Store;
import io.snapsync.storage.StoreOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing snapshots is killed (destroyForcibly) while writing; after reopening,
 * every snapshot listed is whole (every node's data, complete payloads) and has its request
 * outcome row (written in the same batch), no outcome points at a missing snapshot, and the
 * next id is greater than every stored one.
 */
class SnapshotCrashTest {

  @TempDir
  Path dir;

  @Test
  void crashWhileWritingLeavesNoPartialSnapshot() throws Exception {
    Path db = dir.resolve("db");
    for (int round = 0; round < 2; round++) {
      String cp = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-cp", cp, "-Xmx256m", CrashWriter.class.getName(), db.toString())
          .redirectErrorStream(true).start();
      int seen = 0;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("wrote ") && ++seen == 4) {
            p.destroyForcibly();
            break;
          }
        }
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(4, seen, "child wrote snapshots before it was killed");
    }
    try (Store store = Store.open(StoreOptions.defaults(db)
        .withKvSpaces(List.of(WdrRepository.SPACE)))) {
      WdrRepository repo = new WdrRepository(store);
      List<SnapshotInfo> all = repo.list();
      assertTrue(all.size() >= 8, "snapshots kept: " + all.size());
      long expected = 1;
      for (SnapshotInfo s : all) {
        assertEquals(expected++, s.snapshotId());
        Map<String, JsonObject> data = repo.data(s.snapshotId());
        assertEquals(List.of("cn1", "cn2", "dn1"), List.copyOf(data.keySet()));
        for (JsonObject d : data.values()) {
          assertEquals(d.getInteger("count"), d.getJsonObject("categories")
              .getJsonObject("statements").getJsonArray("items").size());
        }
      }
      // Every snapshot has exactly its outcome row, and no outcome row lacks its snapshot.
      List<RequestOutcome> outcomes = repo.requests();
      assertEquals(all.stream().map(SnapshotInfo::snapshotId).toList(),
          outcomes.stream().map(RequestOutcome::snapshotId).sorted().toList());
      outcomes.forEach(o -> assertEquals(Outcome.TAKEN, o.outcome()));
      // No orphan data of a snapshot without header, and the next id follows the last.
      assertTrue(repo.data(all.size() + 1).isEmpty());
      long next = repo.write(0, 1, "manual", Map.of("cn1", new JsonObject()), new JsonObject())
          .snapshotId();
      assertTrue(next > all.get(all.size() - 1).snapshotId());
    }
  }
}
