package io.snapsync.core.sql.ddl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE ... ADD PRIMARY KEY | UNIQUE on a table that has rows (pgbench -i's last step):
 * a unique index named as PostgreSQL names the constraint, enforced from then on.
 */
class AddConstraintTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  Session s;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @BeforeEach
  void open() {
    s = e.session();
  }

  @AfterEach
  void close() {
    await(s.close());
  }

  @Test
  void addedPrimaryKeyEnforcesUniquenessWithItsDefaultName() {
    exec(s, "CREATE TABLE pgb_branches (bid int NOT NULL, bbalance int, filler char(88))");
    exec(s, "INSERT INTO pgb_branches (bid, bbalance) VALUES (1, 0), (2, 0)");
    exec(s, "ALTER TABLE pgb_branches ADD PRIMARY KEY (bid)");
    SnapsyncException dup = fails(s, "INSERT INTO pgb_branches (bid) VALUES (1)", "23505");
    assertTrue(dup.getMessage().contains("pgb_branches_pkey"), dup.getMessage());
    fails(s, "ALTER TABLE pgb_branches ADD PRIMARY KEY (bbalance)", "42P16");
    assertEquals(List.of(List.of(2L)), exec(s, "SELECT count(*) FROM pgb_branches").rows());
  }

  @Test
  void addingAPrimaryKeyOverDuplicatesOrNullsFails() {
    exec(s, "CREATE TABLE dupk (a int); INSERT INTO dupk VALUES (1), (1)");
    fails(s, "ALTER TABLE dupk ADD PRIMARY KEY (a)", "23505");
    exec(s, "CREATE TABLE nullk (a int); INSERT INTO nullk VALUES (NULL)");
    fails(s, "ALTER TABLE nullk ADD PRIMARY KEY (a)", "23502");
  }

  @Test
  void uniqueColumnsOfCreateTableAreEnforced() {
    exec(s, "CREATE TABLE cu (id int PRIMARY KEY, email text UNIQUE, a int, b int, UNIQUE (a, b))");
    exec(s, "INSERT INTO cu VALUES (1, 'x@y', 1, 1), (2, NULL, 1, 2), (3, NULL, NULL, NULL)");
    SnapsyncException dup = fails(s, "INSERT INTO cu VALUES (4, 'x@y', 9, 9)", "23505");
    assertTrue(dup.getMessage().contains("cu_email_key"), dup.getMessage());
    SnapsyncException pair = fails(s, "INSERT INTO cu VALUES (5, 'z', 1, 2)", "23505");
    assertTrue(pair.getMessage().contains("cu_a_b_key"), pair.getMessage());
    exec(s, "INSERT INTO cu VALUES (6, NULL, NULL, NULL)"); // NULLs are distinct
  }

  @Test
  void namedUniqueConstraintCanBeDroppedAgain() {
    exec(s, "CREATE TABLE uq (a int, b int); INSERT INTO uq VALUES (1, 1)");
    exec(s, "ALTER TABLE uq ADD CONSTRAINT uq_ab UNIQUE (a, b)");
    fails(s, "INSERT INTO uq VALUES (1, 1)", "23505");
    exec(s, "ALTER TABLE uq DROP CONSTRAINT uq_ab");
    exec(s, "INSERT INTO uq VALUES (1, 1)");
    assertEquals(List.of(List.of(2L)), exec(s, "SELECT count(*) FROM uq").rows());
  }
}
