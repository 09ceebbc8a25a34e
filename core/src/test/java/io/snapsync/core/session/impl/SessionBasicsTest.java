package io.snapsync.core.session.impl;

import static io.snapsync.core.sql.EngineFixture.await;
import static io.snapsync.core.sql.EngineFixture.exec;
import static io.snapsync.core.sql.EngineFixture.fails;
import static io.snapsync.core.sql.EngineFixture.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.Session;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.session.TransactionStatus;
import io.snapsync.core.sql.EngineFixture;
import io.snapsync.core.testing.TestServices;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBasicsTest {

  @TempDir
  static Path dir;
  static EngineFixture e;

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @Test
  void wrongPasswordFails28P01() {
    SnapsyncException x = (SnapsyncException) org.junit.jupiter.api.Assertions.assertThrows(
        SnapsyncException.class, () -> await(e.sessions.open(TestServices.USER, "nope",
            new JsonObject())));
    assertEquals("28P01", x.sqlState());
  }

  @Test
  void otherDatabaseFails3D000() {
    SnapsyncException x = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> await(e.sessions.open(TestServices.USER, TestServices.USER_PASSWORD,
            new JsonObject().put("database", "x"))));
    assertEquals("3D000", x.sqlState());
    assertEquals("database \"x\" does not exist", x.getMessage());
  }

  @Test
  void lcMessagesOptionIsApplied() {
    Session s = await(e.sessions.open(TestServices.USER, TestServices.USER_PASSWORD,
        new JsonObject().put("lc_messages", "zh_CN.UTF-8")));
    assertEquals("zh_CN.UTF-8", value(s, "SHOW lc_messages"));
    await(s.close());
  }

  @Test
  void selectConstantsAndFunctions() {
    Session s = e.session();
    StatementResult r = exec(s, "SELECT 1");
    assertEquals("?column?", r.columns().get(0).name());
    assertEquals(1, r.rows().get(0).get(0));
    assertEquals("SELECT 1", r.commandTag());
    assertEquals("a", value(s, "SELECT 'a'"));
    r = exec(s, "SELECT version()");
    assertEquals("version", r.columns().get(0).name());
    assertTrue(((String) r.rows().get(0).get(0)).startsWith("PostgreSQL 15"));
    assertEquals("read committed", value(s, "SELECT current_setting('default_transaction_isolation')"));
    assertEquals(null, value(s, "SELECT current_setting('nosuch', true)"));
    fails(s, "SELECT current_setting('nosuch')", "42704");
    assertEquals("alice", value(s, "SELECT current_user"));
    assertEquals("snapsync", value(s, "SELECT current_database()"));
    assertTrue(value(s, "SELECT now()") instanceof java.time.OffsetDateTime);
    await(s.close());
  }

  @Test
  void unknownFunctionFails42883WithHint() {
    Session s = e.session();
    SnapsyncException x = fails(s, "SELECT nosuch(1, 'a')", "42883");
    assertEquals("function nosuch(integer, unknown) does not exist", x.getMessage());
    assertEquals("No function matches the given name and argument types. You might need to add "
        + "explicit type casts.", e.render(x.hint()));
    await(s.close());
  }

  @Test
  void syntaxErrorHasTokenAndPosition() {
    Session s = e.session();
    SnapsyncException x = fails(s, "SELEC 1", "42601");
    assertEquals("syntax error at or near \"SELEC\"", x.getMessage());
    assertEquals(1, x.position());
    x = fails(s, "SELECT 1; SELECT * FROM t WHERE WHERE", "42601");
    assertEquals(1, x.completedResults().size());
    assertTrue(x.position() > 10, "position in the whole string: " + x.position());
    await(s.close());
  }

  @Test
  void showSetReset() {
    Session s = e.session();
    assertEquals("off", value(s, "SHOW default_transaction_read_only"));
    StatementResult r = exec(s, "SET default_transaction_read_only = on");
    assertEquals("SET", r.commandTag());
    assertEquals("on", value(s, "SHOW default_transaction_read_only"));
    exec(s, "SET default_transaction_read_only TO DEFAULT");
    assertEquals("off", value(s, "SHOW default_transaction_read_only"));
    exec(s, "SET lc_messages TO 'zh_CN.UTF-8'");
    assertEquals("zh_CN.UTF-8", s.lcMessages());
    assertEquals("RESET", exec(s, "RESET lc_messages").commandTag());
    assertEquals("en_US.UTF-8", value(s, "SHOW lc_messages"));
    r = exec(s, "SHOW ALL");
    assertEquals(List.of("name", "setting", "description"),
        r.columns().stream().map(c -> c.name()).toList());
    assertTrue(r.rows().size() > 5);
    exec(s, "SET application_name = 'x'; RESET ALL");
    assertEquals("", value(s, "SHOW application_name"));
    fails(s, "SHOW nosuch", "42704");
    await(s.close());
  }

  @Test
  void transactionControlTagsAndWarnings() {
    Session s = e.session();
    StatementResult r = exec(s, "COMMIT");
    assertEquals("COMMIT", r.commandTag());
    assertEquals(Severity.WARNING, r.notices().get(0).severity());
    assertEquals("25P01", r.notices().get(0).sqlState());
    assertEquals("there is no transaction in progress", e.render(r.notices().get(0).message()));
    assertEquals("ROLLBACK", exec(s, "ROLLBACK").commandTag());
    assertEquals("BEGIN", exec(s, "BEGIN").commandTag());
    assertEquals(TransactionStatus.IN_BLOCK, s.transactionStatus());
    r = exec(s, "BEGIN");
    assertEquals("25001", r.notices().get(0).sqlState());
    assertEquals("there is already a transaction in progress",
        e.render(r.notices().get(0).message()));
    assertEquals("COMMIT", exec(s, "END").commandTag());
    assertEquals(TransactionStatus.IDLE, s.transactionStatus());
    exec(s, "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    assertEquals("repeatable read", value(s, "SHOW transaction_isolation"));
    assertEquals("on", value(s, "SHOW transaction_read_only"));
    assertEquals("ROLLBACK", exec(s, "ABORT").commandTag());
    assertEquals("read committed", value(s, "SHOW transaction_isolation"));
    exec(s, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
    exec(s, "BEGIN");
    assertEquals("serializable", value(s, "SHOW transaction_isolation"));
    exec(s, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    assertEquals("repeatable read", value(s, "SHOW transaction_isolation"));
    exec(s, "COMMIT");
    r = exec(s, "SET TRANSACTION READ ONLY");
    assertEquals("SET TRANSACTION can only be used in transaction blocks",
        e.render(r.notices().get(0).message()));
    await(s.close());
  }

  @Test
  void failedBlockIgnoresCommandsUntilRollback() {
    Session s = e.session();
    exec(s, "BEGIN");
    fails(s, "SELECT nosuch()", "42883");
    assertEquals(TransactionStatus.FAILED, s.transactionStatus());
    SnapsyncException x = fails(s, "SELECT 1", "25P02");
    assertEquals("current transaction is aborted, commands ignored until end of transaction "
        + "block", x.getMessage());
    assertEquals("ROLLBACK", exec(s, "COMMIT").commandTag());
    assertEquals(TransactionStatus.IDLE, s.transactionStatus());
    assertEquals(1, value(s, "SELECT 1"));
    await(s.close());
  }

  @Test
  void statementsOfOneSessionRunInOrder() {
    Session s = e.session();
    List<io.vertx.core.Future<List<StatementResult>>> all = new java.util.ArrayList<>();
    all.add(s.execute("BEGIN"));
    all.add(s.execute("SET LOCAL lc_messages = 'zh_CN'"));
    all.add(s.execute("SHOW lc_messages"));
    all.add(s.execute("COMMIT"));
    all.add(s.execute("SHOW lc_messages"));
    assertEquals("zh_CN", await(all.get(2)).get(0).rows().get(0).get(0));
    assertEquals("en_US.UTF-8", await(all.get(4)).get(0).rows().get(0).get(0));
    // SET LOCAL in a multi-statement string lasts until the string's implicit block ends
    List<StatementResult> r = await(s.execute("SET LOCAL lc_messages = 'zh_CN'; "
        + "SHOW lc_messages"));
    assertEquals("zh_CN", r.get(1).rows().get(0).get(0));
    assertEquals("en_US.UTF-8", value(s, "SHOW lc_messages"));
    await(s.close());
  }

  @Test
  void setInsideABlockIsUndoneByRollbackAndKeptByCommit() {
    Session s = e.session();
    exec(s, "BEGIN");
    exec(s, "SET lc_messages = 'zh_CN'");
    exec(s, "SET LOCAL application_name = 'inside'");
    assertEquals("zh_CN", value(s, "SHOW lc_messages"));
    exec(s, "ROLLBACK");
    assertEquals("en_US.UTF-8", value(s, "SHOW lc_messages"));
    assertEquals("", value(s, "SHOW application_name"));

    exec(s, "BEGIN");
    exec(s, "SET lc_messages = 'zh_CN'");
    fails(s, "SELECT * FROM no_such_table", "42P01");
    assertEquals("ROLLBACK", exec(s, "COMMIT").commandTag());
    assertEquals("en_US.UTF-8", value(s, "SHOW lc_messages"), "a failed block rolls back SET");

    exec(s, "BEGIN");
    exec(s, "SET lc_messages = 'zh_CN'");
    exec(s, "COMMIT");
    assertEquals("zh_CN", value(s, "SHOW lc_messages"));
    await(s.close());
  }

  @Test
  void alterSystemNeedsSysadmin() {
    Session s = e.session();
    SnapsyncException x = fails(s, "ALTER SYSTEM SET snapshot_log_retention_days = 3", "42501");
    assertEquals("must be superuser to execute ALTER SYSTEM command", x.getMessage());
    Session a = e.session(TestServices.ADMIN, TestServices.ADMIN_PASSWORD);
    assertEquals("ALTER SYSTEM", exec(a, "ALTER SYSTEM SET snapshot_log_retention_days = 3")
        .commandTag());
    assertEquals("3d", value(a, "SHOW snapshot_log_retention_days"));
    exec(a, "ALTER SYSTEM RESET snapshot_log_retention_days");
    await(s.close());
    await(a.close());
  }

  @Test
  void parameters() {
    Session s = e.session();
    StatementResult r = await(s.execute("SELECT current_setting($1)", List.of("lc_messages")));
    assertEquals("en_US.UTF-8", r.rows().get(0).get(0));
    await(s.close());
  }

  @Test
  void pgStatActivityListsSessions() {
    Session s = e.session();
    Session t = e.session();
    exec(t, "SET application_name = 'dumper'; BEGIN");
    StatementResult r = exec(s, "SELECT usename, application_name, state FROM pg_stat_activity "
        + "WHERE session_id = '" + t.id() + "'");
    assertEquals(List.of(List.of("alice", "dumper", "idle in transaction")), r.rows());
    assertEquals("active", exec(s, "SELECT state FROM pg_stat_activity WHERE session_id = '"
        + s.id() + "'").rows().get(0).get(0));
    await(s.close());
    await(t.close());
  }

  @Test
  void describeGivesColumnsWithoutRunningOrStartingAQuery() {
    Session s = e.session();
    Session x = e.session();
    exec(s, "CREATE TABLE IF NOT EXISTS d (id bigint PRIMARY KEY, v text)");
    exec(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    String id = (String) value(x, "SELECT pg_export_snapshot()");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(List.of(new io.snapsync.core.session.Column("id", io.snapsync.core.session
        .DataType.INT8), new io.snapsync.core.session.Column("v", io.snapsync.core.session
        .DataType.TEXT)), await(s.describe("SELECT * FROM d WHERE id = $1")));
    assertEquals("pg_export_snapshot",
        await(s.describe("SELECT pg_export_snapshot()")).get(0).name());
    assertEquals(io.snapsync.core.session.DataType.INT8,
        await(s.describe("SELECT count(*) FROM d")).get(0).type());
    assertEquals(List.of(), await(s.describe("INSERT INTO d VALUES ($1, $2)")));
    assertEquals("lc_messages", await(s.describe("SHOW lc_messages")).get(0).name());
    // nothing ran: the import is still the first statement of the transaction
    exec(s, "SET TRANSACTION SNAPSHOT '" + id + "'");
    exec(s, "COMMIT");
    exec(x, "COMMIT");
    SnapsyncException ex = org.junit.jupiter.api.Assertions.assertThrows(SnapsyncException.class,
        () -> await(s.describe("SELECT * FROM nosuch")));
    assertEquals("42P01", ex.sqlState());
    await(s.close());
    await(x.close());
  }
}
