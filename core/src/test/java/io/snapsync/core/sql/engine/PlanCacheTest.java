package io.snapsync.core.sql.engine;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Session;
import io.snapsync.core.sql.EngineFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanCacheTest extends EngineTestBase {

  @Test
  void ddlInvalidatesTheCachedPlan() {
    exec(s, "CREATE TABLE pc (id int PRIMARY KEY, a text)");
    assertEquals(List.of("id", "a"), names(exec(s, "SELECT * FROM pc").columns()));
    exec(s, "DROP TABLE pc");
    exec(s, "CREATE TABLE pc (id int PRIMARY KEY, b bigint, c boolean)");
    assertEquals(List.of("id", "b", "c"), names(exec(s, "SELECT * FROM pc").columns()));
  }

  @Test
  void uncommittedTableOfAnotherTransactionStaysInvisible() {
    Session other = fx.session();
    exec(other, "BEGIN");
    exec(other, "CREATE TABLE pc_tx (id int PRIMARY KEY)");
    assertEquals(List.of(), exec(other, "SELECT * FROM pc_tx").rows());
    EngineFixture.fails(s, "SELECT * FROM pc_tx", "42P01");
    exec(other, "COMMIT");
    assertEquals(List.of(), exec(s, "SELECT * FROM pc_tx").rows());
  }

  @Test
  void describeAnswersFromTheAnalyzedQuery() {
    assertEquals(List.of(new Column("id", DataType.INT4), new Column("total", DataType.INT8)),
        await(s.describe("SELECT id, sum(n) AS total FROM t WHERE id > $1 GROUP BY id")));
    assertEquals(List.of(DataType.INT4), fx.db.executor().queries().parameterTypes(
        "SELECT name FROM t WHERE id = $1", (io.snapsync.core.sql.exec.SessionContext) s));
  }

  private static List<String> names(List<Column> cols) {
    return cols.stream().map(Column::name).toList();
  }
}
