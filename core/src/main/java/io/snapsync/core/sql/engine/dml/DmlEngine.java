package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.error.SnapsyncException;
import io.snapsync.core.error.SqlState;
import io.snapsync.core.session.Column;
import io.snapsync.core.session.StatementResult;
import io.snapsync.core.security.acl.Privilege;
import io.snapsync.core.sql.Database;
import io.snapsync.core.sql.access.AccessCheck;
import io.snapsync.core.sql.engine.QueryEngine;
import io.snapsync.core.sql.engine.expr.ValueOps;
import io.snapsync.core.sql.ddl.RowChecks;
import io.snapsync.core.sql.exec.RowModifier;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.core.sql.exec.TableDef;
import io.snapsync.core.sql.exec.Values;
import io.snapsync.core.txn.TransactionBlock;
import io.snapsync.storage.StorageException;
import io.snapsync.storage.StoreTransaction;
import io.vertx.core.Future;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs INSERT, UPDATE and DELETE: the query engine finds the rows and computes their values
 * under the statement's snapshot (so an INSERT ... SELECT from its own table reads none of its
 * own writes), then {@link RowModifier} locks, re-checks and writes them with PostgreSQL's
 * concurrency semantics. Plans are cached by statement text. Thread-safe.
 */
public final class DmlEngine {

  static final int CACHE_MAX = 1024;

  private final Database db;
  private final QueryEngine queries;
  private final DmlAnalyzer analyzer;
  private final RowModifier modifier;
  private final DmlLiterals literals = new DmlLiterals(this::plan);
  private final io.snapsync.core.sql.exec.TableLockWaits tableLocks;
  private final PartitionWrites partitions;
  private final io.snapsync.core.sql.exec.PartitionInserts partitionInserts;
  private final Map<String, DmlPlan> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DmlPlan> e) {
      return size() > CACHE_MAX;
    }
  };

  public DmlEngine(Database db, QueryEngine queries) {
    this.db = db;
    this.queries = queries;
    this.analyzer = new DmlAnalyzer(queries);
    this.modifier = new RowModifier(db);
    this.tableLocks = new io.snapsync.core.sql.exec.TableLockWaits(db);
    this.partitions = new PartitionWrites(db, modifier);
    this.partitionInserts = new io.snapsync.core.sql.exec.PartitionInserts(db, modifier);
  }

  private record Started(DmlPlan plan, StoreTransaction txn, List<Object> params) {
  }

  /** Runs the INSERT, UPDATE or DELETE {@code sql} ({@code kind}) in the session's transaction. */
  public Future<StatementResult> run(String sql, String kind, SessionContext ctx,
      List<Object> params) {
    TransactionBlock txn = ctx.txn();
    return db.blockingInline(() -> {
      txn.checkWritable(kind);
      txn.startQuery();
      StoreTransaction t = txn.storeTxn();
      DmlLiterals.Bound b;
      try (var path = io.snapsync.core.sql.ddl.SearchPath.enter(ctx)) {
        b = literals.plan(sql, params, t);
      }
      DmlPlan p = b.plan();
      AccessCheck.require(db, ctx, t, p.table(), Privilege.valueOf(p.kind().name()));
      if (p.upsert() != null && p.upsert().update() != null) {
        AccessCheck.require(db, ctx, t, p.table(), Privilege.UPDATE);
      }
      return new Started(p, t, b.params());
    }).compose(s -> tableLocks.lock(ctx, s.plan().table().name(),
        io.snapsync.core.txn.TableLockMode.ROW_EXCLUSIVE).compose(waited -> waited
            // it waited for DDL: plan again (READ COMMITTED: under a snapshot taken after it)
            ? run(sql, kind, ctx, params)
            : queries.start(s.plan().read(), ctx, s.txn(), s.params())
                .compose(exec -> db.blockingInline(() -> rows(s.plan().read(), s.plan(), exec,
                    s.txn(), exec.params(), null))
                    .compose(rows -> write(s.plan(), exec, rows, ctx))
                    .compose(w -> result(s.plan(), exec, w, kind, txn)))));
  }

  /** The command tag, and the rows of RETURNING (computed from the written rows). */
  private Future<StatementResult> result(DmlPlan p, QueryEngine.Execution exec,
      RowModifier.Written w, String kind, TransactionBlock txn) {
    String tag = kind.equals("INSERT") ? "INSERT 0 " + w.count() : kind + " " + w.count();
    DmlPlan.Returning r = p.returning();
    if (r == null) {
      return Future.succeededFuture(StatementResult.command(tag));
    }
    if (r.after() == null) {
      int n = p.table().columns().size();
      List<List<Object>> rows = new ArrayList<>(w.count());
      for (RowModifier.Change c : w.changes()) {
        rows.add(Arrays.asList(Arrays.copyOfRange(c.source(), n, c.source().length)));
      }
      return Future.succeededFuture(new StatementResult(r.columns(), rows, tag, List.of()));
    }
    return db.blockingInline(() -> {
      StoreTransaction t = txn.storeTxn();
      List<List<Object>> rows = new ArrayList<>(w.count());
      for (RowModifier.Change c : w.changes()) {
        List<Object> params = with(exec.params(), r.param(),
            p.table().pk() < 0 ? null : c.newRow().get(p.table().pk()));
        byte[] written = p.table().hiddenKey() || PartitionWrites.appends(p.table()) ? c.key()
            : RowModifier.key(p.table(), c.newRow());
        for (Object[] row : rows(r.after(), p, exec, t, params, written)) {
          rows.add(Arrays.asList(HiddenKeys.strip(row)));
        }
      }
      return new StatementResult(r.columns(), rows, tag, List.of());
    });
  }

  /**
   * The output columns of {@code sql} (RETURNING; none without it) as the session would see
   * them, without running it. Blocking.
   */
  public List<Column> describe(String sql, SessionContext ctx) {
    StoreTransaction own = ctx.txn().storeTxnIfBegun();
    if (own != null) {
      return columns(plan(sql, own));
    }
    StoreTransaction t = db.store().begin();
    try {
      return columns(plan(sql, t));
    } finally {
      t.rollback();
    }
  }

  /** Plans cached by exact text (tests). */
  int cachedPlans() {
    synchronized (cache) {
      return cache.size();
    }
  }

  /** Literal-hoisted DML shapes in use (tests). */
  int hoistedShapes() {
    return literals.checkedShapes();
  }

  private static List<Column> columns(DmlPlan p) {
    return p.returning() == null ? List.of() : p.returning().columns();
  }

  private DmlPlan plan(String sql, StoreTransaction t) {
    DmlPlan p;
    synchronized (cache) {
      p = cache.get(io.snapsync.core.sql.ddl.SearchPath.cacheKey(sql));
    }
    if (p != null && p.validFor(t)) {
      return p;
    }
    try {
      p = analyzer.analyze(sql, t);
    } catch (SnapsyncException | StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED, "engine.unsupported_query")
          .withCause(e);
    }
    synchronized (cache) {
      cache.put(io.snapsync.core.sql.ddl.SearchPath.cacheKey(sql), p);
    }
    return p;
  }

  private Future<RowModifier.Written> write(DmlPlan p, QueryEngine.Execution exec,
      List<Object[]> rows, SessionContext ctx) {
    TableDef def = p.table();
    ZoneId zone = exec.timeZone();
    try {
      switch (p.kind()) {
        case INSERT -> {
          List<List<Object>> out = new ArrayList<>(rows.size());
          for (Object[] r : rows) {
            ctx.checkCanceled();
            out.add(inserted(p, r, zone));
          }
          // CHECK constraints (sql.ddl.RowChecks), then the write
          if (io.snapsync.core.sql.exec.PartitionInserts.involved(def)) {
            if (p.upsert() != null) {
              throw SnapsyncException.error(SqlState.FEATURE_NOT_SUPPORTED,
                  "ddl.partition.upsert");
            }
            return partitionInserts.insert(def, out, ctx);
          }
          Future<Void> checked = RowChecks.verify(queries, def, out, ctx);
          if (p.upsert() == null) {
            return checked.compose(v -> modifier.insert(def, out, ctx));
          }
          if (p.upsert().update() == null) {
            return checked.compose(v -> modifier.upsert(def, out, null, ctx));
          }
          return checked.compose(v -> modifier.upsert(def, out, (t, existing, proposed) -> {
            DmlPlan.Upsert u = p.upsert();
            int n = def.columns().size();
            List<Object> params = with(exec.params(), u.firstParam() + n, existing.get(def.pk()));
            for (int i = 0; i < n; i++) {
              params.set(u.firstParam() + i, proposed.get(i));
            }
            List<Object[]> now = exec.rows(u.update(), t, params);
            if (now.isEmpty()) {
              return null;
            }
            List<Object> row = new ArrayList<>(existing);
            for (int j = 0; j < u.targets().length; j++) {
              int c = u.targets()[j];
              row.set(c, assign(now.get(0)[n + j], u.update().columns().get(n + j),
                  def.columns().get(c), zone));
            }
            return row;
          }, ctx));
        }
        case UPDATE -> {
          List<RowModifier.Change> changes = new ArrayList<>(rows.size());
          for (Object[] r : rows) {
            ctx.checkCanceled();
            changes.add(updated(p, r, zone));
          }
          changes = firstPerRow(changes);
          List<RowModifier.Change> once = changes;
          return RowChecks.verify(queries, def, once.stream().map(RowModifier.Change::newRow)
              .toList(), ctx).compose(v -> (def.partitioning() != null
                  ? partitions.update(def, once, (t, c) -> {
                    List<Object[]> now = recheck(p, exec, t, c);
                    return now.isEmpty() ? null : updated(p, now.get(0), zone);
                  }, ctx)
                  : modifier.update(def, once, (t, c) -> {
                List<Object[]> now = recheck(p, exec, t, c);
                return now.isEmpty() ? null : updated(p, now.get(0), zone);
              }, ctx)));
        }
        default -> {
          List<RowModifier.Change> changes = new ArrayList<>(rows.size());
          for (Object[] r : rows) {
            ctx.checkCanceled();
            changes.add(deleted(p, r));
          }
          changes = firstPerRow(changes);
          RowModifier.Recheck again = (t, c) -> {
            List<Object[]> now = recheck(p, exec, t, c);
            return now.isEmpty() ? null : deleted(p, now.get(0));
          };
          return PartitionWrites.appends(def) ? partitions.delete(def, changes, again, ctx)
              : modifier.delete(def, changes, again, ctx);
        }
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Each target row once: with UPDATE ... FROM or DELETE ... USING a row may join several
   * rows; as in PostgreSQL it is changed once, by the first.
   */
  private static List<RowModifier.Change> firstPerRow(List<RowModifier.Change> changes) {
    java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
    List<RowModifier.Change> out = new ArrayList<>(changes.size());
    for (RowModifier.Change c : changes) {
      if (seen.add(java.nio.ByteBuffer.wrap(c.key()))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The newest committed version of a changed row, if it still matches. Blocking. */
  private static List<Object[]> recheck(DmlPlan p, QueryEngine.Execution exec,
      StoreTransaction t, RowModifier.Change c) {
    return rows(p.recheck(), p, exec, t, with(exec.params(), p.pkParam(),
        p.table().pk() < 0 ? null : c.oldRow().get(p.table().pk())), c.key());
  }

  /**
   * Rows of {@code q}; on a table without a one-column primary key its target scan appends
   * each row's key, and {@code onlyKey} (a re-check, RETURNING) restricts it to that row. Blocking.
   */
  private static List<Object[]> rows(io.snapsync.core.sql.engine.PreparedQuery q, DmlPlan p,
      QueryEngine.Execution exec, StoreTransaction t, List<Object> params, byte[] onlyKey) {
    if ((p.table().pk() >= 0 && !PartitionWrites.appends(p.table()))
        || (p.kind() == DmlPlan.Kind.INSERT && onlyKey == null)) {
      return exec.rows(q, t, params);
    }
    return exec.rows(q, t, params, HiddenKeys.targetScan(q, p.table()), onlyKey);
  }

  /** The row key of an UPDATE or DELETE target row (its values, or the key its scan found). */
  private static byte[] key(DmlPlan p, Object[] r, List<Object> old) {
    return p.table().pk() < 0 || PartitionWrites.appends(p.table())
        ? HiddenKeys.key(r, p.table()) : RowModifier.key(p.table(), old);
  }

  /** {@code params} (by number) with {@code value} as number {@code n}, padded with nulls. */
  private static List<Object> with(List<Object> params, int n, Object value) {
    while (params.size() <= n) {
      params.add(null);
    }
    params.set(n, value);
    return params;
  }

  private static List<Object> inserted(DmlPlan p, Object[] r, ZoneId zone) {
    List<Column> cols = p.table().columns();
    List<Object> row = new ArrayList<>(cols.size());
    for (int c = 0; c < cols.size(); c++) {
      row.add(null);
    }
    for (int i = 0; i < p.targets().length; i++) {
      row.set(p.targets()[i], assign(r[i], p.read().columns().get(i), cols.get(p.targets()[i]),
          zone));
    }
    return row;
  }

  private static RowModifier.Change updated(DmlPlan p, Object[] r, ZoneId zone) {
    List<Column> cols = p.table().columns();
    int n = cols.size();
    List<Object> old = Arrays.asList(Arrays.copyOf(r, n));
    List<Object> row = new ArrayList<>(old);
    for (int j = 0; j < p.targets().length; j++) {
      int c = p.targets()[j];
      row.set(c, assign(r[n + j], p.read().columns().get(n + j), cols.get(c), zone));
    }
    return new RowModifier.Change(key(p, r, old), old, row, HiddenKeys.strip(r));
  }

  private static RowModifier.Change deleted(DmlPlan p, Object[] r) {
    List<Object> old = Arrays.asList(Arrays.copyOf(r, p.table().columns().size()));
    return new RowModifier.Change(key(p, r, old), old, null, HiddenKeys.strip(r));
  }

  /** PostgreSQL's assignment of a value of column type {@code from} to column {@code to}. */
  private static Object assign(Object v, Column from, Column to, ZoneId zone) {
    if (v == null) {
      return null;
    }
    Object out = from.type() == to.type() && to.typmod() < 0 ? v
        : io.snapsync.core.sql.types.PgValues.assign(v, from.type(), to.type(), to.typmod(), zone);
    // the storage classes of the row codec's types
    return switch (to.type()) {
      case INT4, INT8, BOOL, TEXT -> Values.convert(out, to.type(), to.name());
      default -> out;
    };
  }
}
