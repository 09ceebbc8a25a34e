package io.snapsync.core.session.impl;

import io.snapsync.core.error.Message;
import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.session.Notice;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.settings.SettingDefinition;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.IsolationLevel;
import io.snapsync.core.error.StorageErrors;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.PreparedTransaction;
import io.snapsync.storage.StorageException;
import io.vertx.core.Future;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authorization.RoleBasedAuthorization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Transaction control and settings statements of one session. */
final class UtilityRunner {

  private final SessionImpl session;
  private final Database db;
  private final TransactionBlock txn;
  /** SET LOCAL: values to restore when the transaction ends (null when none). */
  private Map<String, String> localRestore;
  /** SET inside a block: values before the block, restored if it rolls back (else null). */
  private Map<String, String> blockRestore;

  UtilityRunner(SessionImpl session, Database db) {
    this.session = session;
    this.db = db;
    this.txn = session.txn();
  }

  Future<StatementResult> run(Stmt s) {
    if (s instanceof Stmt.Begin b) {
      return begin(b);
    } else if (s instanceof Stmt.Commit) {
      if (!txn.isActive()) {
        return warn("COMMIT", SqlState.NO_ACTIVE_SQL_TRANSACTION, "sql.no_transaction");
      }
      boolean implicit = !txn.inBlock();
      return ending(txn::commit).map(ok -> {
        transactionFinished(ok);
        return implicit ? warning("COMMIT", SqlState.NO_ACTIVE_SQL_TRANSACTION,
            "sql.no_transaction") : StatementResult.command(ok ? "COMMIT" : "ROLLBACK");
      });
    } else if (s instanceof Stmt.Rollback) {
      if (!txn.isActive()) {
        return warn("ROLLBACK", SqlState.NO_ACTIVE_SQL_TRANSACTION, "sql.no_transaction");
      }
      boolean implicit = !txn.inBlock();
      return ending(() -> {
        txn.rollback();
        return null;
      }).map(v -> {
        transactionFinished(false);
        return implicit ? warning("ROLLBACK", SqlState.NO_ACTIVE_SQL_TRANSACTION,
            "sql.no_transaction") : StatementResult.command("ROLLBACK");
      });
    } else if (s instanceof Stmt.SetTransaction st) {
      if (!txn.isActive()) {
        return warn("SET", SqlState.NO_ACTIVE_SQL_TRANSACTION, "snapshot.set_outside_block");
      }
      txn.setModes(st.modes());
      return ok("SET");
    } else if (s instanceof Stmt.SetSessionCharacteristics sc) {
      if (sc.modes().isolation() != null) {
        session.settings().set("default_transaction_isolation", sc.modes().isolation().text());
      }
      if (sc.modes().readOnly() != null) {
        session.settings().set("default_transaction_read_only",
            sc.modes().readOnly() ? "on" : "off");
      }
      return ok("SET");
    } else if (s instanceof Stmt.Savepoint sp) {
      requireBlock("sql.savepoint_outside_block");
      return db.blocking(() -> {
        txn.savepoint(sp.name());
        return StatementResult.command("SAVEPOINT");
      });
    } else if (s instanceof Stmt.Release r) {
      requireBlock("sql.release_outside_block");
      txn.release(r.name());
      return ok("RELEASE");
    } else if (s instanceof Stmt.RollbackTo r) {
      requireBlock("sql.rollback_to_outside_block");
      return db.blocking(() -> {
        txn.rollbackTo(r.name());
        return StatementResult.command("ROLLBACK");
      });
    } else if (s instanceof Stmt.PrepareTransaction p) {
      return prepare(p);
    } else if (s instanceof Stmt.CommitPrepared c) {
      return finishPrepared(c.gid(), true);
    } else if (s instanceof Stmt.RollbackPrepared r) {
      return finishPrepared(r.gid(), false);
    } else if (s instanceof Stmt.SetTransactionSnapshot sts) {
      if (!txn.isActive()) {
        StatementResult warned = warning("SET", SqlState.NO_ACTIVE_SQL_TRANSACTION,
            "snapshot.set_outside_block");
        return db.blocking(() -> {
          try {
            TransactionBlock.checkImportOutsideBlock(txn.registry(), sts.id(),
                session.defaultIsolation(),
                session.settings().getBool("default_transaction_read_only"));
          } catch (SnapsyncException e) {
            throw e.withNotices(warned.notices());
          }
          return warned;
        });
      }
      return db.blocking(() -> {
        txn.importSnapshot(sts.id());
        return StatementResult.command("SET");
      });
    } else if (s instanceof Stmt.Show sh) {
      return Future.succeededFuture(show(sh.name()));
    } else if (s instanceof Stmt.SetVar sv) {
      return set(sv);
    } else if (s instanceof Stmt.Reset r) {
      if (r.name() == null) {
        session.settings().resetAll();
      } else if (!isTransactionPseudo(r.name())) {
        session.settings().reset(r.name());
      }
      return ok("RESET");
    } else if (s instanceof Stmt.AlterSystem a) {
      return alterSystem(a);
    }
    return Future.failedFuture(new IllegalArgumentException("not a utility statement: " + s));
  }

  /**
   * Ends the transaction with {@code end}: at once on the calling thread when that touches no
   * disk ({@link TransactionBlock#endsWithoutIo}: a read-only COMMIT, no export to log), else on
   * a worker.
   */
  private <T> Future<T> ending(java.util.concurrent.Callable<T> end) {
    if (!txn.endsWithoutIo()) {
      return db.blocking(end);
    }
    try {
      return Future.succeededFuture(end.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  private Future<StatementResult> begin(Stmt.Begin b) {
    if (txn.inBlock()) {
      return warn("BEGIN", SqlState.ACTIVE_SQL_TRANSACTION, "sql.already_in_transaction");
    }
    if (txn.isActive()) {
      // BEGIN inside a multi-statement string turns its implicit block into an explicit one
      txn.promoteToBlock(b.modes());
      return ok("BEGIN");
    }
    IsolationLevel iso = b.modes().isolation() != null ? b.modes().isolation()
        : session.defaultIsolation();
    if (iso == IsolationLevel.READ_UNCOMMITTED) {
      iso = IsolationLevel.READ_COMMITTED;
    }
    boolean ro = b.modes().readOnly() != null ? b.modes().readOnly()
        : session.settings().getBool("default_transaction_read_only");
    boolean defer = b.modes().deferrable() != null && b.modes().deferrable();
    txn.begin(true, iso, ro, defer);
    return ok(b.start() ? "START TRANSACTION" : "BEGIN");
  }

  private Future<StatementResult> prepare(Stmt.PrepareTransaction p) {
    if (!txn.inBlock()) {
      return warn("ROLLBACK", SqlState.NO_ACTIVE_SQL_TRANSACTION, "sql.no_transaction");
    }
    if (txn.isFailed()) {
      return db.blocking(() -> {
        txn.rollback();
        transactionFinished(false);
        return StatementResult.command("ROLLBACK");
      });
    }
    return db.blocking(() -> {
      boolean prepared = false;
      try {
        txn.prepare(p.gid());
        prepared = true;
      } finally {
        transactionFinished(prepared);
      }
      return StatementResult.command("PREPARE TRANSACTION");
    });
  }

  private Future<StatementResult> finishPrepared(String gid, boolean commit) {
    String tag = commit ? "COMMIT PREPARED" : "ROLLBACK PREPARED";
    if (txn.isActive()) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "sql.inside_block", tag);
    }
    return db.blocking(() -> {
      PreparedTransaction pt = db.store().preparedTransactions().stream()
          .filter(x -> x.gid().equals(gid)).findFirst().orElse(null);
      if (pt == null) {
        throw SnapsyncException.error(SqlState.UNDEFINED_OBJECT, "sql.gid_not_exist", gid);
      }
      if (!pt.owner().equals(session.user()) && !session.hasRole(Roles.SYSADMIN)) {
        throw SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE, "sql.prepared_not_owner")
            .withHint("sql.prepared_not_owner.hint");
      }
      try {
        if (commit) {
          db.store().commitPrepared(gid);
          txn.registry().serializable().finishPrepared(gid, true,
              db.store().latestSnapshot().commitSeq());
          db.services().stats().committed();
        } else {
          db.store().rollbackPrepared(gid);
          txn.registry().serializable().finishPrepared(gid, false, 0);
          db.services().stats().rolledBack();
        }
      } catch (StorageException e) {
        throw StorageErrors.translate(e, gid);
      }
      db.tableLocks().releaseAll(pt.txid());
      return StatementResult.command(tag);
    });
  }

  private StatementResult show(String name) {
    if (name.equals("all")) {
      Map<String, String> all = new LinkedHashMap<>(session.settings().showAll());
      List<List<Object>> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : all.entrySet()) {
        String desc = db.services().settings().definition(e.getKey())
            .map(SettingDefinition::descriptionId)
            .map(id -> db.services().catalog().render(session.lcMessages(), Message.of(id)))
            .orElse("");
        rows.add(List.of(e.getKey(), e.getValue(), desc));
      }
      return new StatementResult(List.of(new Column("name", DataType.TEXT),
          new Column("setting", DataType.TEXT), new Column("description", DataType.TEXT)),
          rows, "SHOW", List.of());
    }
    String value = switch (name) {
      case "transaction_isolation" -> txn.isActive() ? txn.isolation().text()
          : session.defaultIsolation().text();
      case "transaction_read_only" -> onOff(txn.isActive() ? txn.readOnly()
          : session.settings().getBool("default_transaction_read_only"));
      case "transaction_deferrable" -> onOff(txn.isActive() && txn.deferrable());
      default -> session.settings().show(name);
    };
    List<Object> row = new ArrayList<>(1);
    row.add(value);
    return new StatementResult(List.of(new Column(name, DataType.TEXT)), List.of(row), "SHOW",
        List.of());
  }

  private Future<StatementResult> set(Stmt.SetVar sv) {
    if (isTransactionPseudo(sv.name())) {
      if (!txn.isActive()) {
        return warn("SET", SqlState.NO_ACTIVE_SQL_TRANSACTION, "snapshot.set_outside_block");
      }
      String v = sv.value();
      Stmt.TxnModes modes = switch (sv.name()) {
        case "transaction_isolation" -> {
          IsolationLevel l = v == null ? session.defaultIsolation() : IsolationLevel.parse(v);
          if (l == null) {
            throw SnapsyncException.error(SqlState.INVALID_PARAMETER_VALUE, "sql.invalid_value",
                sv.name(), v);
          }
          yield new Stmt.TxnModes(l, null, null);
        }
        case "transaction_read_only" -> new Stmt.TxnModes(null, v != null && truthy(v), null);
        default -> new Stmt.TxnModes(null, null, v != null && truthy(v));
      };
      txn.setModes(modes);
      return ok("SET");
    }
    if (sv.local()) {
      if (!txn.isActive()) {
        return warn("SET", SqlState.NO_ACTIVE_SQL_TRANSACTION, "sql.set_local_outside_block");
      }
      if (localRestore == null) {
        localRestore = new LinkedHashMap<>();
      }
      localRestore.putIfAbsent(sv.name(), session.settings().show(sv.name()));
    } else if (txn.inBlock()) {
      if (blockRestore == null) {
        blockRestore = new LinkedHashMap<>();
      }
      String before = localRestore != null && localRestore.containsKey(sv.name())
          ? localRestore.get(sv.name()) : session.settings().show(sv.name());
      blockRestore.putIfAbsent(sv.name(), before);
    }
    if (sv.value() == null) {
      session.settings().reset(sv.name());
    } else {
      session.settings().set(sv.name(), sv.value());
    }
    return ok("SET");
  }

  private Future<StatementResult> alterSystem(Stmt.AlterSystem a) {
    if (txn.isActive()) {
      throw SnapsyncException.error(SqlState.ACTIVE_SQL_TRANSACTION, "sql.inside_block",
          "ALTER SYSTEM");
    }
    User u = User.fromName(session.user());
    return db.services().authorization().getAuthorizations(u).compose(v -> {
      if (!RoleBasedAuthorization.create(Roles.SYSADMIN).match(u)) {
        return Future.failedFuture(SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
            "sql.alter_system_denied"));
      }
      return db.services().settings().alterSystem(a.name(), a.value());
    }).map(v -> StatementResult.command("ALTER SYSTEM"));
  }

  /**
   * The block ended: SET LOCAL values are undone; plain SETs made in the block are kept when it
   * committed and undone when it rolled back, as in PostgreSQL.
   */
  private void transactionFinished(boolean committed) {
    Map<String, String> block = blockRestore;
    blockRestore = null;
    restore(localRestore);
    localRestore = null;
    if (!committed) {
      restore(block);
    }
  }

  private void restore(Map<String, String> values) {
    if (values == null) {
      return;
    }
    values.forEach((k, v) -> {
      try {
        session.settings().set(k, v);
      } catch (RuntimeException ignored) {
        session.settings().reset(k);
      }
    });
  }

  /** Called when the transaction ended some other way (error in an implicit one, close). */
  void transactionEnded() {
    transactionFinished(false);
  }

  private void requireBlock(String id) {
    if (!txn.inBlock()) {
      throw SnapsyncException.error(SqlState.NO_ACTIVE_SQL_TRANSACTION, id);
    }
  }

  private static boolean isTransactionPseudo(String name) {
    return name.equals("transaction_isolation") || name.equals("transaction_read_only")
        || name.equals("transaction_deferrable");
  }

  private static boolean truthy(String v) {
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "yes", "1", "t" -> true;
      default -> false;
    };
  }

  private static String onOff(boolean b) {
    return b ? "on" : "off";
  }

  private static Future<StatementResult> ok(String tag) {
    return Future.succeededFuture(StatementResult.command(tag));
  }

  private static Future<StatementResult> warn(String tag, String state, String id) {
    return Future.succeededFuture(warning(tag, state, id));
  }

  private static StatementResult warning(String tag, String state, String id) {
    return new StatementResult(List.of(), List.of(), tag,
        List.of(Notice.of(Severity.WARNING, state, id)));
  }
}
