package io.snapsync.core.sql.ddl;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.catalog.CatalogText;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.engine.analyze.Analyzer;
import io.snapsync.core.sql.exec.Keys;
import io.snapsync.core.sql.exec.RowLocks;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableCatalog;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import io.snapsync.sql.parser.ast.PgAlterRename;
import io.snapsync.sql.parser.ast.PgObjectType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateView;

/**
 * CREATE [OR REPLACE] VIEW and ALTER VIEW ... RENAME in the session's transaction: the query is
 * analyzed against the catalog the transaction sees, its columns and the relations it reads
 * are stored with the view ({@link ViewCatalog}); a replacement keeps the old columns as
 * PostgreSQL does (42P16 otherwise). DROP VIEW is {@link ViewDrops}. Store work on the worker
 * pool; thread-safe.
 */
final class ViewDdl {

  private final Database db;
  private final RowLocks locks;
  private final ViewDrops drops;

  ViewDdl(Database db, RowLocks locks) {
    this.db = db;
    this.locks = locks;
    this.drops = new ViewDrops(db, locks);
  }

  /** The analyzed statement of a parsed CREATE VIEW. */
  static DdlStatement analyze(String sql, SqlCreateView v) {
    List<String> cols = new ArrayList<>();
    if (v.columnList != null) {
      for (SqlNode c : v.columnList) {
        cols.add(((SqlIdentifier) c).getSimple());
      }
    }
    return new DdlStatement.CreateView(Names.of(v.name), v.getReplace(), cols,
        SourceText.from(sql, v.query));
  }

  /** The analyzed statement of ALTER VIEW ... RENAME (ALTER SCHEMA: 0A000 for now). */
  static DdlStatement rename(PgAlterRename r) {
    if (r.objectType() != PgObjectType.VIEW) {
      throw DdlParser.unsupported("ALTER " + r.objectType().name() + " RENAME");
    }
    return new DdlStatement.AlterView(Names.of(r.name()), r.ifExists(), r.newName().getSimple());
  }

  Future<StatementResult> drop(DdlStatement.Drop d, SessionContext ctx) {
    return drops.drop(d, ctx);
  }

  Future<StatementResult> create(DdlStatement.CreateView c, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    return begin(txn, c.tag())
        .compose(v -> locks.lockAll(ctx, List.of(Keys.table(c.view()), ViewCatalog.key(c.view())),
            false))
        .compose(v -> db.blocking(() -> define(c, ctx, DdlEngine.recheckSnapshot(txn))))
        .compose(def -> locks.lockAll(ctx, dependencyKeys(def, txn.storeTxn()), false)
            .compose(v -> db.blocking(() -> {
              ViewCatalog.put(txn.storeTxn(), def);
              return StatementResult.command(c.tag());
            })));
  }

  private Future<Void> begin(TransactionBlock txn, String tag) {
    return db.blocking(() -> {
      txn.checkWritable(tag);
      txn.startQuery();
      txn.storeTxn();
      return null;
    });
  }

  /** The new definition, checked against what exists. Blocking. */
  private ViewDef define(DdlStatement.CreateView c, SessionContext ctx, StoreTransaction t) {
    ViewDef old = ViewCatalog.find(t, c.view());
    if (TableCatalog.find(t, c.view()) != null || (old != null && !c.replace())
        || db.executor().ddl().sequences().find(t, c.view()) != null) {
      throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.relation_exists", c.view());
    }
    if (old != null) {
      AccessCheck.requireOwner(db, ctx, old.asRelation());
    }
    PreparedQuery q = db.executor().queries().planParsed(c.query(), Analyzer.parse(c.query()), t);
    List<Column> cols = q.columns();
    if (c.columns().size() > cols.size()) {
      throw SnapsyncException.error(SqlState.SYNTAX_ERROR, "ddl.view_too_many_names");
    }
    List<Column> named = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < cols.size(); i++) {
      Column col = cols.get(i);
      String name = i < c.columns().size() ? c.columns().get(i) : col.name();
      if (!seen.add(name)) {
        throw SnapsyncException.error(DdlStates.DUPLICATE_COLUMN, "ddl.duplicate_column", name);
      }
      named.add(new Column(name, col.type(), col.typmod()));
    }
    if (old != null) {
      checkReplacement(old, named);
    }
    List<String> deps = new ArrayList<>();
    Set<String> throughViews = new HashSet<>();
    for (Map.Entry<String, TableDef> e : q.dependencies().entrySet()) {
      if (e.getValue() != null && !e.getKey().equals(c.view())
          && io.snapsync.core.sql.engine.analyze.ViewExpansion.viaView(e.getKey()) == null) {
        deps.add(e.getKey());
        ViewDef v = ViewCatalog.find(t, e.getKey());
        if (v != null) {
          throughViews.addAll(v.dependsOn());
        }
      }
    }
    // what a view read reads stays that view's dependency (DROP cascades through it)
    deps.removeAll(throughViews);
    long id = old != null ? old.id() : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE - 1);
    return new ViewDef(id, c.view(), named, c.query(), old != null ? old.owner() : ctx.user(),
        deps);
  }

  /** PostgreSQL's rule: the old columns stay, by name and type, in order; new ones may follow. */
  private static void checkReplacement(ViewDef old, List<Column> now) {
    if (now.size() < old.columns().size()) {
      throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION, "ddl.view_drop_columns");
    }
    for (int i = 0; i < old.columns().size(); i++) {
      Column was = old.columns().get(i);
      Column is = now.get(i);
      if (!was.name().equals(is.name())) {
        throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
            "ddl.view_rename_column", was.name(), is.name()).withHint("ddl.view_rename_column.hint");
      }
      if (was.type() != is.type() || was.typmod() != is.typmod()) {
        throw SnapsyncException.error(SqlState.INVALID_TABLE_DEFINITION,
            "ddl.view_column_type", was.name(),
            CatalogText.formatType(was.type().oid(), was.typmod() < 0 ? null : was.typmod()),
            CatalogText.formatType(is.type().oid(), is.typmod() < 0 ? null : is.typmod()));
      }
    }
  }

  /** The definition keys of the relations {@code def} reads (DROP of them waits for us). */
  private static List<byte[]> dependencyKeys(ViewDef def, StoreTransaction t) {
    List<byte[]> keys = new ArrayList<>();
    for (String d : def.dependsOn()) {
      keys.add(ViewCatalog.find(t, d) != null ? ViewCatalog.key(d) : Keys.table(d));
    }
    return keys;
  }

  Future<StatementResult> alter(DdlStatement.AlterView a, SessionContext ctx) {
    TransactionBlock txn = ctx.txn();
    return begin(txn, a.tag())
        .compose(v -> locks.lockAll(ctx, List.of(ViewCatalog.key(a.view()),
            Keys.table(a.newName()), ViewCatalog.key(a.newName())), false))
        .compose(v -> db.blocking(() -> {
          StoreTransaction t = DdlEngine.recheckSnapshot(txn);
          ViewDef old = ViewCatalog.find(t, a.view());
          if (old == null) {
            if (a.ifExists()) {
              return new StatementResult(List.of(), List.of(), a.tag(), List.of(
                  io.snapsync.core.session.Notice.of(io.snapsync.core.error.Severity.NOTICE,
                      SqlState.SUCCESSFUL_COMPLETION, "ddl.relation_not_exist_skipping", a.view())));
            }
            throw SnapsyncException.error(SqlState.UNDEFINED_TABLE, "ddl.relation_not_exist",
                a.view());
          }
          AccessCheck.requireOwner(db, ctx, old.asRelation());
          if (TableCatalog.find(t, a.newName()) != null || ViewCatalog.find(t, a.newName()) != null
              || db.executor().ddl().sequences().find(t, a.newName()) != null) {
            throw SnapsyncException.error(SqlState.DUPLICATE_TABLE, "ddl.relation_exists",
                a.newName());
          }
          ViewDependents.refuseRename(t, a.view());
          ViewCatalog.delete(t, a.view());
          txn.markDeleted(ViewCatalog.key(a.view()));
          ViewCatalog.put(t, old.renamed(a.newName()));
          return StatementResult.command(a.tag());
        }));
  }
}
