package io.snapsync.core.sql.engine;

import io.snapsync.core.session.DataType;
import io.snapsync.core.sql.parse.LiteralHoister;
import io.snapsync.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Plans keyed by literal-normalized text: a query that differs from an earlier one only in
 * its literals runs the plan of the hoisted text ({@link LiteralHoister}) with the literals
 * bound as parameters, so the simple protocol's point selects do not re-plan. A hoisted shape
 * is used only once it was checked against the plan of an unhoisted text of it: the same
 * result columns (names, types, typmods), the same types for the query's own parameters, and
 * each hoisted parameter typed as its literal (a string: a text type); a shape that fails
 * the check is never hoisted again. Thread-safe; bounded like {@link PlanCache}.
 */
final class LiteralPlans {

  /** A plan and the parameters to bind it with. */
  record Bound(PreparedQuery query, List<Object> params) {
  }

  private final BiFunction<String, StoreTransaction, PreparedQuery> prepare;
  /** Hoisted text -> the plan of it that passed the check (re-checked when re-planned). */
  private final Map<String, PreparedQuery> checked = lru();
  private final Map<String, Boolean> refused = lru();

  LiteralPlans(BiFunction<String, StoreTransaction, PreparedQuery> prepare) {
    this.prepare = prepare;
  }

  /** The plan for {@code sql} valid for {@code txn}, with {@code params} and any literals. */
  Bound plan(String sql, List<Object> params, StoreTransaction txn) {
    LiteralHoister.Hoisted h = LiteralHoister.hoist(sql, params.size());
    if (h == null || refusedShape(h.text())) {
      return new Bound(prepare.apply(sql, txn), params);
    }
    PreparedQuery hoisted;
    try {
      hoisted = prepare.apply(h.text(), txn);
    } catch (RuntimeException e) {
      // refused only when the statement itself plans (not, say, before its table exists)
      PreparedQuery exact = prepare.apply(sql, txn);
      refuse(h.text());
      return new Bound(exact, params);
    }
    if (checkedPlan(h.text()) != hoisted) {
      PreparedQuery exact = prepare.apply(sql, txn);
      if (!sameShape(exact, hoisted, params.size(), h)) {
        refuse(h.text());
        return new Bound(exact, params);
      }
      synchronized (checked) {
        checked.put(h.text(), hoisted);
      }
    } else if (!literalsFit(hoisted, params.size(), h)) {
      return new Bound(prepare.apply(sql, txn), params);
    }
    List<Object> all = new ArrayList<>(params.size() + h.values().size());
    all.addAll(params);
    all.addAll(h.values());
    return new Bound(hoisted, all);
  }

  private static boolean sameShape(PreparedQuery exact, PreparedQuery hoisted, int userParams,
      LiteralHoister.Hoisted h) {
    if (!exact.columns().equals(hoisted.columns())
        || exact.paramTypes().size() > userParams) {
      return false;
    }
    for (int i = 0; i < exact.paramTypes().size(); i++) {
      if (exact.paramTypes().get(i) != hoisted.paramTypes().get(i)) {
        return false;
      }
    }
    return literalsFit(hoisted, userParams, h);
  }

  private static boolean literalsFit(PreparedQuery hoisted, int userParams,
      LiteralHoister.Hoisted h) {
    List<DataType> types = hoisted.paramTypes();
    if (types.size() != userParams + h.types().size()) {
      return false;
    }
    for (int i = 0; i < h.types().size(); i++) {
      DataType literal = h.types().get(i);
      DataType param = types.get(userParams + i);
      if (!LiteralHoister.fits(literal, param)) {
        return false;
      }
    }
    return true;
  }

  private PreparedQuery checkedPlan(String text) {
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

  /** Entries kept by this instance (tests). */
  int checkedShapes() {
    synchronized (checked) {
      return checked.size();
    }
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> e) {
        return size() > PlanCache.MAX;
      }
    };
  }
}
