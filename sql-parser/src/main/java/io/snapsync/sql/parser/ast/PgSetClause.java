package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Unparsing of {@code col = expr, ...} (UPDATE and ON CONFLICT DO UPDATE). */
final class PgSetClause {

  private PgSetClause() {
  }

  static void unparse(SqlWriter writer, SqlNodeList columns, SqlNodeList values) {
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "", "");
    for (int i = 0; i < columns.size(); i++) {
      writer.sep(",");
      columns.get(i).unparse(writer, 0, 0);
      writer.keyword("=");
      values.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
