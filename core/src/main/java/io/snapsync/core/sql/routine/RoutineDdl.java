package io.snapsync.core.sql.routine;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CREATE [OR REPLACE], DROP and ALTER of functions and procedures in the session's transaction:
 * the definition is MVCC data ({@link RoutineCatalog}), locked by its key while changed, so DDL
 * commits and rolls back with the transaction. A SQL function's body is planned at CREATE
 * (after the definition is written, so a recursive body resolves), as PostgreSQL validates it.
 * Store work on the worker pool; thread-safe.
 */
final class RoutineDdl {

  /** Oids of user routines start past PostgreSQL's fixed range. */
  private static final long FIRST_OID = 100_000;

  private final Database db;
  private final Routines routines;
  private final RowLocks locks;

  RoutineDdl(Database db, Routines routines) {
    this.db = db;
    this.routines = routines;
    this.locks = new RowLocks(db);
  }

  Future<StatementResult> run(RoutineStmt s, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    String tag = s instanceof RoutineStmt.Create c ? c.tag()
        : s instanceof RoutineStmt.Drop d ? d.tag() : ((RoutineStmt.Alter) s).tag();
    return db.blocking(() -> {
      txn.checkWritable(tag);
      txn.startQuery();
      return keys(s, txn.storeTxn());
    }).compose(keys -> locks.lockAll(ctx, keys, false))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = recheckSnapshot(txn);
          if (s instanceof RoutineStmt.Create c) {
            return create(c, ctx, t);
          } else if (s instanceof RoutineStmt.Drop d) {
            return drop(d, ctx, t);
          }
          return alter((RoutineStmt.Alter) s, ctx, t);
        }));
  }

  private static StoreTransaction recheckSnapshot(TransactionBlock txn) {
    if (!txn.isolation().snapshotPerTransaction()) {
      txn.startQuery();
    }
    return txn.storeTxn();
  }

  /** The definition keys the statement changes (found under the statement's snapshot). */
  private List<byte[]> keys(RoutineStmt s, StoreTransaction t) {
    List<byte[]> out = new ArrayList<>();
    if (s instanceof RoutineStmt.Create c) {
      out.add(RoutineCatalog.key(c.def()));
    } else if (s instanceof RoutineStmt.Drop d) {
      for (RoutineStmt.Target target : d.targets()) {
        for (RoutineDef def : matches(t, d.routineKind(), target)) {
          out.add(RoutineCatalog.key(def));
        }
      }
    } else if (s instanceof RoutineStmt.Alter a) {
      for (RoutineDef def : matches(t, a.routineKind(), a.target())) {
        out.add(RoutineCatalog.key(def));
        if (a.newName() != null) {
          out.add(RoutineCatalog.key(a.newName(), def.inputTypes()));
        }
      }
    }
    return out;
  }

  private StatementResult create(RoutineStmt.Create c, SessionContext ctx, StoreTransaction t) {
    RoutineDef def = c.def();
    RoutineDef old = RoutineCatalog.find(t, def.name(), def.inputTypes());
    long id;
    String owner = ctx.user();
    if (old != null) {
      if (!c.replace()) {
        throw SnapsyncException.error(RoutineStates.DUPLICATE_FUNCTION, "routine.exists",
            old.kind() == 'p' ? "procedure" : "function", def.name(),
            Signatures.argList(def.inputTypes()));
      }
      if (old.kind() != def.kind()) {
        throw SnapsyncException.error(RoutineStates.WRONG_OBJECT_TYPE, "routine.change_kind",
            def.signature()).withHint(old.kind() == 'p' ? "routine.drop_procedure_first"
                : "routine.drop_function_first", Signatures.compact(def));
      }
      if (old.returnType() != def.returnType() || old.returnsSet() != def.returnsSet()) {
        throw SnapsyncException.error(RoutineStates.INVALID_FUNCTION_DEFINITION,
            "routine.change_return_type").withHint("routine.drop_function_first",
                Signatures.compact(def));
      }
      io.snapsync.core.sql.access.FunctionAccess.requireOwner(db, ctx.user(), old);
      id = old.id();
      owner = old.owner();
    } else {
      id = ThreadLocalRandom.current().nextLong(FIRST_OID, Integer.MAX_VALUE);
    }
    RoutineDef stored = new RoutineDef(id, def.name(), def.kind(), def.params(),
        def.returnType(), def.returnTypmod(), def.returnsSet(), def.language(), def.body(),
        def.volatility(), def.strict(), owner);
    RoutineCatalog.put(t, stored);
    if (stored.language().equals("sql")) {
      validate(stored, t);
    } else {
      Plpgsql.validate(stored);
    }
    return StatementResult.command(c.tag());
  }

  /** Plans every statement of a SQL body with all arguments passed (PostgreSQL's validator). */
  private void validate(RoutineDef def, StoreTransaction t) {
    for (String s : SqlBody.statements(def, def.inputs().size())) {
      if (io.snapsync.core.sql.parse.SqlParser.parse(s) instanceof
          io.snapsync.core.sql.parse.Stmt.Query) {
        routines.plan(s, t);
      }
    }
  }

  private StatementResult drop(RoutineStmt.Drop d, SessionContext ctx, StoreTransaction t) {
    List<Notice> notices = new ArrayList<>();
    for (RoutineStmt.Target target : d.targets()) {
      List<RoutineDef> found = matches(t, d.routineKind(), target);
      if (found.isEmpty()) {
        if (!d.ifExists()) {
          throw notFound(d.routineKind(), target);
        }
        notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "routine.not_exist_skipping",
            kindWord(d.routineKind()), Signatures.of(target)));
        continue;
      }
      if (found.size() > 1) {
        throw ambiguous(d.routineKind(), target.name());
      }
      io.snapsync.core.sql.access.FunctionAccess.requireOwner(db, ctx.user(), found.get(0));
      RoutineCatalog.delete(t, found.get(0));
      io.snapsync.core.sql.access.FunctionAccess.forget(t, found.get(0));
    }
    return new StatementResult(List.of(), List.of(), d.tag(), notices);
  }

  private StatementResult alter(RoutineStmt.Alter a, SessionContext ctx, StoreTransaction t) {
    List<RoutineDef> found = matches(t, a.routineKind(), a.target());
    if (found.isEmpty()) {
      throw notFound(a.routineKind(), a.target());
    }
    if (found.size() > 1) {
      throw ambiguous(a.routineKind(), a.target().name());
    }
    RoutineDef def = found.get(0);
    io.snapsync.core.sql.access.FunctionAccess.requireOwner(db, ctx.user(), def);
    RoutineDef changed;
    if (a.newName() != null) {
      if (RoutineCatalog.find(t, a.newName(), def.inputTypes()) != null) {
        throw SnapsyncException.error(RoutineStates.DUPLICATE_FUNCTION, "routine.exists_in_schema",
            kindWord(def.kind()), a.newName() + "(" + Signatures.argList(def.inputTypes()) + ")",
            "public");
      }
      RoutineCatalog.delete(t, def);
      changed = def.renamed(a.newName());
      io.snapsync.core.sql.access.FunctionAccess.moved(t, def, changed);
    } else if (a.newOwner() != null) {
      changed = def.withOwner(a.newOwner());
    } else {
      changed = new RoutineDef(def.id(), def.name(), def.kind(), def.params(), def.returnType(),
          def.returnTypmod(), def.returnsSet(), def.language(), def.body(),
          a.volatility() != null ? a.volatility() : def.volatility(),
          a.strict() != null ? a.strict() : def.strict(), def.owner());
    }
    RoutineCatalog.put(t, changed);
    return StatementResult.command(a.tag());
  }

  /** The routines of {@code kind} a target names. */
  private static List<RoutineDef> matches(StoreTransaction t, char kind,
      RoutineStmt.Target target) {
    if (target.types() != null) {
      RoutineDef d = RoutineCatalog.find(t, target.name(), target.types());
      return d == null || d.kind() != kind ? List.of() : List.of(d);
    }
    return RoutineCatalog.overloads(t, target.name()).stream().filter(d -> d.kind() == kind)
        .toList();
  }

  private static SnapsyncException notFound(char kind, RoutineStmt.Target target) {
    if (target.types() == null) {
      return SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "routine.name_not_exist",
          kindWord(kind), target.name());
    }
    return SnapsyncException.error(SqlState.UNDEFINED_FUNCTION, "routine.not_exist",
        kindWord(kind), Signatures.of(target));
  }

  private static SnapsyncException ambiguous(char kind, String name) {
    return SnapsyncException.error(RoutineStates.AMBIGUOUS_FUNCTION, "routine.not_unique",
        kindWord(kind), name).withHint("routine.not_unique.hint");
  }

  static String kindWord(char kind) {
    return kind == 'p' ? "procedure" : "function";
  }
}
