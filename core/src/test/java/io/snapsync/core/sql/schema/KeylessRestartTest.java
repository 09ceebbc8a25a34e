package io.snapsync.core.sql.schema;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden row ids stay unique when the store is closed and opened again. */
class KeylessRestartTest {

  @TempDir
  Path dir;

  @Test
  void rowsInsertedAfterAReopenNeverReplaceEarlierOnes() {
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      exec(s, "CREATE TABLE kl (f1 int)");
      exec(s, "INSERT INTO kl VALUES (1), (2), (3)");
      await(s.close());
    }
    try (EngineFixture e = EngineFixture.start(dir)) {
      Session s = e.session();
      assertEquals(3L, value(s, "SELECT count(*) FROM kl"));
      exec(s, "INSERT INTO kl VALUES (4), (5), (6)");
      assertEquals(6L, value(s, "SELECT count(*) FROM kl"));
      assertEquals("DELETE 1", exec(s, "DELETE FROM kl WHERE f1 = 1").commandTag());
      assertEquals("UPDATE 1", exec(s, "UPDATE kl SET f1 = 40 WHERE f1 = 4").commandTag());
      assertEquals(List.of(List.of(2), List.of(3), List.of(5), List.of(6), List.of(40)),
          exec(s, "SELECT * FROM kl ORDER BY f1").rows());
      await(s.close());
    }
  }
}
