package io.snapsync.core.txn;

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
import io.snapsync.storage.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_export_snapshot() rules and the nine checks of SET TRANSACTION SNAPSHOT, in order. */
class SnapshotImportChecksTest {

  @TempDir
  static Path dir;
  static EngineFixture e;
  final List<Session> opened = new ArrayList<>();

  @BeforeAll
  static void start() {
    e = EngineFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  @AfterEach
  void closeSessions() {
    opened.forEach(s -> await(s.close()));
    e.db.snapshots().beforeInstall = () -> { };
  }

  Session session() {
    Session s = e.session();
    opened.add(s);
    return s;
  }

  /** A session in a REPEATABLE READ block that exported a snapshot; returns its id. */
  String export(Session s, String begin) {
    exec(s, begin);
    return (String) value(s, "SELECT pg_export_snapshot()");
  }

  @Test
  void exportIdsHaveTheTxidAndACounter() {
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    StatementResult r = exec(s, "SELECT pg_export_snapshot()");
    assertEquals("pg_export_snapshot", r.columns().get(0).name());
    String a = (String) r.rows().get(0).get(0);
    String b = (String) value(s, "SELECT pg_export_snapshot()");
    long txid = (Long) value(s, "SELECT txid_current()");
    assertEquals(String.format("%016X-1", txid), a);
    assertEquals(String.format("%016X-2", txid), b);
    assertTrue(a.matches("[0-9A-F]{16}-1"));
    exec(s, "COMMIT");
  }

  @Test
  void exportWorksAtEveryIsolationAndReadOnly() {
    Session s = session();
    for (String begin : List.of("BEGIN", "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY",
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) {
      exec(s, begin);
      assertTrue(((String) value(s, "SELECT pg_export_snapshot()")).endsWith("-1"));
      exec(s, "COMMIT");
    }
  }

  @Test
  void exportOutsideABlockDiesAtOnce() {
    Session s = session();
    String id = (String) value(s, "SELECT pg_export_snapshot()");
    Session i = session();
    exec(i, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    SnapsyncException x = fails(i, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
    assertEquals("snapshot \"" + id + "\" does not exist", x.getMessage());
    assertEquals(0, e.db.snapshots().size());
  }

  @Test
  void exportInSubtransactionFails25001() {
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SAVEPOINT a");
    SnapsyncException x = fails(s, "SELECT pg_export_snapshot()", "25001");
    assertEquals("cannot export a snapshot from a subtransaction", x.getMessage());
    exec(s, "ROLLBACK TO a; RELEASE a");
    assertTrue(((String) value(s, "SELECT pg_export_snapshot()")).endsWith("-1"));
    exec(s, "COMMIT");
  }

  @Test
  void prepareAfterExportFails0A000AndRollsBack() {
    Session s = session();
    exec(s, "CREATE TABLE IF NOT EXISTS prep (id int PRIMARY KEY)");
    exec(s, "BEGIN");
    exec(s, "INSERT INTO prep VALUES (1)");
    value(s, "SELECT pg_export_snapshot()");
    SnapsyncException x = fails(s, "PREPARE TRANSACTION 'g1'", "0A000");
    assertEquals("cannot PREPARE a transaction that has exported snapshots", x.getMessage());
    assertEquals(TransactionStatus.IDLE, s.transactionStatus());
    assertEquals(0L, value(s, "SELECT count(*) FROM prep"));
    assertEquals(0L, value(s, "SELECT count(*) FROM pg_prepared_xacts"));
    assertEquals(0, e.db.snapshots().size());
  }

  @Test
  void check1OutsideABlockIsAWarningWithoutEffect() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    Session s = session();
    // as in PostgreSQL: the warning, then the implicit READ COMMITTED transaction's check 3
    SnapsyncException rc = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
    assertEquals("25P01", rc.notices().get(0).sqlState());
    exec(s, "SET default_transaction_isolation = 'repeatable read'");
    StatementResult r = exec(s, "SET TRANSACTION SNAPSHOT '" + id + "'");
    assertEquals("SET", r.commandTag());
    assertEquals(Severity.WARNING, r.notices().get(0).severity());
    assertEquals("25P01", r.notices().get(0).sqlState());
    assertEquals("SET TRANSACTION can only be used in transaction blocks",
        e.render(r.notices().get(0).message()));
    assertEquals(TransactionStatus.IDLE, s.transactionStatus());
    // the implicit transaction still checks the id
    SnapsyncException bad = fails(s, "SET TRANSACTION SNAPSHOT 'bad'", "22023");
    assertEquals("25P01", bad.notices().get(0).sqlState());
  }

  @Test
  void check2AfterAQuerySecondImportOrSubtransaction() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    value(s, "SELECT 1");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "25001");
    assertEquals("SET TRANSACTION SNAPSHOT must be called before any query", ex.getMessage());
    exec(s, "ROLLBACK");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(s, "SET TRANSACTION SNAPSHOT '" + id + "'");
    fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "25001");
    exec(s, "ROLLBACK");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ; SAVEPOINT a");
    fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "25001");
    exec(s, "ROLLBACK");
    // check 2 comes before check 3: a READ COMMITTED importer after a query gets 25001
    exec(s, "BEGIN");
    value(s, "SELECT 1");
    fails(s, "SET TRANSACTION SNAPSHOT 'bad id'", "25001");
    exec(s, "ROLLBACK");
  }

  @Test
  void check3ImporterMustBeRepeatableReadOrSerializable() {
    Session s = session();
    exec(s, "BEGIN");
    SnapsyncException x = fails(s, "SET TRANSACTION SNAPSHOT 'bad id'", "0A000");
    assertEquals("a snapshot-importing transaction must have isolation level SERIALIZABLE or "
        + "REPEATABLE READ", x.getMessage());
    exec(s, "ROLLBACK");
  }

  @Test
  void check4InvalidCharacters() {
    Session s = session();
    for (String bad : List.of("0000000000000001-1x", "abc", "00000000000000a1-1", "1 2")) {
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      SnapsyncException x = fails(s, "SET TRANSACTION SNAPSHOT '" + bad + "'", "22023");
      assertEquals("invalid snapshot identifier: \"" + bad + "\"", x.getMessage());
      exec(s, "ROLLBACK");
    }
  }

  @Test
  void check5UnknownOrEnded() {
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    fails(s, "SET TRANSACTION SNAPSHOT '00000000DEADBEEF-1'", "42704");
    exec(s, "ROLLBACK");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    fails(s, "SET TRANSACTION SNAPSHOT '12-34-'", "42704");
    exec(s, "ROLLBACK");
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(x, "COMMIT");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
    assertEquals("snapshot \"" + id + "\" does not exist", ex.getMessage());
    exec(s, "ROLLBACK");
  }

  @Test
  void check6SerializableImporterNeedsSerializableExport() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
    assertEquals("a serializable transaction cannot import a snapshot from a non-serializable "
        + "transaction", ex.getMessage());
    exec(s, "ROLLBACK");
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    exec(s, "SET TRANSACTION SNAPSHOT '" + id + "'");
    exec(s, "COMMIT");
  }

  @Test
  void check7SerializableReadWriteImporterOfReadOnlyExport() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
    assertEquals("a non-read-only serializable transaction cannot import a snapshot from a "
        + "read-only transaction", ex.getMessage());
    exec(s, "ROLLBACK");
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY");
    exec(s, "SET TRANSACTION SNAPSHOT '" + id + "'");
    exec(s, "COMMIT");
  }

  @Test
  void check8DifferentDatabase() {
    Snapshot snap = e.store.latestSnapshot();
    String id = "00000000000ABCDE-1";
    e.db.snapshots().register(new ExportedSnapshot(id, snap, 0xABCDEL, "other", "bob", "n2",
        IsolationLevel.REPEATABLE_READ, false, "otherdb", 0L));
    try {
      Session s = session();
      exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
      SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
      assertEquals("cannot import a snapshot from a different database", ex.getMessage());
      exec(s, "ROLLBACK");
    } finally {
      e.db.snapshots().release(List.of(id));
    }
  }

  @Test
  void check9ExporterEndedBetweenLookupAndInstall() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    // the exporter commits after the importer looked the id up and before it installs it
    e.db.snapshots().beforeInstall = () -> e.db.snapshots().release(List.of(id));
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "55000");
    assertEquals("could not import the requested snapshot", ex.getMessage());
    assertEquals("The source transaction is not running anymore.", e.render(ex.detail()));
    exec(s, "ROLLBACK");
    exec(x, "COMMIT");
  }

  @Test
  void checksComeInSpecOrder() {
    // 3 before 4: READ COMMITTED importer with a malformed id
    Session s = session();
    exec(s, "BEGIN");
    fails(s, "SET TRANSACTION SNAPSHOT 'zz'", "0A000");
    exec(s, "ROLLBACK");
    // 4 before 5: malformed and unknown
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    fails(s, "SET TRANSACTION SNAPSHOT 'zz'", "22023");
    exec(s, "ROLLBACK");
    // 5 before 6: serializable importer of an unknown id
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    fails(s, "SET TRANSACTION SNAPSHOT '0000000000000001-9'", "42704");
    exec(s, "ROLLBACK");
    // 6 before 7: serializable read-write importer of a read-only RR export
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    SnapsyncException ex = fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "0A000");
    assertTrue(ex.getMessage().startsWith("a serializable transaction cannot import"));
    exec(s, "ROLLBACK");
    // 7 before 8: serializable read-only export of another database
    String other = "00000000000ABCDF-1";
    e.db.snapshots().register(new ExportedSnapshot(other, e.store.latestSnapshot(), 0xABCDFL,
        "o", "bob", "n2", IsolationLevel.SERIALIZABLE, true, "otherdb", 0L));
    exec(s, "BEGIN ISOLATION LEVEL SERIALIZABLE");
    ex = fails(s, "SET TRANSACTION SNAPSHOT '" + other + "'", "0A000");
    assertTrue(ex.getMessage().startsWith("a non-read-only serializable"));
    exec(s, "ROLLBACK");
    e.db.snapshots().release(List.of(other));
  }

  @Test
  void anErrorEndsTheExportsOfABlockWithoutSavepoints() {
    Session x = session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    fails(x, "SELECT nosuch()", "42883");
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
    exec(s, "ROLLBACK");
    exec(x, "ROLLBACK");
  }

  @Test
  void sessionCloseReleasesExports() {
    Session x = e.session();
    String id = export(x, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    assertEquals(1, e.db.snapshots().size());
    await(x.close());
    assertEquals(0, e.db.snapshots().size());
    Session s = session();
    exec(s, "BEGIN ISOLATION LEVEL REPEATABLE READ");
    fails(s, "SET TRANSACTION SNAPSHOT '" + id + "'", "42704");
    exec(s, "ROLLBACK");
  }
}
