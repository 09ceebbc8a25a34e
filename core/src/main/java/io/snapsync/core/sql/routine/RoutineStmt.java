package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.parse.Stmt;
import java.util.List;

/** The statements of user-defined routines: CREATE/DROP/ALTER FUNCTION and PROCEDURE, DO, CALL. */
public sealed interface RoutineStmt extends Stmt.Extension {

  @Override
  default String kind() {
    return "DDL";
  }

  /** {@code FUNCTION} or {@code PROCEDURE} for tags and messages. */
  static String word(char kind) {
    return kind == 'p' ? "PROCEDURE" : "FUNCTION";
  }

  /** A routine named by name and, optionally, input types ({@code types == null}: any). */
  record Target(String name, List<DataType> types) {
  }

  /** CREATE [OR REPLACE] FUNCTION | PROCEDURE; {@code def} has no id or owner yet. */
  record Create(RoutineDef def, boolean replace) implements RoutineStmt {
    public String tag() {
      return "CREATE " + word(def.kind());
    }
  }

  /** DROP FUNCTION | PROCEDURE [IF EXISTS] targets. */
  record Drop(char routineKind, List<Target> targets, boolean ifExists) implements RoutineStmt {
    public String tag() {
      return "DROP " + word(routineKind);
    }
  }

  /**
   * ALTER FUNCTION | PROCEDURE target: RENAME TO ({@code newName}), OWNER TO
   * ({@code newOwner}), or attributes ({@code volatility}, {@code strict}; null: unchanged).
   */
  record Alter(char routineKind, Target target, String newName, String newOwner, Character volatility,
      Boolean strict) implements RoutineStmt {
    public String tag() {
      return "ALTER " + word(routineKind);
    }
  }

  /** DO [LANGUAGE lang] 'body': an anonymous PL/pgSQL block run in the caller's transaction. */
  record Do(String body, String language) implements RoutineStmt {
    public String tag() {
      return "DO";
    }

    @Override
    public String kind() {
      return "UTILITY";
    }
  }

  /**
   * CALL name(args): {@code args} is {@code SELECT arg, ...} (null without arguments), run to
   * find the argument values and types.
   */
  record Call(String name, String args) implements RoutineStmt {
    public String tag() {
      return "CALL";
    }

    @Override
    public String kind() {
      return "UTILITY";
    }
  }
}
