package io.snapsync.sql.parser.ast;

import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;

/** Unparsing of the {@code RETURNING} list shared by INSERT, UPDATE and DELETE. */
final class PgReturning {

  private PgReturning() {
  }

  static void unparse(SqlWriter writer, SqlNodeList returning) {
    if (returning == null) {
      return;
    }
    writer.newlineAndIndent();
    writer.keyword("RETURNING");
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT_LIST);
    for (int i = 0; i < returning.size(); i++) {
      writer.sep(",");
      returning.get(i).unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
