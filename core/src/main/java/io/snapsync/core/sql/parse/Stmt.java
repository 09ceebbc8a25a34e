package io.snapsync.core.sql.parse;

import io.snapsync.core.txn.IsolationLevel;
import java.util.List;

/** The parsed statements of the SQL subset. */
public sealed interface Stmt {

  /** Statement kind for statistics: SELECT, INSERT, UPDATE, DELETE, DDL, UTILITY, TRANSACTION. */
  String kind();

  /** Role and privilege statements ({@link AccessStmt}). */
  non-sealed interface Access extends Stmt {
  }

  /** Transaction characteristics; null fields were not given. */
  record TxnModes(IsolationLevel isolation, Boolean readOnly, Boolean deferrable) {
    public static final TxnModes NONE = new TxnModes(null, null, null);
  }

  /** Statements that control the transaction block (allowed in the failed state or not). */
  sealed interface TxnControl extends Stmt {
    @Override
    default String kind() {
      return "TRANSACTION";
    }
  }

  record Begin(TxnModes modes, boolean start) implements TxnControl {
  }

  record Commit(boolean end) implements TxnControl {
  }

  record Rollback(boolean abort) implements TxnControl {
  }

  record SetTransaction(TxnModes modes) implements TxnControl {
  }

  record SetSessionCharacteristics(TxnModes modes) implements TxnControl {
  }

  record Savepoint(String name) implements TxnControl {
  }

  record Release(String name) implements TxnControl {
  }

  record RollbackTo(String name) implements TxnControl {
  }

  record PrepareTransaction(String gid) implements TxnControl {
  }

  record CommitPrepared(String gid) implements TxnControl {
  }

  record RollbackPrepared(String gid) implements TxnControl {
  }

  record SetTransactionSnapshot(String id) implements TxnControl {
  }

  /** SHOW name; {@code name == "all"} for SHOW ALL. */
  record Show(String name) implements Stmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /** SET [SESSION | LOCAL] name = value; {@code value == null}: TO DEFAULT. */
  record SetVar(String name, String value, boolean local) implements Stmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /** RESET name; {@code name == null}: RESET ALL. */
  record Reset(String name) implements Stmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /** ALTER SYSTEM SET name = value; {@code value == null}: ALTER SYSTEM RESET name. */
  record AlterSystem(String name, String value) implements Stmt {
    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /** DDL (CREATE, DROP, ALTER, TRUNCATE), analyzed by {@code sql.ddl.DdlParser}. */
  record Ddl(io.snapsync.core.sql.ddl.DdlStatement statement) implements Stmt {
    @Override
    public String kind() {
      return "DDL";
    }
  }

  /** INSERT INTO table [(columns)] VALUES rows; {@code columns == null}: all in order. */
  record Insert(String table, List<String> columns, List<List<Expr>> rows) implements Stmt {
    @Override
    public String kind() {
      return "INSERT";
    }
  }

  /**
   * A query (SELECT, WITH, VALUES, TABLE, set operations) for the query engine, which parses
   * it with the engine's grammar and caches the plan by {@code sql}.
   */
  record Query(String sql) implements Stmt {
    @Override
    public String kind() {
      return "SELECT";
    }
  }

  /**
   * INSERT, UPDATE or DELETE ({@code kind}) for the DML engine, which parses it with the
   * engine's grammar and caches its plan by {@code sql}.
   */
  record Modify(String sql, String kind) implements Stmt {
  }

  /**
   * {@code COPY table [(columns)] FROM|TO ...} or {@code COPY (query) TO ...}: {@code query} is
   * the query text (then {@code table} is null); {@code file} the server file's path, null for
   * STDIN / STDOUT.
   */
  record Copy(String table, List<String> columns, String query, boolean from, String file,
      io.snapsync.core.sql.copy.CopyOptions options) implements Stmt {
    @Override
    public String kind() {
      return "COPY";
    }
  }

  /**
   * A statement parsed and run outside this package (indexes and ANALYZE in {@code sql.index},
   * EXPLAIN in {@code sql.explain}); {@code Executor} routes it by type.
   */
  non-sealed interface Extension extends Stmt {
  }
}
