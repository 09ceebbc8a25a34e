package io.snapsync.core.sql.engine.dml;

import io.snapsync.core.session.Column;
import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.engine.PreparedQuery;
import io.snapsync.core.sql.parse.LiteralHoister;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * DML plans keyed by literal-normalized text: {@code UPDATE t SET v = 5 WHERE k = 17} runs the
 * plan of {@code UPDATE t SET v = $1 WHERE k = $2} with 5 and 17 bound, so the simple
 * protocol's writes are analyzed once per shape. A hoisted shape is used only once it was
 * checked against the plan of an unhoisted text of it: the same kind, table and targets, no
 * RETURNING or ON CONFLICT, the same read column types and typmods, the same types for
 * the statement's own parameters, and each hoisted parameter of the read and re-check queries
 * typed as its literal ({@link LiteralHoister#fits}); a shape that fails is never hoisted
 * again. Plans stay valid as {@link DmlPlan#validFor} says (DDL re-plans). Thread-safe;
 * bounded.
 */
final class DmlLiterals {

  /** A plan and the parameters to bind it with (the statement's own, then the literals). */
  record Bound(DmlPlan plan, List<Object> params) {
  }

  private final BiFunction<String, StoreTransaction, DmlPlan> plan;
  /** Hoisted text -> the plan of it that passed the check (re-checked when re-planned). */
  private final Map<String, DmlPlan> checked = lru();
  private final Map<String, Boolean> refused = lru();

  DmlLiterals(BiFunction<String, StoreTransaction, DmlPlan> plan) {
    this.plan = plan;
  }

  /** The plan for {@code sql} valid for {@code txn}, with {@code params} and any literals. */
  Bound plan(String sql, List<Object> params, StoreTransaction txn) {
    LiteralHoister.Hoisted h = LiteralHoister.hoist(sql, params.size());
    if (h == null || refusedShape(h.text())) {
      return new Bound(plan.apply(sql, txn), params);
    }
    DmlPlan hoisted;
    try {
      hoisted = plan.apply(h.text(), txn);
    } catch (RuntimeException | AssertionError e) {
      // (Calcite asserts on some parameter positions, e.g. with RETURNING)
      // refused only when the statement itself plans (not, say, before its table exists)
      DmlPlan exact = plan.apply(sql, txn);
      refuse(h.text());
      return new Bound(exact, params);
    }
    if (checkedPlan(h.text()) != hoisted) {
      DmlPlan exact = plan.apply(sql, txn);
      if (!sameShape(exact, hoisted, params.size(), h)) {
        refuse(h.text());
        return new Bound(exact, params);
      }
      synchronized (checked) {
        checked.put(h.text(), hoisted);
      }
    } else if (!literalsFit(hoisted, params.size(), h)) {
      return new Bound(plan.apply(sql, txn), params);
    }
    List<Object> all = new ArrayList<>(params.size() + h.values().size());
    all.addAll(params);
    all.addAll(h.values());
    return new Bound(hoisted, all);
  }

  private static boolean sameShape(DmlPlan exact, DmlPlan hoisted, int userParams,
      LiteralHoister.Hoisted h) {
    if (exact.kind() != hoisted.kind() || !exact.table().equals(hoisted.table())
        || !Arrays.equals(exact.targets(), hoisted.targets())
        || exact.returning() != null || hoisted.returning() != null
        || exact.upsert() != null || hoisted.upsert() != null
        || !sameTypes(exact.read().columns(), hoisted.read().columns())
        || exact.read().paramTypes().size() > userParams) {
      return false;
    }
    for (int i = 0; i < exact.read().paramTypes().size(); i++) {
      if (exact.read().paramTypes().get(i) != hoisted.read().paramTypes().get(i)) {
        return false;
      }
    }
    return literalsFit(hoisted, userParams, h);
  }

  /** The same types and typmods (the names of computed values are not used without RETURNING). */
  private static boolean sameTypes(List<Column> a, List<Column> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).type() != b.get(i).type() || a.get(i).typmod() != b.get(i).typmod()) {
        return false;
      }
    }
    return true;
  }

  /** Each literal's parameter, wherever the read or re-check query uses it, is of its type. */
  private static boolean literalsFit(DmlPlan hoisted, int userParams, LiteralHoister.Hoisted h) {
    List<DataType> read = hoisted.read().paramTypes();
    if (read.size() != userParams + h.types().size()) {
      return false;
    }
    return fit(read, userParams, h)
        && (hoisted.recheck() == null || fit(hoisted.recheck().paramTypes(), userParams, h));
  }

  private static boolean fit(List<DataType> types, int userParams, LiteralHoister.Hoisted h) {
    for (int i = 0; i < h.types().size() && userParams + i < types.size(); i++) {
      if (!LiteralHoister.fits(h.types().get(i), types.get(userParams + i))) {
        return false;
      }
    }
    return true;
  }

  private DmlPlan checkedPlan(String text) {
    synchronized (checked) {
      return checked.get(text);
    }
  }

  private boolean refusedShape(String text) {
    synchronized (refused) {
      return refused.containsKey(text);
    }
  }

  private void refuse(String text) {
    synchronized (refused) {
      refused.put(text, Boolean.TRUE);
    }
  }

  /** Shapes that passed the check (tests). */
  int checkedShapes() {
    synchronized (checked) {
      return checked.size();
    }
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> e) {
        return size() > DmlEngine.CACHE_MAX;
      }
    };
  }
}
