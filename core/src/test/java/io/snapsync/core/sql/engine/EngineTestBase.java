package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real database with two small tables for the engine's feature tests:
 * {@code t(id int primary key, n int, name text)} and {@code u(id int primary key, t_id int,
 * v text)}.
 */
abstract class EngineTestBase {

  @TempDir
  static Path dir;
  static EngineFixture fx;
  static Session s;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(dir);
    s = fx.session();
    exec(s, "CREATE TABLE t (id int PRIMARY KEY, n int, name text)");
    exec(s, "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, NULL, 'c'), (4, 40, NULL)");
    exec(s, "CREATE TABLE u (id int PRIMARY KEY, t_id int, v text)");
    exec(s, "INSERT INTO u VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z'), (4, 9, 'w')");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  static List<List<Object>> rows(String sql) {
    return exec(s, sql).rows();
  }

  /** A row of values (nulls allowed). */
  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static SnapsyncException fails(String sql, String state) {
    return EngineFixture.fails(s, sql, state);
  }
}
