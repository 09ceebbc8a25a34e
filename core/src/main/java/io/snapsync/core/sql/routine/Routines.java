package io.snapsync.core.sql.routine;

import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.BoundedMemo;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.analyze.Analyzer;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.List;

/**
 * The database's user-defined routines: runs their DDL ({@link RoutineDdl}) and keeps the plans
 * of function bodies by statement text (checked against the table definitions the calling
 * transaction sees, as the query engine's cache is). Thread-safe; one per database.
 */
public final class Routines {

  static final int PLANS_MAX = 512;

  private final Database db;
  private final RoutineDdl ddl;
  private final RoutineRun calls;
  private final BoundedMemo<String, PreparedQuery> plans = new BoundedMemo<>(PLANS_MAX);
  private final BoundedMemo<String, List<String>> bodies = new BoundedMemo<>(PLANS_MAX);

  public Routines(Database db) {
    this.db = db;
    this.ddl = new RoutineDdl(db, this);
    this.calls = new RoutineRun(db, this);
  }

  Database database() {
    return db;
  }

  /** Runs {@code s} in the session's current transaction. */
  public Future<StatementResult> run(RoutineStmt s, SessionContext ctx) {
    if (s instanceof RoutineStmt.Do || s instanceof RoutineStmt.Call) {
      return calls.run(s, ctx);
    }
    return ddl.run(s, ctx);
  }

  /** The plan of body statement {@code sql} valid for {@code t}. Blocking. */
  PreparedQuery plan(String sql, StoreTransaction t) {
    PreparedQuery q = plans.get(sql);
    if (q != null && q.validFor(t)) {
      return q;
    }
    q = db.executor().queries().planParsed(sql, Analyzer.parse(sql), t);
    plans.put(sql, q);
    return q;
  }

  /** The statements of {@code def}'s body for a call with {@code passed} arguments. */
  List<String> bodyStatements(RoutineDef def, int passed) {
    String key = passed + "\0" + def.id() + "\0" + def.params() + "\0" + def.body();
    List<String> s = bodies.get(key);
    if (s == null) {
      s = SqlBody.statements(def, passed);
      bodies.put(key, s);
    }
    return s;
  }
}
