package io.snapsync.plugins.pgwire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.plugins.pgwire.api.PgWireOptions;
import io.snapsync.plugins.pgwire.support.PgTools;
import io.snapsync.plugins.pgwire.support.Psql;
import io.snapsync.plugins.pgwire.support.RealPostgres;
import io.snapsync.plugins.pgwire.support.SnapsyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The query engine side by side with PostgreSQL 15: the same tables, then a corpus of queries
 * (joins, aggregates, sub-queries, set operations, windows, expressions, errors) through real
 * {@code psql} against snapsync and PostgreSQL; the outputs must match line for line (minus
 * PostgreSQL's LOCATION lines, which name its C sources).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryCorpusTest {

  private static final List<String> SETUP = List.of(
      "CREATE TABLE t (id int PRIMARY KEY, n int, name text);",
      "INSERT INTO t VALUES (1, 10, 'a'), (2, 20, 'b'), (3, NULL, 'c'), (4, 40, NULL);",
      "CREATE TABLE u (id int PRIMARY KEY, t_id int, v text);",
      "INSERT INTO u VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z'), (4, 9, 'w');");

  private static final List<String> CORPUS = List.of(
      "SELECT 1 + 1;",
      "SELECT 1 AS a, 'x' AS b;",
      "SELECT id, n * 2 FROM t WHERE n < 30 ORDER BY id;",
      "SELECT id FROM t WHERE id IN (1, 2) ORDER BY id;",
      "SELECT id FROM t WHERE id BETWEEN 2 AND 3 ORDER BY id;",
      "SELECT count(*), sum(n), min(n), max(n) FROM t;",
      "SELECT count(*) FROM t WHERE id > 100;",
      "SELECT t_id, count(*) FROM u GROUP BY t_id ORDER BY t_id;",
      "SELECT t_id, count(*) FROM u GROUP BY 1 HAVING count(*) > 1;",
      "SELECT count(DISTINCT t_id) FROM u;",
      "SELECT DISTINCT t_id FROM u ORDER BY 1;",
      "SELECT t.id, u.v FROM t JOIN u ON u.t_id = t.id ORDER BY u.id;",
      "SELECT t.id, u.v FROM t LEFT JOIN u ON u.t_id = t.id ORDER BY t.id, u.v;",
      "SELECT t.id, u.v FROM t RIGHT JOIN u ON u.t_id = t.id ORDER BY u.id;",
      "SELECT count(*) FROM t, u;",
      "SELECT id FROM t WHERE id IN (SELECT t_id FROM u) ORDER BY id;",
      "SELECT id FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.t_id = t.id) ORDER BY id;",
      "SELECT id, (SELECT count(*) FROM u WHERE u.t_id = t.id) AS c FROM t ORDER BY id;",
      "SELECT count(*) FROM (SELECT t_id FROM u WHERE t_id = 1) x;",
      "WITH one AS (SELECT id, name FROM t WHERE id = 1) SELECT * FROM one;",
      "SELECT t_id FROM u UNION SELECT id FROM t ORDER BY 1;",
      "SELECT id FROM t INTERSECT SELECT t_id FROM u ORDER BY 1;",
      "SELECT id FROM t EXCEPT SELECT t_id FROM u ORDER BY 1;",
      "VALUES (1, 'a'), (2, 'b') ORDER BY 1 DESC;",
      "SELECT id FROM t ORDER BY id LIMIT 2 OFFSET 1;",
      "SELECT id, n FROM t ORDER BY n;",
      "SELECT id, n FROM t ORDER BY n DESC;",
      "SELECT id, n FROM t ORDER BY n NULLS FIRST;",
      "SELECT id, row_number() OVER (ORDER BY t_id, id), rank() OVER (ORDER BY t_id) FROM u"
          + " ORDER BY id;",
      "SELECT id, lag(v) OVER (PARTITION BY t_id ORDER BY id) FROM u ORDER BY id;",
      "SELECT id, sum(n) OVER (ORDER BY id) FROM t ORDER BY id;",
      "SELECT CASE WHEN n = 10 THEN 'ten' WHEN n IS NULL THEN 'none' ELSE 'other' END"
          + " FROM t ORDER BY id;",
      "SELECT coalesce(n, 0) FROM t ORDER BY id;",
      "SELECT id FROM t WHERE name LIKE 'a%';",
      "SELECT id FROM t WHERE n IS NULL;",
      "SELECT upper(name), length(name) FROM t ORDER BY id;",
      "SELECT * FROM nope;",
      "SELECT qqqqqqqq FROM t;",
      "SELECT id FROM t, u;",
      "SELECT 1 / 0;",
      "SELECT (SELECT id FROM t);");

  private Path dir;
  private SnapsyncFixture snapsync;
  private RealPostgres postgres;

  @BeforeAll
  void start() throws Exception {
    PgTools.psql();
    PgTools.serverBin("initdb");
    dir = Files.createTempDirectory("pgwire-corpus");
    snapsync = SnapsyncFixture.start(dir.resolve("node"), PgWireOptions.SCRAM);
    postgres = RealPostgres.start(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
    if (snapsync != null) {
      snapsync.close();
    }
  }

  @Test
  void corpusMatchesPostgres() throws Exception {
    List<String> ours = run(new Psql(snapsync.port(), SnapsyncFixture.ADMIN,
        SnapsyncFixture.ADMIN_PASSWORD, "snapsync", Map.of()));
    List<String> theirs = run(new Psql(postgres.port(), RealPostgres.USER, "",
        RealPostgres.DATABASE, Map.of()));
    assertEquals(String.join("\n", theirs), String.join("\n", ours));
  }

  private static List<String> run(Psql psql) throws Exception {
    try (psql) {
      for (String sql : SETUP) {
        psql.run(sql);
      }
      List<String> out = new ArrayList<>();
      for (String sql : CORPUS) {
        out.add("> " + sql);
        for (String line : psql.run(sql)) {
          if (!line.startsWith("LOCATION:")) {
            out.add(line);
          }
        }
      }
      return out;
    }
  }
}
