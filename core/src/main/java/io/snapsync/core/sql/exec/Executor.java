package io.snapsync.core.sql.exec;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.spi.FunctionParam;
import io.snapsync.core.spi.SqlFunction;
import io.snapsync.core.spi.StandardFunctionCall;
import io.snapsync.core.spi.SystemTable;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.engine.dml.DmlEngine;
import io.snapsync.core.sql.parse.Expr;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.CloseableIterator;
import io.snapsync.storage.KeyValue;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs SELECT (tables, system tables, functions without FROM) and hands writes to
 * {@link Writer}. Store work runs on the database's worker pool.
 */
public final class Executor {

  private final Database db;
  private final Writer writer;
  private final QueryEngine queries;
  private final DmlEngine dml;
  private final io.snapsync.core.sql.copy.CopyRunner copy;
  private final io.snapsync.core.sql.ddl.DdlEngine ddl;
  private final io.snapsync.core.sql.access.AccessRunner access;
  private final io.snapsync.core.sql.index.IndexCommands indexes;
  private final io.snapsync.core.sql.explain.Explainer explain;
  private final io.snapsync.core.sql.lock.LockRunner lock;
  private final io.snapsync.core.sql.routine.Routines routines;

  public Executor(Database db) {
    this.db = db;
    this.writer = new Writer(db);
    this.ddl = new io.snapsync.core.sql.ddl.DdlEngine(db);
    this.queries = new QueryEngine(db);
    this.dml = new DmlEngine(db, queries);
    this.copy = new io.snapsync.core.sql.copy.CopyRunner(db, queries);
    this.access = new io.snapsync.core.sql.access.AccessRunner(db);
    this.indexes = new io.snapsync.core.sql.index.IndexCommands(db);
    this.explain = new io.snapsync.core.sql.explain.Explainer(db, queries);
    this.lock = new io.snapsync.core.sql.lock.LockRunner(db);
    this.routines = new io.snapsync.core.sql.routine.Routines(db);
  }

  /** The DML engine (INSERT, UPDATE, DELETE). */
  public DmlEngine dml() {
    return dml;
  }

  /** The DDL engine (tables, sequences). */
  public io.snapsync.core.sql.ddl.DdlEngine ddl() {
    return ddl;
  }

  /** User-defined functions and procedures. */
  public io.snapsync.core.sql.routine.Routines routines() {
    return routines;
  }

  /** The query engine (SELECT, WITH, VALUES, TABLE). */
  public QueryEngine queries() {
    return queries;
  }

  /** Runs a table or DML statement in the session's current transaction. */
  public Future<StatementResult> run(Stmt s, SessionContext ctx, List<Object> params) {
    if (s instanceof Stmt.Query q) {
      return queries.run(q.sql(), ctx, params);
    } else if (s instanceof Stmt.Modify m) {
      return dml.run(m.sql(), m.kind(), ctx, params);
    } else if (s instanceof Stmt.Insert i) {
      return writer.insert(i, ctx, params);
    } else if (s instanceof Stmt.Ddl d) {
      return ddl.run(d.statement(), ctx);
    } else if (s instanceof Stmt.Copy c) {
      return copy.run(c, ctx);
    } else if (s instanceof Stmt.Access a) {
      return access.run(a, ctx);
    } else if (s instanceof io.snapsync.core.sql.index.IndexStmt is) {
      return indexes.run(is, ctx);
    } else if (s instanceof io.snapsync.core.sql.explain.ExplainStmt e) {
      return explain.run(e, ctx, params);
    } else if (s instanceof io.snapsync.core.sql.lock.LockStmt l) {
      return lock.run(l, ctx);
    } else if (s instanceof io.snapsync.core.sql.routine.RoutineStmt r) {
      return routines.run(r, ctx);
    }
    return Future.failedFuture(new IllegalArgumentException("not a DML statement: " + s));
  }

  static Object constant(Expr e, List<Object> params) {
    if (e instanceof Expr.Literal l) {
      return l.value();
    } else if (e instanceof Expr.Param p) {
      return param(params, p.index());
    } else if (e instanceof Expr.ColumnRef c) {
      throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_not_exist", c.name());
    }
    throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "sql.unsupported",
        "nested function calls");
  }

  static Object param(List<Object> params, int index) {
    if (index < 1 || index > params.size()) {
      throw SnapsyncException.error(SqlState.UNDEFINED_PARAMETER, "sql.no_parameter", index);
    }
    return params.get(index - 1);
  }
}
