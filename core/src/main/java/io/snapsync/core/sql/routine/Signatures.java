package io.snapsync.core.sql.routine;

import io.snapsync.core.session.DataType;
import java.util.List;

/** Routine signatures as PostgreSQL prints them in messages: {@code f(integer, text)}. */
final class Signatures {

  private Signatures() {
  }

  static String argList(List<DataType> types) {
    return String.join(", ", types.stream().map(DataType::sqlName).toList());
  }

  /** {@code f(integer,text)}: PostgreSQL's format_procedure, as in DROP hints. */
  static String compact(RoutineDef def) {
    return def.name() + "(" + String.join(",", def.inputTypes().stream()
        .map(DataType::sqlName).toList()) + ")";
  }

  static String of(RoutineStmt.Target target) {
    return target.types() == null ? target.name()
        : target.name() + "(" + argList(target.types()) + ")";
  }
}
