package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.sql.engine.exec.ExecContext;

/** PL/pgSQL routines: not run yet (0A000 naming the language). */
final class Plpgsql {

  private Plpgsql() {
  }

  static Object call(ExecContext ctx, RoutineDef def, Object[] args) {
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "routine.unsupported",
        "LANGUAGE " + def.language());
  }
}
