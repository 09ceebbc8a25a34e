package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.Severity;
import io.snapsync.core.error.SnapsyncException;
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
 * CREATE SCHEMA, DROP SCHEMA and ALTER SCHEMA: schema definitions are MVCC data
 * ({@link SchemaCatalog}), locked by key while changed. DROP SCHEMA ... CASCADE drops the
 * schema's views, tables and sequences through the engine's own DROP statements. Thread-safe.
 */
final class SchemaDdl {

  /** 42P06 duplicate_schema. */
  private static final String DUPLICATE_SCHEMA = SqlState.DUPLICATE_SCHEMA;

  private final Database db;
  private final RowLocks locks;

  SchemaDdl(Database db, RowLocks locks) {
    this.db = db;
    this.locks = locks;
  }

  Future<StatementResult> create(DdlStatement.CreateSchema c, SessionContext ctx) {
    return begin(ctx, c.tag(), List.of(c.name())).compose(v -> db.blocking(() -> {
      StoreTransaction t = DdlEngine.recheckSnapshot(ctx.txn());
      if (c.name().startsWith("pg_")) {
        throw SnapsyncException.error(SqlState.RESERVED_NAME, "ddl.schema_reserved", c.name())
            .withDetail("ddl.schema_reserved.detail");
      }
      if (SchemaCatalog.exists(t, c.name())) {
        if (c.ifNotExists()) {
          return new StatementResult(List.of(), List.of(), c.tag(), List.of(Notice.of(
              Severity.NOTICE, DUPLICATE_SCHEMA, "ddl.schema_exists_skipping",
              c.name())));
        }
        throw SnapsyncException.error(DUPLICATE_SCHEMA, "ddl.schema_exists", c.name());
      }
      String owner = c.authorization() == null ? ctx.user() : c.authorization();
      if (c.authorization() != null) {
        io.snapsync.core.sql.access.SchemaAccess.requireMember(db, ctx, owner);
      }
      SchemaCatalog.put(t, new SchemaDef(c.name(), owner,
          ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
      return StatementResult.command(c.tag());
    }));
  }

  Future<StatementResult> alter(DdlStatement.AlterSchema a, SessionContext ctx) {
    List<String> keys = a.newName() == null ? List.of(a.name()) : List.of(a.name(), a.newName());
    return begin(ctx, a.tag(), keys).compose(v -> db.blocking(() -> {
      StoreTransaction t = DdlEngine.recheckSnapshot(ctx.txn());
      SchemaDef d = SchemaCatalog.find(t, a.name());
      if (d == null) {
        if (SchemaCatalog.builtin(a.name())) {
          throw DdlParser.unsupported("ALTER SCHEMA " + a.name());
        }
        throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.schema_not_exist",
            a.name());
      }
      io.snapsync.core.sql.access.SchemaAccess.requireOwner(db, ctx, t, a.name());
      if (a.newOwner() != null) {
        io.snapsync.core.sql.access.SchemaAccess.requireMember(db, ctx, a.newOwner());
        SchemaCatalog.put(t, d.ownedBy(a.newOwner()));
        return StatementResult.command(a.tag());
      }
      if (SchemaCatalog.exists(t, a.newName())) {
        throw SnapsyncException.error(DUPLICATE_SCHEMA, "ddl.schema_exists",
            a.newName());
      }
      if (a.newName().startsWith("pg_")) {
        throw SnapsyncException.error(SqlState.RESERVED_NAME, "ddl.schema_reserved",
            a.newName()).withDetail("ddl.schema_reserved.detail");
      }
      if (!SchemaContents.of(t, a.name()).isEmpty()) {
        throw DdlParser.unsupported("ALTER SCHEMA RENAME of a schema that is not empty");
      }
      SchemaCatalog.delete(t, a.name());
      SchemaCatalog.put(t, d.renamed(a.newName()));
      return StatementResult.command(a.tag());
    }));
  }

  Future<StatementResult> drop(DdlStatement.DropSchema d, SessionContext ctx, DdlEngine ddl) {
    return begin(ctx, d.tag(), d.names()).compose(v -> db.blocking(() -> {
      StoreTransaction t = DdlEngine.recheckSnapshot(ctx.txn());
      List<Notice> notices = new ArrayList<>();
      List<String> dropped = new ArrayList<>();
      List<SchemaContents.Item> contents = new ArrayList<>();
      for (String name : d.names()) {
        if (SchemaCatalog.builtin(name)) {
          throw DdlParser.unsupported("DROP SCHEMA " + name);
        }
        if (SchemaCatalog.find(t, name) == null) {
          if (d.ifExists()) {
            notices.add(Notice.of(Severity.NOTICE, SqlState.SUCCESSFUL_COMPLETION, "ddl.schema_not_exist_skipping",
                name));
            continue;
          }
          throw SnapsyncException.error(SqlState.INVALID_SCHEMA_NAME, "ddl.schema_not_exist",
              name);
        }
        io.snapsync.core.sql.access.SchemaAccess.requireOwner(db, ctx, t, name);
        List<SchemaContents.Item> items = SchemaContents.of(t, name);
        if (!items.isEmpty() && !d.cascade()) {
          throw SnapsyncException.error(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
              "ddl.schema_has_dependents", name)
              .withDetail("ddl.dependents_detail", String.join("\n", items.stream()
                  .map(i -> i.kind() + " " + i.name() + " depends on schema " + name).toList()))
              .withHint("ddl.cascade.hint");
        }
        contents.addAll(items);
        dropped.add(name);
      }
      notices.addAll(SchemaContents.cascadeNotices(contents));
      return new Pending(dropped, contents, notices);
    })).compose(p -> dropContents(p, ctx, ddl).compose(v -> db.blocking(() -> {
      StoreTransaction t = ctx.txn().storeTxn();
      p.schemas().forEach(n -> {
        SchemaCatalog.delete(t, n);
        io.snapsync.core.security.acl.AclStore.forget(t,
            io.snapsync.core.security.acl.ObjectKind.SCHEMA, n);
      });
      return new StatementResult(List.of(), List.of(), d.tag(), p.notices());
    })));
  }

  private record Pending(List<String> schemas, List<SchemaContents.Item> contents,
      List<Notice> notices) {
  }

  private Future<Void> dropContents(Pending p, SessionContext ctx, DdlEngine ddl) {
    Future<?> f = Future.succeededFuture();
    for (DdlStatement.Drop.Kind kind : List.of(DdlStatement.Drop.Kind.VIEW,
        DdlStatement.Drop.Kind.TABLE, DdlStatement.Drop.Kind.SEQUENCE)) {
      List<String> names = p.contents().stream().filter(i -> i.drop() == kind)
          .map(SchemaContents.Item::name).toList();
      if (!names.isEmpty()) {
        f = f.compose(v -> ddl.runResolved(new DdlStatement.Drop(kind, names, true, true), ctx));
      }
    }
    return f.mapEmpty();
  }

  private Future<Void> begin(SessionContext ctx, String tag, List<String> names) {
    TransactionBlock txn = ctx.txn();
    return db.blocking(() -> {
      txn.checkWritable(tag);
      txn.startQuery();
      txn.storeTxn();
      return null;
    }).compose(v -> locks.lockAll(ctx, names.stream().map(SchemaCatalog::key).toList(), false));
  }
}
