package io.snapsync.core.sql.engine.analyze;

import io.snapsync.sql.parser.ast.PgTypes;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code date 'January 8, 1999'}, {@code timestamp 'epoch'}, {@code time 'allballs'}: the
 * grammar's typed date/time literals become casts of the string, so PostgreSQL's input forms
 * (read by {@code DateTimeParser}) apply instead of Calcite's ISO-only literal syntax.
 */
final class DateTimeLiterals {

  private static final Map<String, SqlTypeName> BASIC = Map.of("DATE", SqlTypeName.DATE,
      "TIME", SqlTypeName.TIME, "TIMESTAMP", SqlTypeName.TIMESTAMP);

  private DateTimeLiterals() {
  }

  /** The cast a typed date/time literal stands for, or null for any other literal. */
  static SqlNode rewrite(SqlLiteral literal) {
    if (!(literal instanceof SqlUnknownLiteral u)) {
      return null;
    }
    SqlParserPos pos = u.getParserPosition();
    SqlTypeNameSpec spec;
    if (BASIC.containsKey(u.tag)) {
      SqlTypeName t = BASIC.get(u.tag);
      // microseconds kept: Calcite's default precision of TIME/TIMESTAMP is 0
      spec = t == SqlTypeName.DATE ? new SqlBasicTypeNameSpec(t, pos)
          : new SqlBasicTypeNameSpec(t, 6, pos);
    } else if (u.tag.equals("TIMESTAMP WITH TIME ZONE")) {
      spec = PgTypes.spec(new org.apache.calcite.sql.SqlIdentifier("timestamptz", pos), -1, -1,
          pos);
    } else {
      return null;
    }
    return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(u.getValue(),
        pos), new SqlDataTypeSpec(spec, pos));
  }
}
