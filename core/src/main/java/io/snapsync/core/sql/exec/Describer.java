package io.snapsync.core.sql.exec;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.parse.Stmt;
import java.util.List;

/**
 * The result columns of a statement without running it. Table definitions are read in the
 * session's store transaction when it has one (so its own DDL counts), else in a short
 * read-only transaction on the latest snapshot. Blocking (worker threads).
 */
public final class Describer {

  private final Database db;

  public Describer(Database db) {
    this.db = db;
  }

  public List<Column> columns(Stmt stmt, SessionContext ctx) {
    if (stmt instanceof Stmt.Show sh) {
      if (sh.name().equals("all")) {
        return List.of(new Column("name", DataType.TEXT), new Column("setting", DataType.TEXT),
            new Column("description", DataType.TEXT));
      }
      return List.of(new Column(sh.name(), DataType.TEXT));
    }
    if (stmt instanceof Stmt.Query q) {
      return db.executor().queries().describe(q.sql(), ctx);
    }
    if (stmt instanceof io.snapsync.core.sql.explain.ExplainStmt) {
      return List.of(new Column("QUERY PLAN", DataType.TEXT));
    }
    if (stmt instanceof Stmt.Modify m) {
      return db.executor().dml().describe(m.sql(), ctx);
    }
    return List.of();
  }
}
