package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.engine.exec.ExecContext;

/**
 * PL/pgSQL routines: the body is parsed once per text ({@link PlParser}) and run by a fresh
 * {@link PlInterpreter} per call.
 */
final class Plpgsql {

  private static final io.snapsync.core.sql.BoundedMemo<String, PlParser.Parsed> PARSED =
      new io.snapsync.core.sql.BoundedMemo<>(Routines.PLANS_MAX);

  private Plpgsql() {
  }

  static Object call(Routines routines, ExecContext ctx, RoutineDef def, Object[] args) {
    return new PlInterpreter(routines, ctx, def, args, false).run(parsed(def));
  }

  /** The rows of a call in FROM ({@link PlInterpreter#runRows}). */
  static java.util.List<Object[]> rows(Routines routines, ExecContext ctx, RoutineDef def,
      Object[] args) {
    return new PlInterpreter(routines, ctx, def, args, false).runRows(parsed(def));
  }

  /**
   * Runs a DO block's or procedure's body as the session's statement ({@code topLevel}: its
   * statements run as the session's would); the OUT and INOUT values, if any.
   */
  static Object[] runStatement(Routines routines, ExecContext ctx, RoutineDef def,
      Object[] args) {
    PlInterpreter in = new PlInterpreter(routines, ctx, def, args, true);
    in.run(parsed(def));
    return in.outputRow();
  }

  private static PlParser.Parsed parsed(RoutineDef def) {
    PlParser.Parsed body = PARSED.get(def.body());
    if (body == null) {
      body = PlParser.parse(def.body());
      PARSED.put(def.body(), body);
    }
    return body;
  }

  /** Checks the body's block structure (CREATE FUNCTION validates it, as PostgreSQL does). */
  static void validate(RoutineDef def) {
    PlParser.parse(def.body());
  }
}
