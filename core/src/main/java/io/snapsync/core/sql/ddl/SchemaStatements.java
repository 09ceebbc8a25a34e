package io.snapsync.core.sql.ddl;

import io.snapsync.sql.parser.ast.PgAlterRename;
import io.snapsync.sql.parser.ast.PgDrop;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateSchema;

/** Analyzes the syntax trees of CREATE, DROP and ALTER SCHEMA. Stateless. */
final class SchemaStatements {

  private SchemaStatements() {
  }

  static DdlStatement create(SqlCreateSchema c) {
    return new DdlStatement.CreateSchema(Names.simple(c.name), c.ifNotExists, null);
  }

  static DdlStatement drop(PgDrop d) {
    List<String> names = d.names().stream().map(SchemaStatements::schemaName).toList();
    return new DdlStatement.DropSchema(names, d.ifExists, d.cascade());
  }

  static DdlStatement rename(PgAlterRename r) {
    return new DdlStatement.AlterSchema(Names.simple(r.name()), Names.simple(r.newName()), null);
  }

  private static String schemaName(SqlNode n) {
    org.apache.calcite.sql.SqlIdentifier id = (org.apache.calcite.sql.SqlIdentifier) n;
    return id.names.get(id.names.size() - 1);
  }
}
