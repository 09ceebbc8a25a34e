package io.snapsync.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.parse.Expr;
import io.snapsync.core.sql.parse.Lexer;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.IsolationLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {

  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    List<Lexer.Piece> p = Lexer.split("SELECT 'a;b'; SELECT \"x;y\" -- c;\n; /* ; */ SELECT 3;;");
    assertEquals(3, p.size());
    assertEquals("SELECT 'a;b'", p.get(0).text());
    assertEquals(0, p.get(0).offset());
    assertEquals(" SELECT \"x;y\" -- c;\n", p.get(1).text());
    assertEquals(" /* ; */ SELECT 3", p.get(2).text());
  }

  @Test
  void repeatedDmlTextIsParsedOnceAndErrorsAreNotKept() {
    String sql = "SELECT v FROM cached_t WHERE id = $1";
    Stmt first = SqlParser.parse(sql);
    assertSame(first, SqlParser.parse(sql), "the same text gives the cached statement");
    assertNotSame(first, SqlParser.parse(sql + " "), "another text is parsed on its own");
    String bad = "SELECT v FROM WHERE";
    for (int i = 0; i < 2; i++) {
      SnapsyncException e = assertThrows(SnapsyncException.class, () -> SqlParser.parse(bad));
      assertEquals("42601", e.sqlState());
    }
  }

  @Test
  void transactionStatements() {
    Stmt.Begin b = (Stmt.Begin) SqlParser.parse(
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY, NOT DEFERRABLE");
    assertEquals(new Stmt.TxnModes(IsolationLevel.SERIALIZABLE, true, false), b.modes());
    assertEquals(Stmt.TxnModes.NONE, ((Stmt.Begin) SqlParser.parse("begin work")).modes());
    assertEquals(new Stmt.TxnModes(IsolationLevel.REPEATABLE_READ, false, true),
        ((Stmt.Begin) SqlParser.parse("BEGIN ISOLATION LEVEL REPEATABLE READ READ WRITE "
            + "DEFERRABLE")).modes());
    assertInstanceOf(Stmt.Commit.class, SqlParser.parse("END TRANSACTION"));
    assertInstanceOf(Stmt.Rollback.class, SqlParser.parse("ABORT"));
    assertEquals(new Stmt.RollbackTo("a"), SqlParser.parse("ROLLBACK TRANSACTION TO SAVEPOINT a"));
    assertEquals(new Stmt.RollbackTo("a"), SqlParser.parse("rollback to A"));
    assertEquals(new Stmt.Release("b"), SqlParser.parse("RELEASE b"));
    assertEquals(new Stmt.Release("b"), SqlParser.parse("RELEASE SAVEPOINT b"));
    assertEquals(new Stmt.PrepareTransaction("g'1"),
        SqlParser.parse("PREPARE TRANSACTION 'g''1'"));
    assertEquals(new Stmt.CommitPrepared("g"), SqlParser.parse("COMMIT PREPARED 'g'"));
    assertEquals(new Stmt.RollbackPrepared("g"), SqlParser.parse("ROLLBACK PREPARED 'g'"));
    assertEquals(new Stmt.SetTransactionSnapshot("0000000000000001-1"),
        SqlParser.parse("SET TRANSACTION SNAPSHOT '0000000000000001-1'"));
    assertEquals(new Stmt.SetSessionCharacteristics(
        new Stmt.TxnModes(IsolationLevel.REPEATABLE_READ, null, null)),
        SqlParser.parse("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL "
            + "REPEATABLE READ"));
  }

  @Test
  void settingsStatements() {
    assertEquals(new Stmt.SetVar("lc_messages", "zh_CN", false),
        SqlParser.parse("SET lc_messages TO 'zh_CN'"));
    assertEquals(new Stmt.SetVar("statement_timeout", "5000", true),
        SqlParser.parse("SET LOCAL statement_timeout = 5000"));
    assertEquals(new Stmt.SetVar("datestyle", "ISO, MDY", false),
        SqlParser.parse("SET SESSION datestyle = ISO, MDY"));
    assertEquals(new Stmt.SetVar("x", null, false), SqlParser.parse("SET x TO DEFAULT"));
    assertEquals(new Stmt.Show("all"), SqlParser.parse("SHOW ALL"));
    assertEquals(new Stmt.Show("transaction_isolation"),
        SqlParser.parse("SHOW TRANSACTION ISOLATION LEVEL"));
    assertEquals(new Stmt.Reset(null), SqlParser.parse("RESET ALL"));
    assertEquals(new Stmt.AlterSystem("wdr_snapshot_interval", "30min"),
        SqlParser.parse("ALTER SYSTEM SET wdr_snapshot_interval = '30min'"));
    assertEquals(new Stmt.AlterSystem("wdr_snapshot_interval", null),
        SqlParser.parse("ALTER SYSTEM RESET wdr_snapshot_interval"));
  }

  @Test
  void tablesAndDml() {
    var c = (io.snapsync.core.sql.ddl.DdlStatement.CreateTable) ((Stmt.Ddl) SqlParser.parse(
        "CREATE TABLE t (a bigint, b text, c bool, d int4, PRIMARY KEY (a))")).statement();
    assertEquals(List.of("a"), c.key());
    assertEquals(List.of(DataType.INT8, DataType.TEXT, DataType.BOOL, DataType.INT4),
        c.columns().stream().map(io.snapsync.core.sql.ddl.DdlStatement.ColumnSpec::type)
            .toList());
    Stmt.Insert i = (Stmt.Insert) SqlParser.parse("INSERT INTO t (a, b) VALUES (-1, 'x'), "
        + "($1, NULL)");
    assertEquals(List.of(List.of(new Expr.Literal(-1L), new Expr.Literal("x")),
        java.util.Arrays.asList(new Expr.Param(1), new Expr.Literal(null))), i.rows());
    // queries go to the query engine, which parses them with its own grammar
    assertEquals(new Stmt.Query("SELECT a FROM t WHERE a >= 1 ORDER BY b DESC LIMIT 3"),
        SqlParser.parse("SELECT a FROM t WHERE a >= 1 ORDER BY b DESC LIMIT 3"));
    assertInstanceOf(Stmt.Query.class, SqlParser.parse("SELECT pg_export_snapshot()"));
    assertEquals(new Stmt.Modify("UPDATE t SET b = 'y' WHERE a = 1", "UPDATE"),
        SqlParser.parse("UPDATE t SET b = 'y' WHERE a = 1"));
    assertEquals(new Stmt.Modify("DELETE FROM t", "DELETE"), SqlParser.parse("DELETE FROM t"));
    assertEquals(new Stmt.Ddl(new io.snapsync.core.sql.ddl.DdlStatement.Drop(
        io.snapsync.core.sql.ddl.DdlStatement.Drop.Kind.TABLE, List.of("t"), true, false)),
        SqlParser.parse("DROP TABLE IF EXISTS t"));
  }

  @Test
  void syntaxErrorsNameTheTokenAndPosition() {
    SnapsyncException e = assertThrows(SnapsyncException.class,
        () -> SqlParser.parse("SELECT * FROM t WHERE a = = 1"));
    assertEquals("42601", e.sqlState());
    assertEquals("syntax error at or near \"=\"", e.getMessage());
    assertEquals(27, e.position()); // PostgreSQL's position
    e = assertThrows(SnapsyncException.class, () -> SqlParser.parse("BEGIN ISOLATION LEVEL FOO"));
    assertEquals("syntax error at or near \"FOO\"", e.getMessage());
    assertEquals(23, e.position());
    e = assertThrows(SnapsyncException.class, () -> SqlParser.parse("SET x ="));
    assertEquals("syntax error at end of input", e.getMessage());
    e = assertThrows(SnapsyncException.class, () -> SqlParser.parse("SELECT 'open"));
    assertEquals("42601", e.sqlState());
    e = assertThrows(SnapsyncException.class, () -> SqlParser.parse("FROBNICATE"));
    assertEquals("syntax error at or near \"FROBNICATE\"", e.getMessage());
  }
}
