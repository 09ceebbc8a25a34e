package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.engine.exec.ExecContext;

/**
 * PL/pgSQL routines: the body is parsed once per text ({@link PlParser}) and run by a fresh
 * {@link PlInterpreter} per call.
 */
final class Plpgsql {

  private static final java.util.Map<String, PlStmt.Block> PARSED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Plpgsql() {
  }

  static Object call(Routines routines, ExecContext ctx, RoutineDef def, Object[] args) {
    PlStmt.Block body = PARSED.get(def.body());
    if (body == null) {
      body = PlParser.parse(def.body());
      if (PARSED.size() >= Routines.PLANS_MAX) {
        PARSED.clear();
      }
      PARSED.put(def.body(), body);
    }
    return new PlInterpreter(routines, ctx, def, args).run(body);
  }

  /** Checks the body's block structure (CREATE FUNCTION validates it, as PostgreSQL does). */
  static void validate(RoutineDef def) {
    PlParser.parse(def.body());
  }
}
