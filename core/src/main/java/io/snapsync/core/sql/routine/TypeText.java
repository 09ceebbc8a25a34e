package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.ddl.ColumnType;
import io.snapsync.core.sql.parse.CalciteParse;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * A type name written in a routine's signature ({@code integer}, {@code varchar(10)},
 * {@code double precision}, {@code text[]}) read with the project's grammar as the type of a
 * cast. Stateless.
 */
final class TypeText {

  /** A parsed type: {@code type == null} for {@code trigger}. */
  record Parsed(DataType type, int typmod) {
  }

  private TypeText() {
  }

  /** The type {@code text} names; 42704 when it names none snapsync knows. */
  static Parsed parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("trigger")) {
      return new Parsed(null, -1);
    }
    if (t.equals("void")) {
      return new Parsed(DataType.VOID, -1);
    }
    SqlNode n;
    try {
      n = CalciteParse.parse("SELECT CAST(NULL AS " + text + ")");
    } catch (SnapsyncException e) {
      throw notExist(t);
    }
    if (n instanceof SqlSelect s && s.getSelectList().size() == 1
        && s.getSelectList().get(0) instanceof SqlCall c && c.operandCount() == 2
        && c.operand(1) instanceof SqlDataTypeSpec spec) {
      ColumnType ct = ColumnType.of(spec);
      return new Parsed(ct.type(), ct.typmod());
    }
    throw notExist(t);
  }

  /** True when {@code text} is a whole type name. */
  static boolean isType(String text) {
    try {
      parse(text);
      return true;
    } catch (SnapsyncException e) {
      return false;
    }
  }

  private static SnapsyncException notExist(String t) {
    return SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "routine.type_not_exist", t);
  }
}
