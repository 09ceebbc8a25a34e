package io.snapsync.core.sql.routine;

import io.snapsync.core.sql.catalog.CatalogOids;
import io.snapsync.core.sql.catalog.CatalogView;
import io.snapsync.core.sql.exec.SessionContext;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code pg_proc} rows of user functions and procedures as the scanning statement's
 * transaction sees them: oid, name, namespace, owner, language, kind, set, volatility,
 * argument count and types, result type, argument names and source text. Blocking.
 */
public final class ProcRows {

  /** PostgreSQL's {@code pg_language} oids. */
  static final long LANG_SQL = 14;
  static final long LANG_PLPGSQL = 13_525;
  /** The pseudo-type {@code trigger}. */
  static final long TRIGGER_TYPE = 2279;

  private ProcRows() {
  }

  /** The rows, in the column order PgCatalog registers for pg_proc. */
  public static List<List<Object>> rows(CatalogView v) {
    if (v.call() == null || !(v.call().sessionInternals() instanceof SessionContext ctx)) {
      return List.of();
    }
    StoreTransaction t = ctx.txn().storeTxn();
    List<List<Object>> out = new ArrayList<>();
    for (RoutineDef d : RoutineCatalog.all(t)) {
      List<String> types = new ArrayList<>();
      for (var p : d.inputs()) {
        types.add(String.valueOf(p.type().oid()));
      }
      List<String> all = new ArrayList<>();
      List<Object> names = new ArrayList<>();
      boolean named = false;
      for (var p : d.params()) {
        all.add(String.valueOf(p.type().oid()));
        names.add(p.name() == null ? "" : p.name());
        named |= p.name() != null;
      }
      boolean outParams = d.params().size() != d.inputs().size();
      out.add(Arrays.asList(d.id(), d.name(), CatalogOids.PUBLIC, CatalogOids.OWNER,
          d.language().equals("sql") ? LANG_SQL : LANG_PLPGSQL, String.valueOf(d.kind()),
          d.returnsSet(), String.valueOf(d.volatility()), (short) d.inputs().size(),
          d.returnType() == null ? TRIGGER_TYPE : (long) d.returnType().oid(),
          String.join(" ", types), outParams ? "{" + String.join(",", all) + "}" : null,
          named ? names : null, d.body(), null));
    }
    return out;
  }
}
