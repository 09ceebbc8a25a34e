package io.snapsync.core.sql.lock;

import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TableLockMode;
import java.util.List;

/**
 * {@code LOCK [TABLE] [ONLY] name [*] [, ...] [IN mode MODE] [NOWAIT]}: the tables (names as
 * the catalog stores them), the mode ({@code ACCESS EXCLUSIVE} when none is given) and
 * whether to fail rather than wait.
 */
public record LockStmt(List<String> tables, TableLockMode mode, boolean nowait)
    implements Stmt.Extension {

  public LockStmt {
    tables = List.copyOf(tables);
  }

  @Override
  public String kind() {
    return "UTILITY";
  }
}
