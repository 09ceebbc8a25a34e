package io.snapsync.core.sql.copy;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.security.Roles;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.CopyChannel;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.parse.SqlParser;
import io.snapsync.core.sql.parse.Stmt;
import io.snapsync.core.txn.TransactionBlock;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs COPY statements in the session's transaction: checks (server files need SYSADMIN,
 * 42501), resolves the table and columns, then streams through {@link CopyFrom} or
 * {@link CopyTo} between the session's {@link CopyChannel} (STDIN/STDOUT) or a server file.
 * Tag {@code COPY n}. Thread-safe; one per database.
 */
public final class CopyRunner {

  private final Database db;
  private final QueryEngine queries;
  private final RowModifier modifier;

  public CopyRunner(Database db, QueryEngine queries) {
    this.db = db;
    this.queries = queries;
    this.modifier = new RowModifier(db);
  }

  private record Target(TableDef def, int[] targets) {
  }

  /** Runs {@code c} for the session {@code ctx}. */
  public Future<StatementResult> run(Stmt.Copy c, SessionContext ctx) {
    if (c.options().format() == CopyOptions.Format.BINARY) {
      return Future.failedFuture(SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "copy.binary_unsupported"));
    }
    if (c.file() != null) {
      if (!ctx.hasRole(Roles.SYSADMIN)) {
        return Future.failedFuture(SnapsyncException.error(SqlState.INSUFFICIENT_PRIVILEGE,
            "copy.file_permission").withHint("copy.file_permission.hint"));
      }
      if (!Path.of(c.file()).isAbsolute()) {
        return Future.failedFuture(SnapsyncException.error(CopyErrors.INVALID_NAME,
            c.from() ? "copy.relative_path_from" : "copy.relative_path_to"));
      }
    }
    CopyChannel channel = ctx.copyChannel();
    if (c.file() == null && channel == null) {
      return Future.failedFuture(SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
          "copy.no_channel"));
    }
    ZoneId zone = zone(ctx);
    Future<Long> n = c.from() ? from(c, ctx, channel, zone) : to(c, ctx, channel, zone);
    return n.transform(ar -> {
      if (c.file() == null) {
        channel.end(ar.succeeded());
      }
      return ar.succeeded() ? Future.succeededFuture(StatementResult.command("COPY " + ar.result()))
          : Future.failedFuture(ar.cause());
    });
  }

  private Future<Long> from(Stmt.Copy c, SessionContext ctx, CopyChannel channel, ZoneId zone) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.checkWritable("COPY FROM");
      txn.startQuery();
      Target t = target(c, ctx);
      AccessCheck.require(db, ctx, txn.storeTxn(), t.def(), Privilege.INSERT);
      CopyFrom.flags(t.def(), t.targets(), c.options().forceNotNull());
      CopyFrom.flags(t.def(), t.targets(), c.options().forceNull());
      ChunkSource src = c.file() == null ? null : ChunkSource.file(db, c.file());
      return new Object[] {t, src};
    }).compose(r -> {
      Target t = (Target) r[0];
      Future<ChunkSource> src = r[1] != null ? Future.succeededFuture((ChunkSource) r[1])
          : channel.startIn(false, t.targets().length).map(v -> ChunkSource.of(channel));
      return src.compose(s -> new CopyFrom(db, modifier, ctx, t.def(), t.targets(),
          c.options(), s, zone).run());
    });
  }

  private Future<Long> to(Stmt.Copy c, SessionContext ctx, CopyChannel channel, ZoneId zone) {
    TransactionBlock txn = ctx.txn();
    if (c.query() != null) {
      Stmt q = SqlParser.parse(c.query());
      if (!(q instanceof Stmt.Query query)) {
        return Future.failedFuture(SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
            "copy.query_unsupported"));
      }
      return queries.run(query.sql(), ctx, List.of()).compose(r -> open(c, channel,
          r.columns().size()).compose(sink -> {
            List<String> names = r.columns().stream().map(Column::name).toList();
            return finish(sink, new CopyTo(db, ctx, sink, encoder(c, names), zone)
                .rows(r.columns(), r.rows(), header(c, names)));
          }));
    }
    return db.blocking(() -> {
      txn.startQuery();
      Target t = target(c, ctx);
      AccessCheck.require(db, ctx, txn.storeTxn(), t.def(), Privilege.SELECT);
      return t;
    }).compose(t -> open(c, channel, t.targets().length).compose(sink -> {
      List<String> names = new ArrayList<>();
      for (int k : t.targets()) {
        names.add(t.def().columns().get(k).name());
      }
      return finish(sink, new CopyTo(db, ctx, sink, encoder(c, names), zone)
          .table(t.def(), t.targets(), header(c, names)));
    }));
  }

  private static Future<Long> finish(ChunkSink sink, Future<Long> copied) {
    return copied.transform(ar -> sink.close().transform(closed -> ar.failed() ? copied
        : closed.failed() ? Future.failedFuture(closed.cause()) : copied));
  }

  private Future<ChunkSink> open(Stmt.Copy c, CopyChannel channel, int columns) {
    if (c.file() != null) {
      return db.blocking(() -> ChunkSink.file(db, c.file()));
    }
    return channel.startOut(false, columns).map(v -> ChunkSink.of(channel));
  }

  private static RowEncoder encoder(Stmt.Copy c, List<String> names) {
    List<String> fq = c.options().forceQuote();
    boolean[] force = null;
    if (fq != null) {
      force = new boolean[names.size()];
      for (int i = 0; i < force.length; i++) {
        force[i] = fq.isEmpty() || fq.contains(names.get(i));
      }
      for (String n : fq) {
        if (!names.contains(n)) {
          throw SnapsyncException.error(SqlState.INVALID_COLUMN_REFERENCE,
              "copy.force_column_not_listed", n);
        }
      }
    }
    return new RowEncoder(c.options(), force);
  }

  private static Buffer header(Stmt.Copy c, List<String> names) {
    Buffer b = Buffer.buffer();
    if (c.options().header()) {
      new RowEncoder(c.options(), null).header(names, b);
    }
    return b;
  }

  private static Target target(Stmt.Copy c, SessionContext ctx) {
    io.snapsync.storage.StoreTransaction st = ctx.txn().storeTxn();
    // along the search path, as INSERT finds it (a TEMP table lives in the session's schema)
    TableDef def = TableCatalog.require(st, io.snapsync.core.sql.ddl.SearchPath.of(ctx)
        .relation(st, List.of(c.table())));
    int[] targets;
    if (c.columns() == null) {
      targets = new int[def.columns().size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = i;
      }
    } else {
      targets = new int[c.columns().size()];
      for (int i = 0; i < targets.length; i++) {
        targets[i] = column(def, c.columns().get(i));
        for (int k = 0; k < i; k++) {
          if (targets[k] == targets[i]) {
            throw SnapsyncException.error(SqlState.DUPLICATE_COLUMN, "dml.column_twice",
                c.columns().get(i));
          }
        }
      }
    }
    return new Target(def, targets);
  }

  static int column(TableDef def, String name) {
    int i = def.indexOf(name);
    if (i < 0) {
      throw SnapsyncException.error(SqlState.UNDEFINED_COLUMN, "sql.column_of_relation", name,
          def.name());
    }
    return i;
  }

  private static ZoneId zone(SessionContext ctx) {
    try {
      return ZoneId.of(ctx.setting("TimeZone"));
    } catch (RuntimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }
}
