package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryCancelTest extends EngineTestBase {

  @Test
  void statementTimeoutStopsALongJoinBetweenRows() {
    exec(s, "CREATE TABLE big (id int PRIMARY KEY, k int)");
    exec(s, "INSERT INTO big VALUES " + IntStream.range(0, 3000)
        .mapToObj(i -> "(" + i + ", " + (i % 7) + ")").collect(Collectors.joining(", ")));
    exec(s, "SET statement_timeout = 200");
    var e = EngineFixture.fails(s, "SELECT count(*) FROM big a, big b, big c WHERE a.k + b.k"
        + " + c.k = -1", "57014");
    assertEquals("canceling statement due to statement timeout", EngineFixture.text(e));
    exec(s, "SET statement_timeout = 0");
    assertEquals(List.of(row(3000L)), rows("SELECT count(*) FROM big"));
  }
}
